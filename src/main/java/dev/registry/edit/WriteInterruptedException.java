package dev.registry.edit;

import dev.registry.EnvironmentException;

/** A write was stopped from outside (the process is shutting down) and rolled back: nothing was written. */
public final class WriteInterruptedException extends EnvironmentException {
    private static final long serialVersionUID = 1L;

    WriteInterruptedException() {
        super("interrupted: nothing was written");
    }
}
