package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.testing.Cli;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A revision a shallow clone does not reach is reported with the fix, not as a plain unknown revision. */
class ShallowRevisionTest {

    private static final String NOT_FETCHED = "; this is a shallow clone, so it may not have been fetched: fetch the full"
            + " history: `git fetch --unshallow`, or in CI check out with `fetch-depth: 0` (GitHub Actions) or"
            + " `GIT_DEPTH: 0` (GitLab CI)\n";

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private Path shallowClone() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            Registries.writeModel(dir, "scorer", "1.0.0");
            git.commit("alice@example.com", "registry");
            Registries.writeModel(dir, "scorer", "1.1.0");
            git.commit("alice@example.com", "register scorer@1.1.0");
        }
        Path clone = elsewhere.resolve("clone");
        Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(clone.toFile()).setDepth(1).call().close();
        return clone;
    }

    private static void notFetched(Cli.Result r, String rev) {
        assertEquals(3, r.exit(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertEquals("registry: error: unknown revision `" + rev + "`" + NOT_FETCHED, r.err());
    }

    @Test
    void everyCommandReadingARevisionSaysTheCloneIsShallow() throws Exception {
        Path clone = shallowClone();
        notFetched(Cli.in(clone).run("validate", "--rev", "HEAD~1"), "HEAD~1");
        notFetched(Cli.in(clone).run("risk", "--policy-diff", "HEAD~1"), "HEAD~1");
        notFetched(Cli.in(clone).run("export", "--at", "HEAD~1"), "HEAD~1");
        notFetched(Cli.in(clone).run("diff", "HEAD~1.."), "HEAD~1");
        // What the clone has still reads.
        var head = Cli.in(clone).run("validate", "--rev", "HEAD");
        assertEquals(0, head.exit(), head.toString());
    }

    @Test
    void aFullCloneKeepsThePlainMessage() throws Exception {
        shallowClone();
        var r = Cli.in(dir).run("validate", "--rev", "HEAD~5");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("registry: error: unknown revision `HEAD~5`\n", r.err());
        assertEquals("", r.out());
    }
}
