package dev.registry.edit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The files of one write in progress, and the one way to undo them: new files removed (with the
 * folders made for them), replaced files restored. A write fails over to it when a file cannot be
 * written, and a shutdown hook when the process is stopped half way.
 *
 * <p>Writers and the rollback meet under one lock, held only for bookkeeping, never during file
 * I/O: a writer asks {@link #begin} before each file (refused once a rollback has started) and
 * reports {@link #end}; the rollback marks the write aborted, waits (bounded, releasing the lock)
 * for the files being written to land, then undoes everything that landed. So the rollback never
 * deadlocks with a writer, and nothing is written after it has started.
 */
final class PendingWrite {

    /** How long a rollback waits for files being written when it starts (each one is one small fsync'd file). */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(10);

    private final Function<String, Path> resolve;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<FileChange> written = new ArrayList<>();
    private final Set<FileChange> inFlight = new HashSet<>();
    private final Set<Path> madeFolders = new HashSet<>();
    private boolean aborted;
    private boolean finished;
    private boolean rolledBack;

    PendingWrite(Function<String, Path> resolve) {
        this.resolve = resolve;
    }

    /** Before writing a file: false once the write was aborted, and then the file must not be written. */
    boolean begin(FileChange c) {
        lock.lock();
        try {
            if (aborted) {
                return false;
            }
            inFlight.add(c);
            // Folders that do not exist yet are the write's own: a rollback removes them again.
            Path root = resolve.apply("");
            for (Path p = resolve.apply(c.path()).getParent(); p != null && p.startsWith(root) && !p.equals(root)
                    && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
                madeFolders.add(p);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** After a file: whether it was written (the target replaced), or failed with nothing replaced. */
    void end(FileChange c, boolean done) {
        lock.lock();
        try {
            inFlight.remove(c);
            if (done) {
                written.add(c);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The write completed: from now on a rollback does nothing. False when it was aborted first. */
    boolean finish() {
        lock.lock();
        try {
            if (aborted) {
                return false;
            }
            finished = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** {@link #abort(Runnable)} with nothing more to do. */
    int abort() {
        return abort(() -> { });
    }

    /**
     * Stops the write and undoes it, then runs {@code rolledBackThen} before the writer learns the
     * rollback is over; returns how many written files were undone, or -1 when the write had
     * finished or another rollback had already started (which then does the undoing).
     */
    int abort(Runnable rolledBackThen) {
        List<FileChange> undo;
        List<FileChange> stragglers;
        lock.lock();
        try {
            if (finished || aborted) {
                return -1;
            }
            aborted = true;
            long left = IN_FLIGHT_WAIT.toNanos();
            while (!inFlight.isEmpty() && left > 0) {
                try {
                    left = changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            undo = new ArrayList<>(written);
            stragglers = new ArrayList<>(inFlight);
        } finally {
            lock.unlock();
        }
        try {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo(undo.get(i));
            }
            // A file still being written after the wait: its temp file is hidden but would stay behind.
            stragglers.forEach(c -> deleteTempFiles(resolve.apply(c.path())));
            madeFolders.stream().sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                    .forEach(PendingWrite::deleteIfEmpty);
            rolledBackThen.run();
            return undo.size();
        } finally {
            lock.lock();
            try {
                rolledBack = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Whether the write was aborted; if so, waits (bounded) until the rollback has finished. */
    boolean awaitAborted() {
        lock.lock();
        try {
            long left = IN_FLIGHT_WAIT.multipliedBy(3).toNanos();
            while (aborted && !rolledBack && left > 0) {
                left = changed.awaitNanos(left);
            }
            return aborted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return aborted;
        } finally {
            lock.unlock();
        }
    }

    private void undo(FileChange c) {
        try {
            Path target = resolve.apply(c.path());
            if (c.before().isPresent()) {
                AtomicFile.write(target, c.before().get().getBytes(StandardCharsets.UTF_8));
            } else {
                Files.deleteIfExists(target);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: go on undoing the others
        }
    }

    private static void deleteTempFiles(Path target) {
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, AtomicFile.tempGlob(target))) {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(dir);
            }
        } catch (IOException | RuntimeException ignored) {
            // not empty (someone else's file) or gone: leave it
        }
    }
}
