package dev.registry;

/**
 * Root of the tool's one error model. Each subclass stands for one kind of failure; the command
 * line maps them to exit codes in one place ({@code dev.registry.cli.ExitCode}).
 */
public abstract class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected RegistryException(String message) {
        super(message);
    }

    protected RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
