package dev.registry.edit;

import dev.registry.EnvironmentException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The registry's write lock: one writer at a time, across processes (an OS lock on
 * {@code .registry/write.lock}) and across threads of one process (a file lock is held per
 * process, so threads queue on an in-process lock first). Advisory: it orders registry commands,
 * not editors.
 *
 * <p>The lock file is never deleted (deleting it would let two writers lock two different files);
 * a {@code .registry/.gitignore}, which ignores itself as well, keeps it out of commits and out of
 * {@code git status}.
 */
public final class WriteLock implements AutoCloseable {

    public static final String PATH = ".registry/write.lock";
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private WriteLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** After waiting this long, a writer says what it is waiting for. */
    static final Duration PATIENCE = Duration.ofSeconds(1);

    /** Waits up to {@code timeout} for the lock of the registry at {@code root}. */
    public static WriteLock acquire(Path root, Duration timeout) {
        return acquire(root, timeout, WriteEvents.NONE);
    }

    /**
     * Waits up to {@code timeout} for the lock of the registry at {@code root}, and tells
     * {@code events} once if it has waited {@link #PATIENCE} and goes on waiting.
     */
    public static WriteLock acquire(Path root, Duration timeout, WriteEvents events) {
        Path file = prepare(root);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        boolean told = false;
        try {
            long first = Math.min(PATIENCE.toNanos(), timeout.toNanos());
            if (!local.tryLock(first, TimeUnit.NANOSECONDS)) {
                if (timeout.toNanos() <= first) {
                    throw busy(root, timeout);
                }
                events.waitingForLock(file);
                told = true;
                if (!local.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw busy(root, timeout);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while waiting for the registry's write lock", e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock l;
                try {
                    l = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // held by this process through another channel: wait like anyone else
                }
                if (l != null) {
                    return new WriteLock(local, channel, l);
                }
                long now = System.nanoTime();
                if (now > deadline) {
                    throw busy(root, timeout);
                }
                if (!told && now - start >= PATIENCE.toNanos()) {
                    events.waitingForLock(file);
                    told = true;
                }
                Thread.sleep(25);
            }
        } catch (IOException e) {
            close(channel);
            local.unlock();
            throw new EnvironmentException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            close(channel);
            local.unlock();
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while waiting for the registry's write lock", e);
        } catch (RuntimeException e) {
            close(channel);
            local.unlock();
            throw e;
        }
    }

    private static Path prepare(Path root) {
        Path dir = root.resolve(".registry");
        try {
            Files.createDirectories(dir);
            Path ignore = dir.resolve(".gitignore");
            if (!Files.exists(ignore)) {
                // It ignores itself too, so a registry command leaves `git status` as it found it.
                AtomicFile.write(ignore, "# The write lock of `registry` commands, never committed (nor is this file).\n"
                        .concat("write.lock\n.gitignore\n").getBytes(StandardCharsets.UTF_8));
            }
            Path file = dir.resolve("write.lock");
            if (Files.isSymbolicLink(file)) {
                throw new EnvironmentException("refusing to lock through a symbolic link: " + file);
            }
            return file.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new EnvironmentException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static EnvironmentException busy(Path root, Duration timeout) {
        return new EnvironmentException("another registry command has been writing to " + root + " for "
                + timeout.toSeconds() + " s (lock " + PATH + "); try again when it has finished");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing more to do
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        } finally {
            close(channel);
            local.unlock();
        }
    }
}
