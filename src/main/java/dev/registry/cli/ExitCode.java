package dev.registry.cli;

import dev.registry.EnvironmentException;
import dev.registry.UsageException;

/** The documented exit codes, and the one place exceptions are mapped to them. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int ENVIRONMENT = 3;
    public static final int INTERNAL = 4;

    private ExitCode() {
    }

    public static int of(Throwable t) {
        if (t instanceof UsageException) {
            return USAGE;
        }
        if (t instanceof EnvironmentException) {
            return ENVIRONMENT;
        }
        return INTERNAL;
    }
}
