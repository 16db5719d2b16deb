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

            var r = Cli.in(registry).run(register("1.0.0"));
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
        var r = Cli.in(dir).run(register("1.0.0"));
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

            var r = Cli.in(dir).run(register("1.0.0"));
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

            var r = Cli.in(dir).run(register("1.0.0"));
            assertEquals(3, r.exit(), r.toString());
            assertEquals("", r.out());
            assertEquals("hook: ticket number missing\nregistry: error: the files were written, but the git pre-commit hook"
                    + " refused the commit (exit 1); fix what it reports, then commit them\n", r.err());
            assertEquals(start, git.git().log().setMaxCount(1).call().iterator().next());
            assertTrue(Files.exists(dir.resolve("models/credit-scorer/1.0.0.yaml")));
        }
    }

    private static final String[] REGISTER = register("1.0.0");

    private static String[] register(String version) {
        return new String[] {"register", "--name", "credit-scorer", "--version", version, "--provider", "internal",
            "--owner", "team:ml-platform", "--commit"};
    }

    private RevCommit head(GitFixture git) throws Exception {
        return git.git().log().setMaxCount(1).call().iterator().next();
    }

    private Path home(String name, String gitconfig) throws Exception {
        Path home = dir.resolve("homes").resolve(name);
        Files.createDirectories(home);
        if (!gitconfig.isEmpty()) {
            Files.writeString(home.resolve(".gitconfig"), gitconfig);
        }
        return home;
    }

    @Test
    void theIdentityComesFromTheCommandsHomeAsWithGit() throws Exception {
        try (GitFixture git = GitFixture.init(dir.resolve("repo"))) {
            Registries.minimal(git.dir());
            git.commit("alice@example.com", "start");
            Path h2 = home("h2", "[user]\n\tname = Home Person\n\temail = home@example.com\n");
            var r = Cli.in(git.dir()).env("HOME", h2.toString()).run(REGISTER);
            assertEquals(0, r.exit(), r.toString());
            RevCommit head = head(git);
            assertEquals("Home Person <home@example.com>", who(head.getAuthorIdent()));
            assertEquals("Home Person <home@example.com>", who(head.getCommitterIdent()));

            // $XDG_CONFIG_HOME/git/config is read too, under ~/.gitconfig; the repository's own config wins over both.
            Path xdg = dir.resolve("xdg");
            Files.createDirectories(xdg.resolve("git"));
            Files.writeString(xdg.resolve("git/config"), "[user]\n\tname = Xdg Person\n\temail = xdg@example.com\n");
            Path h3 = home("h3", "");
            var x = Cli.in(git.dir()).env("HOME", h3.toString()).env("XDG_CONFIG_HOME", xdg.toString())
                    .run(register("1.1.0"));
            assertEquals(0, x.exit(), x.toString());
            assertEquals("Xdg Person <xdg@example.com>", who(head(git).getAuthorIdent()));
            identity(git.git(), "Local Person", "local@example.com");
            var l = Cli.in(git.dir()).env("HOME", h2.toString())
                    .run(register("1.2.0"));
            assertEquals(0, l.exit(), l.toString());
            assertEquals("Local Person <local@example.com>", who(head(git).getAuthorIdent()));
        }
    }

    @Test
    void gitConfigGlobalNamesTheUserConfigAsWithGit() throws Exception {
        try (GitFixture git = GitFixture.init(dir.resolve("repo"))) {
            Registries.minimal(git.dir());
            git.commit("alice@example.com", "start");
            Path h2 = home("h2", "[user]\n\tname = Home Person\n\temail = home@example.com\n");
            Path global = dir.resolve("ci.gitconfig");
            Files.writeString(global, "[user]\n\tname = Ci Bot\n\temail = ci@example.com\n");
            var r = Cli.in(git.dir()).env("HOME", h2.toString()).env("GIT_CONFIG_GLOBAL", global.toString())
                    .env("GIT_CONFIG_NOSYSTEM", "1").run(REGISTER);
            assertEquals(0, r.exit(), r.toString());
            assertEquals("Ci Bot <ci@example.com>", who(head(git).getAuthorIdent()));
        }
    }

    @Test
    void everySettingOfTheCommandsHomeConfigApplies() throws Exception {
        // Not only the identity: JGit reads the whole user config from $HOME, here a global hooks folder.
        try (GitFixture git = GitFixture.init(dir.resolve("repo"))) {
            Registries.minimal(git.dir());
            git.commit("alice@example.com", "start");
            Path hooks = dir.resolve("global-hooks");
            Files.createDirectories(hooks);
            Files.writeString(hooks.resolve("pre-commit"), "#!/bin/sh\necho 'global hook ran' >&2\n");
            Files.setPosixFilePermissions(hooks.resolve("pre-commit"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Path h = home("hooked", "[user]\n\tname = Home Person\n\temail = home@example.com\n[core]\n\thooksPath = " + hooks + "\n");
            var r = Cli.in(git.dir()).env("HOME", h.toString()).run(REGISTER);
            assertEquals(0, r.exit(), r.toString());
            assertEquals("global hook ran\n", r.err());
        }
    }

    @Test
    void withNoIdentityUnderHomeNothingIsWrittenOrCommitted() throws Exception {
        try (GitFixture git = GitFixture.init(dir.resolve("repo"))) {
            Registries.minimal(git.dir());
            RevCommit start = git.commit("alice@example.com", "start");
            var r = Cli.in(git.dir()).env("HOME", home("empty", "").toString()).withoutEnv("EMAIL").run(REGISTER);
            assertEquals(2, r.exit(), r.toString());
            assertEquals("", r.out());
            assertEquals("registry: error: --commit needs your git identity (Author identity unknown: no user.name);"
                    + " set it with `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.com`\n",
                    r.err());
            assertEquals(start, head(git));
            assertFalse(Files.exists(git.dir().resolve("models")));
        }
    }

    @Test
    void authorAndCommitterComeFromTheirOwnVariablesWithTheirDates() throws Exception {
        try (GitFixture git = GitFixture.init(dir.resolve("repo"))) {
            Registries.minimal(git.dir());
            git.commit("alice@example.com", "start");
            Path h = home("h", "[user]\n\tname = Config Person\n\temail = config@example.com\n");
            var r = Cli.in(git.dir()).env("HOME", h.toString())
                    .env("GIT_AUTHOR_NAME", "Ann Author").env("GIT_AUTHOR_EMAIL", "ann@example.com")
                    .env("GIT_AUTHOR_DATE", "2026-03-01T10:00:00+01:00")
                    .env("GIT_COMMITTER_DATE", "@1767225600 -0500")
                    .run(REGISTER);
            assertEquals(0, r.exit(), r.toString());
            RevCommit head = head(git);
            assertEquals("Ann Author <ann@example.com>", who(head.getAuthorIdent()));
            assertEquals(java.time.Instant.parse("2026-03-01T09:00:00Z"), head.getAuthorIdent().getWhenAsInstant());
            assertEquals(java.time.ZoneOffset.ofHours(1), head.getAuthorIdent().getZoneOffset());
            assertEquals("Config Person <config@example.com>", who(head.getCommitterIdent()), "GIT_AUTHOR_* is the author only");
            assertEquals(java.time.Instant.ofEpochSecond(1767225600), head.getCommitterIdent().getWhenAsInstant());
            assertEquals(java.time.ZoneOffset.ofHours(-5), head.getCommitterIdent().getZoneOffset());

            var c = Cli.in(git.dir()).env("HOME", h.toString()).env("GIT_COMMITTER_NAME", "Cy Committer")
                    .env("GIT_COMMITTER_EMAIL", "cy@example.com")
                    .run(register("1.1.0"));
            assertEquals(0, c.exit(), c.toString());
            assertEquals("Config Person <config@example.com>", who(head(git).getAuthorIdent()));
            assertEquals("Cy Committer <cy@example.com>", who(head(git).getCommitterIdent()));
        }
    }

    @Test
    void aDateGitWouldNotReadStopsTheCommandBeforeItWrites() throws Exception {
        try (GitFixture git = GitFixture.init(dir.resolve("repo"))) {
            Registries.minimal(git.dir());
            RevCommit start = git.commit("alice@example.com", "start");
            identity(git.git(), "Alice Engineer", "alice@example.com");
            var r = Cli.in(git.dir()).env("GIT_AUTHOR_DATE", "next tuesday").run(REGISTER);
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().startsWith("registry: error: GIT_AUTHOR_DATE: invalid date `next tuesday`; use ISO 8601"), r.err());
            assertEquals(start, head(git));
            assertFalse(Files.exists(git.dir().resolve("models")));
        }
    }

    @Test
    void commitRefusesWhenTheFileItWritesHasYourOwnChanges() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            git.write("deployments/x.yaml", """
                    apiVersion: registry/v1
                    kind: Deployment
                    name: x
                    model: credit-scorer
                    version: 1.0.0
                    environment: dev
                    region: eu-west-1
                    """);
            git.write("models/credit-scorer/1.0.0.yaml", Registries.model("credit-scorer", "1.0.0"));
            RevCommit start = git.commit("alice@example.com", "start");
            identity(git.git(), "Alice Engineer", "alice@example.com");
            String mine = Registries.read(dir.resolve("deployments/x.yaml")).replace("eu-west-1", "eu-central-1");
            git.write("deployments/x.yaml", mine).add("deployments/x.yaml");

            var staged = Cli.in(dir).run("deploy", "--name", "x", "--app", "zz", "--commit");
            assertEquals(2, staged.exit(), staged.toString());
            assertEquals("", staged.out());
            assertEquals("registry: error: --commit would also commit your own uncommitted changes to deployments/x.yaml;"
                    + " commit or stash your changes first, or run without --commit\n", staged.err());
            assertEquals(mine, Registries.read(dir.resolve("deployments/x.yaml")), "nothing written");
            assertEquals(start, head(git));

            git.git().reset().addPath("deployments/x.yaml").call(); // the same change, unstaged
            var unstaged = Cli.in(dir).run("deploy", "--name", "x", "--app", "zz", "--commit");
            assertEquals(2, unstaged.exit(), unstaged.toString());
            assertEquals(mine, Registries.read(dir.resolve("deployments/x.yaml")));

            // A card never committed is the user's work too: the tool's commit would record all of it.
            Registries.write(dir, "deployments/y.yaml", Registries.read(dir.resolve("deployments/x.yaml")).replace("name: x", "name: y"));
            var untracked = Cli.in(dir).run("deploy", "--name", "y", "--app", "zz", "--commit");
            assertEquals(2, untracked.exit(), untracked.toString());
            assertEquals("registry: error: --commit would also commit your own uncommitted changes to deployments/y.yaml;"
                    + " commit or stash your changes first, or run without --commit\n", untracked.err());

            var without = Cli.in(dir).run("deploy", "--name", "x", "--app", "zz");
            assertEquals(0, without.exit(), "without --commit the edit is made: " + without);
            assertTrue(Registries.read(dir.resolve("deployments/x.yaml")).contains("eu-central-1"));
            assertEquals(start, head(git));
        }
    }

    private static String who(org.eclipse.jgit.lib.PersonIdent p) {
        return p.getName() + " <" + p.getEmailAddress() + ">";
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
