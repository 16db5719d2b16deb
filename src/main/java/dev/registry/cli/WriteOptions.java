package dev.registry.cli;

import dev.registry.check.Validator;
import dev.registry.edit.CardWriter;
import dev.registry.edit.Committer;
import dev.registry.edit.FileChange;
import dev.registry.edit.WriteEvents;
import dev.registry.edit.WriteInterruptedException;
import dev.registry.edit.WriteOutcome;
import dev.registry.edit.WritePlan;
import dev.registry.finding.Finding;
import dev.registry.git.GitCommitter;
import dev.registry.report.Output;
import dev.registry.report.TextRenderer;
import dev.registry.report.UnifiedDiff;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code --dry-run} and {@code --commit}, shared by every command that writes cards, and the one
 * way such commands run their write and report it. Each command creates it with the commit
 * message it writes, which {@code --commit}'s help shows:
 * {@code @Mixin WriteOptions write = WriteOptions.committing("promote credit-scorer@2.1.0 to production");}
 */
public final class WriteOptions {

    @Option(names = "--dry-run",
            description = "Validate the change and print it as a unified diff (new files in full); write nothing.")
    boolean dryRun;

    /** The description stands until {@link #describeCommit} puts in the command's own message. */
    @Option(names = "--commit",
            description = "Commit the written files, and only them, with your git identity; other staged changes stay staged."
                    + " Refused when those files have uncommitted changes of your own.")
    boolean commit;

    /** An example of the commit message the command writes. */
    private final String message;

    private WriteOptions(String message) {
        this.message = message;
    }

    /** The options of a command whose commits read like {@code message}. */
    static WriteOptions committing(String message) {
        return new WriteOptions(message);
    }

    String commitDescription() {
        return "Commit the written files, and only them, with your git identity and a message such as `" + message
                + "`; other staged changes stay staged. Refused when those files have uncommitted changes of your own.";
    }

    /**
     * Gives a writing command's {@code --commit} its own example message. Descriptions in
     * annotations are constants, and this one is shared by a mixin, so once the command's model
     * is built, the mixed-in {@code --commit} is replaced by a copy with the command's message
     * (bound to the same field). Commands without {@code --commit} are left as they are.
     */
    static void describeCommit(CommandSpec spec) {
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof WriteOptions w) {
                OptionSpec commit = spec.findOption("--commit");
                spec.remove(commit);
                spec.addOption(OptionSpec.builder(commit).description(w.commitDescription()).build());
            }
        }
    }

    /** Plans, validates and writes through the one write service. */
    WriteOutcome run(RegistryCommand root, Path registryRoot, WritePlan plan) {
        Progress progress = new Progress(root);
        CardWriter writer = new CardWriter(registryRoot, new Validator(LocalDate.now()), CardWriter.DEFAULT_LOCK_TIMEOUT, progress);
        try {
            if (!commit || dryRun) {
                return writer.write(plan, dryRun, Optional.empty());
            }
            // Opened first: no git repository or no identity fails before anything is written.
            ByteArrayOutputStream hookOutput = new ByteArrayOutputStream();
            try (GitCommitter committer = GitCommitter.open(registryRoot, root.env, root.cwd,
                    new PrintStream(hookOutput, true, StandardCharsets.UTF_8))) {
                return writer.write(plan, false, Optional.<Committer>of(committer));
            } finally {
                // As git does, a commit hook's output goes to stderr, before our own lines: stdout stays the result.
                root.err.print(hookOutput.toString(StandardCharsets.UTF_8));
                root.err.flush();
            }
        } catch (WriteInterruptedException e) {
            if (progress.interrupted) {
                progress.awaitExit();
            }
            throw e;
        }
    }

    /**
     * Shows on stderr what the write service reports while it runs. The rollback after a signal
     * is reported from the JVM's shutdown hook, while the command's own thread waits: the process
     * may end at any moment after it, so that line is said there, once.
     */
    private static final class Progress implements WriteEvents {
        private final RegistryCommand root;
        private volatile boolean interrupted;

        Progress(RegistryCommand root) {
            this.root = root;
        }

        @Override
        public void waitingForLock(Path lockFile) {
            root.err.println("waiting for " + lockFile + ", held by another registry process; giving up after "
                    + CardWriter.DEFAULT_LOCK_TIMEOUT.toSeconds() + " s");
            root.err.flush();
        }

        @Override
        public void interrupted() {
            root.err.println("registry: interrupted: nothing was written");
            root.err.flush();
            interrupted = true;
        }

        /** The JVM is shutting down and halts when its hooks are done: nothing more to say or do. */
        void awaitExit() {
            try {
                Thread.sleep(Duration.ofMinutes(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs the write and reports it with paths shown from where the user is; returns the exit code. */
    int execute(RegistryCommand root, Path registryRoot, WritePlan plan) {
        return report(root, registryRoot, root.output(registryRoot, root.err), run(root, registryRoot, plan), Optional.empty(),
                Optional.empty());
    }

    /**
     * Prints the outcome: refusals and skipped parts as findings on stderr, a dry run's diff or
     * the written paths on stdout. {@code diagnostics} decides how finding paths are shown;
     * {@code summary}, when given, replaces the list of written files (an import writes thousands);
     * {@code dryRunNote}, when given, is added to a dry run's line (what it would skip).
     */
    int report(RegistryCommand root, Path registryRoot, Output diagnostics, WriteOutcome outcome, Optional<String> summary,
               Optional<String> dryRunNote) {
        Output results = root.output(registryRoot, root.out);
        if (outcome instanceof WriteOutcome.Refused r) {
            List<Finding> sorted = r.findings().stream().sorted(Finding.ORDER).toList();
            printFindings(diagnostics, sorted);
            long errors = sorted.stream().filter(Finding::isError).count();
            root.err.println("registry: error: nothing was written: " + r.changes().message() + " was refused ("
                    + errors + (errors == 1 ? " error)" : " errors)"));
            root.err.flush();
            return ExitCode.FINDINGS;
        }
        printFindings(diagnostics, outcome.changes().skipped());
        List<FileChange> changes = outcome.changes().changes();
        if (outcome instanceof WriteOutcome.Planned p) {
            for (FileChange c : changes) {
                root.out.print(UnifiedDiff.of(c.path(), c.before().orElse(null), c.after()));
            }
            // On a terminal stdout and stderr are one screen: the diff first, then what it means.
            root.out.flush();
            if (!root.quiet) {
                root.err.println("dry run: nothing written; " + describe(changes) + " would be written"
                        + dryRunNote.map(n -> "; " + n).orElse(""));
            }
            warnOthers(root, p.otherErrors());
        } else if (outcome instanceof WriteOutcome.Written w) {
            if (!root.quiet) {
                if (changes.isEmpty()) {
                    root.out.println("unchanged: nothing to write");
                } else if (summary.isPresent()) {
                    root.out.println(summary.get());
                } else {
                    for (FileChange c : changes) {
                        root.out.println((c.creates() ? "created " : "updated ") + results.display(c.path()));
                    }
                }
                w.commit().ifPresent(id -> root.out.println("committed " + id + " " + w.changes().message()));
            }
            root.out.flush();
            warnOthers(root, w.otherErrors());
        }
        root.out.flush();
        root.err.flush();
        return outcome.changes().skipped().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static void printFindings(Output o, List<Finding> findings) {
        for (Finding f : findings) {
            o.diagnostics().println(TextRenderer.line(f, o));
            if (!f.hint().isEmpty()) {
                o.diagnostics().println("    hint: " + f.hint());
            }
        }
        o.diagnostics().flush();
    }

    private static void warnOthers(RegistryCommand root, long errors) {
        if (errors > 0 && !root.quiet) {
            root.err.println("warning: the registry already has " + errors + (errors == 1 ? " error" : " errors")
                    + " in other files, unrelated to this change; run `registry validate`");
        }
    }

    private static String describe(List<FileChange> changes) {
        long created = changes.stream().filter(FileChange::creates).count();
        long updated = changes.size() - created;
        if (changes.isEmpty()) {
            return "no file";
        }
        return (created > 0 ? created + (created == 1 ? " new file" : " new files") : "")
                + (created > 0 && updated > 0 ? " and " : "")
                + (updated > 0 ? updated + (updated == 1 ? " changed file" : " changed files") : "");
    }
}
