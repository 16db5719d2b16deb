package dev.registry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastChangesTest {

    @TempDir
    Path dir;

    @Test
    void eachFileGetsTheLastCommitThatChangedItInsideTheRegistryFolder() {
        try (GitFixture git = GitFixture.init(dir)) {
            Path reg = dir.resolve("reg");
            Registries.minimal(reg);
            Registries.writeModel(reg, "a", "1.0.0");
            Registries.writeModel(reg, "b", "1.0.0");
            RevCommit first = git.commit("alice@example.com", "registry");
            Registries.write(reg, "models/a/1.0.0.yaml", Registries.model("a", "1.0.0").replace("experimental", "staging"));
            RevCommit second = git.commit("bob@example.com", "promote a");
            git.write("README.md", "outside the registry\n");
            RevCommit third = git.commit("carol@example.com", "docs");
            Registries.writeModel(reg, "c", "1.0.0"); // untracked: no commit has it

            try (GitRepo repo = GitRepo.open(reg)) {
                LastChanges changes = LastChanges.of(repo, third.name(),
                        List.of("models/a/1.0.0.yaml", "models/b/1.0.0.yaml", "registry.yaml", "models/c/1.0.0.yaml"));
                assertFalse(changes.incomplete());
                assertEquals(second.name(), changes.byPath().get("models/a/1.0.0.yaml").id());
                assertEquals("bob@example.com", changes.byPath().get("models/a/1.0.0.yaml").authorEmail());
                assertEquals(first.name(), changes.byPath().get("models/b/1.0.0.yaml").id());
                assertEquals(first.name(), changes.byPath().get("registry.yaml").id());
                assertFalse(changes.byPath().containsKey("models/c/1.0.0.yaml"));
                // From an older commit, the later promotion is not seen.
                assertEquals(first.name(), LastChanges.of(repo, first.name(), List.of("models/a/1.0.0.yaml"))
                        .byPath().get("models/a/1.0.0.yaml").id());
            }
        }
    }
}
