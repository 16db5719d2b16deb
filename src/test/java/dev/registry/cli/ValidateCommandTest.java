package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Cli;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void cleanRegistryExitsZeroWithSummaryOnStdout() {
        Registries.minimal(dir);
        Registries.writeModel(dir, "credit-scorer", "1.0.0");
        var r = Cli.in(dir).run("validate");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("ok: 3 files checked in the working tree, no problems\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void unknownOwnerIsLocatedOnStderrAndExitsOne() {
        Registries.minimal(dir);
        Registries.write(dir, "models/credit-scorer/1.0.0.yaml",
                Registries.model("credit-scorer", "1.0.0").replace("team:ml-platform", "team:ml-platfrom"));
        var r = Cli.in(dir).run("validate");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("models/credit-scorer/1.0.0.yaml:6:10: error: owner `team:ml-platfrom` is not defined"
                + " in owners.yaml [owner-unknown]\n    hint: did you mean `team:ml-platform`?"), r.err());
        assertTrue(r.out().startsWith("failed: 3 files checked in the working tree: 1 error"), r.out());
    }

    @Test
    void revChecksAnOldCommitWithoutCheckout() {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            Registries.writeModel(dir, "credit-scorer", "1.0.0");
            git.commit("alice@example.com", "good");
            git.write("models/credit-scorer/1.0.0.yaml", "kind: Model\n");
            git.commit("bob@example.com", "broken");
            assertEquals(1, Cli.in(dir).run("validate").exit());
            var r = Cli.in(dir).run("validate", "--rev", "HEAD~1");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("checked in the commit "), r.out());
        }
    }
}
