package dev.registry.edit;

import dev.registry.EnvironmentException;
import dev.registry.check.ValidationReport;
import dev.registry.check.Validator;
import dev.registry.finding.Finding;
import dev.registry.source.OverlaySource;
import dev.registry.source.SnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one way cards are written. Every editing command hands it a {@link WritePlan}; it
 * <ol>
 * <li>plans the change against the working tree as it is,</li>
 * <li>validates the registry as it would be after the change (an overlay of the planned files
 *     over the working tree) with the standard {@link Validator},</li>
 * <li>refuses when the change brings errors in (see {@link #blocking}),</li>
 * <li>takes the write lock, re-reads the registry and, if another command changed it meanwhile,
 *     plans and validates again under the lock,</li>
 * <li>writes each file atomically, all or nothing: if one fails, or the process is stopped
 *     (SIGINT, SIGTERM) half way, the files already written are undone, and</li>
 * <li>optionally commits exactly those files, still under the lock.</li>
 * </ol>
 */
public final class CardWriter {

    /** How long a write waits for another command's write to finish. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    private final Path root;
    private final Validator validator;
    private final Duration lockTimeout;
    private final WriteEvents events;
    /** Runs after each file is written; tests stop a write half way through it. */
    private Consumer<PendingWrite> afterFile = p -> { };

    public CardWriter(Path root, LocalDate today) {
        this(root, new Validator(today), DEFAULT_LOCK_TIMEOUT, WriteEvents.NONE);
    }

    public CardWriter(Path root, Validator validator, Duration lockTimeout) {
        this(root, validator, lockTimeout, WriteEvents.NONE);
    }

    /** A writer that tells {@code events} when it waits for the lock or is interrupted. */
    public CardWriter(Path root, Validator validator, Duration lockTimeout, WriteEvents events) {
        this.root = root.toAbsolutePath().normalize();
        this.validator = validator;
        this.lockTimeout = lockTimeout;
        this.events = events;
    }

    /** Calls {@code hook} after each file written, in the writing thread. */
    CardWriter afterEachFile(Consumer<PendingWrite> hook) {
        this.afterFile = hook;
        return this;
    }

    /** The working tree, read for planning. */
    public RegistryState read() {
        return RegistryState.read(root);
    }

    /**
     * Plans, validates and (unless {@code dryRun}) writes; with a committer, commits the written
     * files. Never writes anything when the outcome is {@link WriteOutcome.Refused}.
     */
    public WriteOutcome write(WritePlan plan, boolean dryRun, Optional<Committer> committer) {
        RegistryState state = read();
        ChangeSet changes = plan.plan(state);
        Check check = check(state, changes);
        if (check.refused().isPresent() || dryRun) {
            return check.refused().map(r -> (WriteOutcome) r).orElse(new WriteOutcome.Planned(changes, check.otherErrors()));
        }
        try (WriteLock lock = WriteLock.acquire(root, lockTimeout, events)) {
            RegistryState now = read();
            if (!now.files().fingerprint().equals(state.files().fingerprint())) {
                changes = plan.plan(now);
                check = check(now, changes);
                if (check.refused().isPresent()) {
                    return check.refused().get();
                }
            }
            if (committer.isPresent()) {
                committer.get().checkUntouched(changes.paths());
            }
            apply(changes.changes());
            Optional<String> commit = Optional.empty();
            if (committer.isPresent() && !changes.changes().isEmpty()) {
                commit = Optional.of(committer.get().commit(changes.paths(), changes.message()));
            }
            return new WriteOutcome.Written(changes, commit, check.otherErrors());
        }
    }

    private record Check(Optional<WriteOutcome.Refused> refused, long otherErrors) {
    }

    private Check check(RegistryState state, ChangeSet changes) {
        if (!changes.refusals().isEmpty()) {
            return new Check(Optional.of(new WriteOutcome.Refused(changes, changes.refusals())), 0);
        }
        Validation v = validate(state, changes.changes());
        if (!v.blocking().isEmpty()) {
            List<Finding> located = v.blocking().stream().map(changes.locate()).toList();
            return new Check(Optional.of(new WriteOutcome.Refused(changes, located)), v.otherErrors());
        }
        return new Check(Optional.empty(), v.otherErrors());
    }

    /**
     * The registry validated as it would be after the changes.
     *
     * @param blocking    the errors that refuse the change
     * @param otherErrors errors that were there before, in files the change does not write
     */
    public record Validation(List<Finding> blocking, long otherErrors) {
    }

    /**
     * Validates the registry as it would be after the changes, and sorts its errors:
     * <ul>
     * <li>every error in a file the change writes blocks it: a write never leaves a card that does
     *     not validate, whoever caused the error;</li>
     * <li>an error in another file blocks it when the registry did not have it before (the change
     *     broke something elsewhere);</li>
     * <li>errors other files already had do not block an unrelated change: they are counted, so
     *     the command can say the registry needs attention.</li>
     * </ul>
     * Errors are compared by rule, file, pointer and message, not by line, since an edit moves lines.
     */
    public Validation validate(RegistryState state, List<FileChange> changes) {
        Map<String, String> overlay = new LinkedHashMap<>();
        changes.forEach(c -> overlay.put(c.path(), c.after()));
        String label = state.snapshot().label();
        ValidationReport after = validator.validate(new SnapshotReader().read(new OverlaySource(state.files(), overlay, label)));
        Set<String> written = overlay.keySet();
        List<Finding> blocking = new ArrayList<>();
        List<Finding> elsewhere = new ArrayList<>();
        for (Finding f : after.findings()) {
            if (f.isError()) {
                (written.contains(f.path()) ? blocking : elsewhere).add(f);
            }
        }
        long other = 0;
        if (!elsewhere.isEmpty()) {
            Set<String> before = new HashSet<>();
            state.baseline(validator).findings().stream().filter(Finding::isError).forEach(f -> before.add(key(f)));
            for (Finding f : elsewhere) {
                if (before.contains(key(f))) {
                    other++;
                } else {
                    blocking.add(f);
                }
            }
        }
        return new Validation(List.copyOf(blocking), other);
    }

    private static String key(Finding f) {
        return f.ruleId() + "\u0000" + f.path() + "\u0000" + f.pointer() + "\u0000" + f.message();
    }

    /** Above this many files, writes run in parallel: each still fsyncs, and the disk batches them. */
    private static final int PARALLEL_FROM = 16;
    private static final int WRITERS = 16;

    /**
     * Writes every change atomically, all or nothing: if one fails, or the process is stopped
     * (SIGINT, SIGTERM) while writing, the files already written are undone.
     */
    private void apply(List<FileChange> changes) {
        PendingWrite pending = new PendingWrite(this::resolve);
        Thread hook = new Thread(() -> pending.abort(events::interrupted), "registry-write-rollback");
        boolean hooked = addShutdownHook(hook);
        try {
            try {
                if (changes.size() < PARALLEL_FROM) {
                    for (FileChange c : changes) {
                        if (!writeOne(pending, c)) {
                            break;
                        }
                    }
                } else {
                    writeInParallel(changes, pending);
                }
            } catch (IOException | RuntimeException e) {
                int restored = pending.abort();
                if (restored < 0) {
                    throw interrupted(pending);
                }
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                String note = restored == 0 ? "" : "; the " + restored + " files already written were restored";
                if (cause instanceof EnvironmentException ee) {
                    throw new EnvironmentException(ee.getMessage() + note, ee);
                }
                throw new EnvironmentException("cannot write the registry: " + cause.getMessage() + note, cause);
            }
            if (!pending.finish()) {
                throw interrupted(pending);
            }
        } finally {
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs, finds the write finished or rolled back, and does nothing more
                }
            }
        }
    }

    private static boolean addShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    /** Waits for the rollback that stopped the write to finish, so the caller never reports before it. */
    private static WriteInterruptedException interrupted(PendingWrite pending) {
        pending.awaitAborted();
        return new WriteInterruptedException();
    }

    /** Writes one file unless the write was aborted; false when it was. */
    private boolean writeOne(PendingWrite pending, FileChange c) throws IOException {
        if (!pending.begin(c)) {
            return false;
        }
        boolean done = false;
        try {
            Path target = resolve(c.path());
            Files.createDirectories(target.getParent());
            AtomicFile.write(target, c.after().getBytes(StandardCharsets.UTF_8));
            done = true;
        } finally {
            pending.end(c, done);
        }
        afterFile.accept(pending);
        return true;
    }

    private void writeInParallel(List<FileChange> changes, PendingWrite pending) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS, r -> {
            Thread t = new Thread(r, "registry-writer");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean failed = new AtomicBoolean();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (FileChange c : changes) {
                futures.add(pool.submit(() -> {
                    if (failed.get()) {
                        return null; // stop starting new files once one failed
                    }
                    try {
                        writeOne(pending, c);
                    } catch (IOException | RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    first = first == null ? e : first;
                }
            }
            if (first instanceof IOException io) {
                throw io;
            }
            if (first instanceof RuntimeException re) {
                throw re;
            }
            if (first != null) {
                throw new EnvironmentException("interrupted while writing the registry", first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The file for a registry-relative path, which must stay inside the registry. */
    private Path resolve(String path) {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root) || path.contains("\\") || path.startsWith("/")) {
            throw new IllegalArgumentException("path leaves the registry: " + path);
        }
        return p;
    }
}
