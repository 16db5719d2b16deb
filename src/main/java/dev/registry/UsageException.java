package dev.registry;

/** The request itself is wrong: bad arguments, a malformed reference, a missing registry.yaml. */
public class UsageException extends RegistryException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
