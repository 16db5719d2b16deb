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
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.api.MergeResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --staged} reads the index with the git program when the command's PATH has
 * one, and with JGit otherwise: both say exactly the same, in every case {@link GitValidateTest}
 * knows, with the cache and without.
 */
class StagedByGitProgramTest {

    static final String CARD = GitValidateTest.CARD;
    static final String GOOD = GitValidateTest.GOOD;
    static final String BROKEN = GitValidateTest.BROKEN;

    @TempDir
    Path dir;
    Path repo;

    @BeforeEach
    void gitIsInstalled() {
        boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).stream()
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "git")));
        Assumptions.assumeTrue(found, "no git program on PATH");
        repo = dir.resolve("repo");
    }

    private Cli jgit(Path cwd) {
        return Cli.in(cwd).env("GIT_CEILING_DIRECTORIES", dir.toString()).env("REGISTRY_CACHE_DIR", dir.resolve("cache-jgit").toString());
    }

    private Cli program(Path cwd) {
        return Cli.in(cwd).env("GIT_CEILING_DIRECTORIES", dir.toString()).env("REGISTRY_CACHE_DIR", dir.resolve("cache-git").toString())
                .env("PATH", System.getenv("PATH")).env("GIT_CONFIG_NOSYSTEM", "1");
    }

    /** Runs the command line both ways, twice each (the second answered from the cache), and returns the result. */
    private Cli.Result same(Path cwd, UnaryOperator<Cli> env, String... args) {
        var expected = env.apply(jgit(cwd)).run(args);
        for (int i = 0; i < 2; i++) {
            var noCache = env.apply(program(cwd)).run(append(args, "--no-cache"));
            assertEquals(expected.toString(), noCache.toString());
            var actual = env.apply(program(cwd)).run(args);
            assertEquals(expected.toString(), actual.toString());
            assertEquals(expected.toString(), env.apply(jgit(cwd)).run(args).toString());
        }
        return expected;
    }

    private static String[] append(String[] args, String more) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = more;
        return out;
    }

    private GitFixture committed() {
        GitFixture git = GitFixture.init(repo);
        Registries.minimal(repo);
        git.write(CARD, GOOD);
        git.commit("alice@example.com", "registry");
        return git;
    }

    @Test
    void aStagedChangeNotTheWorkingTree() {
        try (GitFixture git = committed()) {
            git.write(CARD, BROKEN).add(CARD).write(CARD, GOOD);
            var r = same(repo, c -> c, "validate", "--staged");
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.err().startsWith(CARD + ":9:1: error: unknown field `colour`"), r.err());
            git.write(CARD, GOOD).add(CARD).write(CARD, BROKEN);
            assertEquals(0, same(repo, c -> c, "validate", "--staged").exit());
            assertEquals(0, same(repo.resolve("models"), c -> c, "validate", "--staged", "--format", "json").exit());
        }
    }

    @Test
    void gitIndexFileAsDuringCommitAll() throws IOException {
        try (GitFixture git = committed()) {
            git.write(CARD, BROKEN).add(CARD);
            Path next = Files.copy(repo.resolve(".git/index"), repo.resolve(".git/next-index"));
            git.write(CARD, GOOD).add(CARD);
            Files.move(next, repo.resolve(".git/index.lock"), StandardCopyOption.REPLACE_EXISTING);
            assertEquals(1, same(repo, c -> c.env("GIT_INDEX_FILE", ".git/index.lock"), "validate", "--staged").exit());
            assertEquals(1, same(repo.resolve("models"), c -> c.env("GIT_INDEX_FILE", repo.resolve(".git/index.lock").toString()),
                    "validate", "--staged").exit());
            assertEquals(0, same(repo, c -> c, "validate", "--staged").exit());
        }
    }

    @Test
    void deletionsConflictsAndLinks() throws Exception {
        try (GitFixture git = committed()) {
            git.branch("other");
            git.write(CARD, GOOD + "description: theirs\n");
            git.commit("bob@example.com", "theirs");
            git.checkout("main");
            git.write(CARD, GOOD + "description: ours\n");
            git.commit("alice@example.com", "ours");
            MergeResult m = git.git().merge().include(git.git().getRepository().resolve("other")).call();
            assertEquals(MergeResult.MergeStatus.CONFLICTING, m.getMergeStatus());
            git.git().rm().addFilepattern("owners.yaml").setCached(true).call();
            try {
                Files.createSymbolicLink(repo.resolve("models/credit-scorer/1.0.1.yaml"), Path.of("1.0.0.yaml"));
                git.add("models/credit-scorer/1.0.1.yaml");
            } catch (UnsupportedOperationException | IOException e) {
                // no links here: the conflict and the deletion still count
            }
            var r = same(repo, c -> c, "validate", "--staged");
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.err().contains(CARD + ":1:1: error: unresolved merge conflict [path-conflict]"), r.err());
            assertTrue(r.err().contains("owners.yaml:1:1: error: owners.yaml is missing from the index;"), r.err());
        }
    }

    @Test
    void aRegistryInASubfolderAndPathsNamedOnTheCommandLine() {
        try (GitFixture git = GitFixture.init(repo)) {
            Path reg = repo.resolve("ml/registry");
            Registries.minimal(reg);
            Registries.write(reg, CARD, BROKEN);
            Registries.write(reg, "models/credit-scorer/1.1.0.yaml", Registries.model("credit-scorer", "1.1.0"));
            Registries.write(repo, "models/other/1.0.0.yaml", "not: [a card of this registry\n");
            git.add();
            var r = same(repo, c -> c, "-C", "ml/registry", "validate", "--staged");
            assertEquals(1, r.exit(), r.toString());
            assertEquals("failed: 4 files checked in the index: 1 error, 0 warnings\n", r.out());
            assertEquals(0, same(reg, c -> c, "validate", "--staged", "models/credit-scorer/1.1.0.yaml").exit());
            assertEquals(2, same(reg, c -> c, "validate", "--staged", "models/none.yaml").exit());
        }
    }

    @Test
    void outsideARepositoryItIsStillAnEnvironmentError() {
        Registries.minimal(dir.resolve("plain"));
        var r = same(dir.resolve("plain"), c -> c, "validate", "--staged");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("registry: error: not a git repository (or any parent up to /): " + dir.resolve("plain") + "\n", r.err());
    }
}
