package dev.registry;

/**
 * The world around the tool failed it: not a git repository, an unknown revision, an unreadable
 * file, history missing from a shallow clone.
 */
public class EnvironmentException extends RegistryException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
