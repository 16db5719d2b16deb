package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Cli;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --staged} and {@code --rev} on temporary repositories made with JGit. */
class GitValidateTest {

    static final String CARD = "models/credit-scorer/1.0.0.yaml";
    static final String GOOD = Registries.model("credit-scorer", "1.0.0");
    static final String BROKEN = GOOD + "colour: red\n";

    @TempDir
    Path dir;

    /** A repository whose first commit is a valid registry at its root. */
    private GitFixture repo() {
        GitFixture git = GitFixture.init(dir);
        Registries.minimal(dir);
        git.write(CARD, GOOD);
        git.commit("alice@example.com", "registry");
        return git;
    }

    /** Runs in the repository, isolated from any git repository around the temporary folder. */
    private Cli cli(Path cwd) {
        return Cli.in(cwd).env("GIT_CEILING_DIRECTORIES", dir.getParent().toString());
    }

    @Test
    void stagedChecksTheIndexNotTheWorkingTree() {
        try (GitFixture git = repo()) {
            git.write(CARD, BROKEN).add(CARD);
            git.write(CARD, GOOD); // fixed on disk, but not staged
            assertEquals(0, cli(dir).run("validate").exit());
            var r = cli(dir).run("validate", "--staged");
            assertEquals(1, r.exit(), r.toString());
            assertEquals("models/credit-scorer/1.0.0.yaml:9:1: error: unknown field `colour` [schema-unknown-field]",
                    r.err().lines().findFirst().orElseThrow());
            assertEquals("failed: 3 files checked in the index: 1 error, 0 warnings\n", r.out());

            git.write(CARD, GOOD).add(CARD).write(CARD, BROKEN); // good in the index, broken on disk
            assertEquals(1, cli(dir).run("validate").exit());
            var ok = cli(dir).run("validate", "--staged");
            assertEquals(0, ok.exit(), ok.toString());
            assertEquals("ok: 3 files checked in the index, no problems\n", ok.out());
        }
    }

    @Test
    void stagedHonoursGitIndexFileAsDuringCommitAll() throws IOException {
        try (GitFixture git = repo()) {
            // `git commit -a` stages into .git/index.lock and points GIT_INDEX_FILE at it.
            git.write(CARD, BROKEN).add(CARD);
            Path commitAll = Files.copy(dir.resolve(".git/index"), dir.resolve(".git/next-index"));
            git.write(CARD, GOOD).add(CARD);
            Files.move(commitAll, dir.resolve(".git/index.lock"), StandardCopyOption.REPLACE_EXISTING);

            assertEquals(0, cli(dir).run("validate", "--staged").exit());
            var relative = cli(dir).env("GIT_INDEX_FILE", ".git/index.lock").run("validate", "--staged");
            assertEquals(1, relative.exit(), relative.toString());
            assertTrue(relative.err().startsWith(CARD + ":9:1: error: unknown field `colour`"), relative.err());
            var absolute = cli(dir.resolve("models")).env("GIT_INDEX_FILE", dir.resolve(".git/index.lock").toString())
                    .run("validate", "--staged");
            assertEquals(1, absolute.exit(), absolute.toString());
        }
    }

    @Test
    void stagedSeesDeletions() {
        try (GitFixture git = repo()) {
            git.git().rm().addFilepattern("owners.yaml").setCached(true).call();
            var r = cli(dir).run("validate", "--staged");
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.err().startsWith("owners.yaml:1:1: error: owners.yaml is missing from the index;"), r.err());
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void stagedWorksForARegistryInASubfolderOfTheRepository() {
        try (GitFixture git = GitFixture.init(dir)) {
            Path reg = dir.resolve("ml/registry");
            Registries.minimal(reg);
            Registries.write(reg, CARD, BROKEN);
            Registries.write(dir, "models/other/1.0.0.yaml", "not: [a card of this registry\n");
            git.add();
            var fromRepoRoot = cli(dir).run("-C", "ml/registry", "validate", "--staged");
            assertEquals(1, fromRepoRoot.exit(), fromRepoRoot.toString());
            assertEquals("ml/registry/" + CARD + ":9:1: error: unknown field `colour` [schema-unknown-field]",
                    fromRepoRoot.err().lines().findFirst().orElseThrow());
            assertEquals("failed: 3 files checked in the index: 1 error, 0 warnings\n", fromRepoRoot.out());

            git.commit("alice@example.com", "c1");
            var rev = cli(reg.resolve("models")).run("validate", "--rev", "HEAD");
            assertEquals(1, rev.exit(), rev.toString());
            assertTrue(rev.err().startsWith("../" + CARD + ":9:1: error: "), rev.err());
        }
    }

    @Test
    void stagedReportsUnresolvedMergeConflicts() throws Exception {
        try (GitFixture git = repo()) {
            git.branch("other");
            git.write(CARD, GOOD + "description: theirs\n");
            git.commit("bob@example.com", "theirs");
            git.checkout("main");
            git.write(CARD, GOOD + "description: ours\n");
            git.commit("alice@example.com", "ours");
            MergeResult m = git.git().merge().include(git.git().getRepository().resolve("other")).call();
            assertEquals(MergeResult.MergeStatus.CONFLICTING, m.getMergeStatus());
            var r = cli(dir).run("validate", "--staged");
            assertEquals(1, r.exit(), r.toString());
            assertEquals(CARD + ":1:1: error: unresolved merge conflict [path-conflict]", r.err().lines().findFirst().orElseThrow());
        }
    }

    @Test
    void symbolicLinksInTheIndexOrACommitAreRefused() throws IOException {
        try (GitFixture git = repo()) {
            Path outside = Registries.write(dir.getParent(), "secret.yaml", "password: hunter2\n");
            try {
                Files.createSymbolicLink(dir.resolve("models/credit-scorer/1.0.1.yaml"), outside);
            } catch (UnsupportedOperationException | IOException e) {
                Assumptions.abort("no symbolic links here: " + e);
            }
            git.add();
            var staged = cli(dir).run("validate", "--staged");
            assertEquals(1, staged.exit(), staged.toString());
            assertTrue(staged.err().startsWith("models/credit-scorer/1.0.1.yaml:1:1: error: symbolic links are not allowed"),
                    staged.err());
            git.commit("mallory@example.com", "link");
            Files.delete(dir.resolve("models/credit-scorer/1.0.1.yaml"));
            var rev = cli(dir).run("validate", "--rev", "HEAD");
            assertEquals(1, rev.exit(), rev.toString());
            assertTrue(rev.err().contains("[path-symlink]"), rev.err());
        }
    }

    @Test
    void anOversizedFileInACommitIsRefusedUnread() {
        try (GitFixture git = repo()) {
            String big = GOOD + "description: " + "x".repeat(3_000_000) + "\n";
            git.write(CARD, big);
            git.commit("mallory@example.com", "big");
            git.write(CARD, GOOD);
            var r = cli(dir).run("validate", "--rev", "HEAD");
            assertEquals(1, r.exit(), r.toString());
            assertEquals(CARD + ":1:1: error: file is " + String.format(java.util.Locale.ROOT, "%,d", big.length())
                    + " bytes; registry files are limited to 262,144 bytes [yaml-too-large]",
                    r.err().lines().findFirst().orElseThrow());
        }
    }

    @Test
    void revAcceptsBranchesTagsAndShas() throws Exception {
        try (GitFixture git = repo()) {
            git.git().tag().setName("v1").call();
            git.write(CARD, BROKEN);
            var c2 = git.commit("bob@example.com", "broken");
            assertEquals(0, cli(dir).run("validate", "--rev", "v1").exit());
            assertEquals(1, cli(dir).run("validate", "--rev", c2.name()).exit());
            var abbreviated = cli(dir).run("validate", "--rev", c2.name().substring(0, 10));
            assertEquals(1, abbreviated.exit());
            assertTrue(abbreviated.out().contains("checked in the commit " + c2.name().substring(0, 7) + " ("), abbreviated.out());
            var full = cli(dir).run("validate", "--rev", c2.name());
            assertTrue(full.out().contains("checked in the commit " + c2.name().substring(0, 7) + ":"), full.out());
        }
    }

    @Test
    void anUnknownRevisionIsAnEnvironmentError() {
        try (GitFixture git = repo()) {
            var r = cli(dir).run("validate", "--rev", "nope");
            assertEquals(3, r.exit(), r.toString());
            assertEquals("registry: error: unknown revision `nope`\n", r.err());
            assertEquals("", r.out());
            var beyond = cli(dir).run("validate", "--rev", "HEAD~5");
            assertEquals(3, beyond.exit());
            assertEquals("registry: error: unknown revision `HEAD~5`\n", beyond.err());
            var tree = cli(dir).run("validate", "--rev", "HEAD^{tree}");
            assertEquals(3, tree.exit());
            assertEquals("registry: error: `HEAD^{tree}` is not a commit\n", tree.err());
        }
    }

    @Test
    void aCommitFromBeforeTheRegistryExistedHasNoRegistry() {
        try (GitFixture git = GitFixture.init(dir)) {
            git.write("README.md", "hello\n");
            git.commit("alice@example.com", "first");
            Registries.minimal(dir);
            git.commit("alice@example.com", "registry");
            var r = cli(dir).run("validate", "--rev", "HEAD~1");
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.err().startsWith("owners.yaml:1:1: error: owners.yaml is missing from the commit "), r.err());
        }
    }

    @Test
    void outsideAGitRepositoryStagedAndRevAreEnvironmentErrors() {
        Registries.minimal(dir);
        for (String[] args : new String[][] {{"validate", "--staged"}, {"validate", "--rev", "HEAD"}}) {
            var r = cli(dir).run(args);
            assertEquals(3, r.exit(), r.toString());
            assertEquals("registry: error: not a git repository (or any parent up to /): " + dir + "\n", r.err());
            assertEquals("", r.out());
        }
        // The working tree needs no repository.
        assertEquals(0, cli(dir).run("validate").exit());
    }
}
