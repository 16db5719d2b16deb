package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Cli;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --commit} commits what the command wrote and nothing else, as the user. */
class CommitTest {

    @TempDir
    Path dir;

    @Test
    void commitTouchesOnlyTheWrittenFileAndLeavesOtherStagedWorkStaged() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            Path registry = dir.resolve("registry");
            Registries.minimal(registry);
            git.commit("alice@example.com", "start");
            identity(git.git(), "Alice Engineer", "alice@example.com");
            // Someone's unrelated work in progress, staged and unstaged.
            git.write("registry/owners.yaml", Registries.OWNERS + "# staged edit\n").add("registry/owners.yaml");
            git.write("notes.txt", "staged note\n").add("notes.txt");
            git.write("draft.txt", "untracked\n");

            var r = Cli.in(registry).run("register", "--name", "credit-scorer", "--version", "1.0.0", "--provider", "internal",
                    "--owner", "team:ml-platform", "--commit");
            assertEquals(0, r.exit(), r.toString());
            RevCommit head = git.git().log().setMaxCount(1).call().iterator().next();
            assertEquals("created models/credit-scorer/1.0.0.yaml\ncommitted " + head.abbreviate(7).name()
                    + " register credit-scorer@1.0.0\n", r.out());
            assertEquals("register credit-scorer@1.0.0", head.getFullMessage());
            assertEquals("alice@example.com", head.getAuthorIdent().getEmailAddress());
            assertEquals("Alice Engineer", head.getCommitterIdent().getName());
            assertEquals(List.of("ADD registry/models/credit-scorer/1.0.0.yaml"), changes(git.git(), head));

            var status = git.git().status().call();
            assertEquals(java.util.Set.of("registry/owners.yaml"), status.getChanged(), "still staged, not committed");
            assertEquals(java.util.Set.of("notes.txt"), status.getAdded());
            assertTrue(status.getUntracked().contains("draft.txt"));
            assertEquals(java.util.Set.of("draft.txt"), status.getUntracked(), "the lock file and its .gitignore are ignored");
            assertTrue(status.getUncommittedChanges().stream().noneMatch(p -> p.contains("credit-scorer")));
        }
    }

    @Test
    void commitOutsideAGitRepositoryFailsBeforeWritingAnything() {
        Registries.minimal(dir);
        var r = Cli.in(dir).run("register", "--name", "credit-scorer", "--version", "1.0.0", "--provider", "internal",
                "--owner", "team:ml-platform", "--commit");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().startsWith("registry: error: not a git repository"), r.err());
        assertFalse(Files.exists(dir.resolve("models")));
    }

    @Test
    void dryRunWithCommitIsRefusedAsAUsageErrorAndNeitherWritesNorCommits() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            RevCommit start = git.commit("alice@example.com", "start");
            var r = Cli.in(dir).run("register", "--name", "credit-scorer", "--version", "1.0.0", "--provider", "internal",
                    "--owner", "team:ml-platform", "--commit", "--dry-run");
            assertEquals(2, r.exit(), r.toString());
            assertEquals("", r.out());
            assertEquals("registry: error: --dry-run and --commit are mutually exclusive: a dry run writes nothing and"
                    + " commits nothing\nRun `registry register --help` for usage.\n", r.err());
            assertEquals(start, git.git().log().setMaxCount(1).call().iterator().next());
            assertFalse(Files.exists(dir.resolve("models")));
            // Every writing command shares the options, and the refusal.
            var deploy = Cli.in(dir).run("deploy", "--dry-run", "--name", "x", "--commit");
            assertEquals(2, deploy.exit(), deploy.toString());
            assertEquals("registry: error: --dry-run and --commit are mutually exclusive: a dry run writes nothing and"
                    + " commits nothing\nRun `registry deploy --help` for usage.\n", deploy.err());
            // Help still answers.
            assertEquals(0, Cli.in(dir).run("register", "--dry-run", "--commit", "--help").exit());
        }
    }

    @Test
    void aGitHookSpeaksOnStderrAsWithGitAndStdoutStaysTheResult() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            git.commit("alice@example.com", "start");
            identity(git.git(), "Alice Engineer", "alice@example.com");
            hook("#!/bin/sh\necho 'hook: 3 files checked'\necho 'hook: a warning' >&2\n");

            var r = Cli.in(dir).run("register", "--name", "credit-scorer", "--version", "1.0.0", "--provider", "internal",
                    "--owner", "team:ml-platform", "--commit");
            assertEquals(0, r.exit(), r.toString());
            RevCommit head = git.git().log().setMaxCount(1).call().iterator().next();
            assertEquals("created models/credit-scorer/1.0.0.yaml\ncommitted " + head.abbreviate(7).name()
                    + " register credit-scorer@1.0.0\n", r.out());
            // JGit reads the hook's stdout and stderr in two threads: their relative order is not fixed.
            assertEquals(List.of("hook: 3 files checked", "hook: a warning"), r.err().lines().sorted().toList(), r.err());
        }
    }

    @Test
    void aGitHookThatRefusesTheCommitIsReportedOnceAndTheFilesStayWritten() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            RevCommit start = git.commit("alice@example.com", "start");
            identity(git.git(), "Alice Engineer", "alice@example.com");
            hook("#!/bin/sh\necho 'hook: ticket number missing' >&2\nexit 1\n");

            var r = Cli.in(dir).run("register", "--name", "credit-scorer", "--version", "1.0.0", "--provider", "internal",
                    "--owner", "team:ml-platform", "--commit");
            assertEquals(3, r.exit(), r.toString());
            assertEquals("", r.out());
            assertEquals("hook: ticket number missing\nregistry: error: the files were written, but the git pre-commit hook"
                    + " refused the commit (exit 1); fix what it reports, then commit them\n", r.err());
            assertEquals(start, git.git().log().setMaxCount(1).call().iterator().next());
            assertTrue(Files.exists(dir.resolve("models/credit-scorer/1.0.0.yaml")));
        }
    }

    private void hook(String script) throws Exception {
        Path hook = dir.resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, script);
        Files.setPosixFilePermissions(hook, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static void identity(Git git, String name, String email) throws Exception {
        StoredConfig c = git.getRepository().getConfig();
        c.setString("user", null, "name", name);
        c.setString("user", null, "email", email);
        c.save();
    }

    static List<String> changes(Git git, RevCommit commit) throws Exception {
        try (ObjectReader reader = git.getRepository().newObjectReader()) {
            CanonicalTreeParser oldTree = new CanonicalTreeParser();
            oldTree.reset(reader, commit.getParent(0).getTree());
            CanonicalTreeParser newTree = new CanonicalTreeParser();
            newTree.reset(reader, commit.getTree());
            List<String> out = new ArrayList<>();
            for (DiffEntry e : git.diff().setOldTree(oldTree).setNewTree(newTree).call()) {
                out.add(e.getChangeType() + " " + (e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath()));
            }
            return out;
        }
    }
}
