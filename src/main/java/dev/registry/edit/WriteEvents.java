package dev.registry.edit;

import java.nio.file.Path;

/**
 * What a write tells its caller while it runs, for the command line to show; the write service
 * itself never prints. Both methods may be called from another thread than the one writing.
 */
public interface WriteEvents {

    /** Tells nothing. */
    WriteEvents NONE = new WriteEvents() {
    };

    /**
     * Another command holds the write lock and this write has waited for it about a second; called
     * at most once per write, and the write goes on waiting.
     */
    default void waitingForLock(Path lockFile) {
    }

    /**
     * The process is being stopped (SIGINT, SIGTERM) while files were being written, and every file
     * already written has been removed or restored. Called from a JVM shutdown hook: keep it short.
     */
    default void interrupted() {
    }
}
