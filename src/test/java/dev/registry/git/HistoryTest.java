package dev.registry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.card.ModelRef;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    static final ModelRef REF = new ModelRef("scorer", "1.0.0");

    @TempDir
    Path dir;

    @Test
    void aCardIsFollowedByNameAndVersionAcrossARename() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            git.write("models/scorer/1.0.0.yml", Registries.model("scorer", "1.0.0"));
            RevCommit created = git.commit("alice@example.com", "create");
            git.delete("models/scorer/1.0.0.yml");
            git.write("models/scorer/1.0.0.yaml", Registries.model("scorer", "1.0.0"));
            git.commit("bob@example.com", "rename");
            git.write("models/scorer/1.0.0.yaml", Registries.model("scorer", "1.0.0").replace("experimental", "staging"));
            RevCommit staged = git.commit("carol@example.com", "stage");
            try (GitRepo repo = GitRepo.open(dir); History h = new History(repo)) {
                List<CardChange> changes = h.modelChanges("scorer", Optional.of("1.0.0"), staged.name());
                // The rename moved identical content: no change to the card itself.
                assertEquals(List.of(staged.name(), created.name()), changes.stream().map(c -> c.commit().id()).toList());
                assertEquals("models/scorer/1.0.0.yml", changes.get(1).after().orElseThrow().path());
                assertEquals("models/scorer/1.0.0.yaml", changes.get(0).before().orElseThrow().path());
                assertEquals("alice@example.com", h.introducedBy(REF, staged.name(), d -> true).authorEmail());
            }
        }
    }

    @Test
    void aMergeThatTakesOneSideChangesNothingAndBlameFollowsTheSideThatDid() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            git.write("models/scorer/1.0.0.yaml", Registries.model("scorer", "1.0.0"));
            RevCommit base = git.commit("alice@example.com", "create");
            git.branch("side");
            git.write("models/scorer/1.0.0.yaml", Registries.model("scorer", "1.0.0") + "description: from the side\n");
            RevCommit side = git.commit("bob@example.com", "describe");
            git.checkout("main");
            git.write("README.md", "hello\n");
            git.commit("carol@example.com", "readme");
            var merge = git.git().merge().include(side).setStrategy(MergeStrategy.RECURSIVE).setMessage("merge side").call();
            String head = merge.getNewHead().name();
            try (GitRepo repo = GitRepo.open(dir); History h = new History(repo)) {
                List<CommitInfo> range = h.range(base.name(), head);
                assertEquals(3, range.size());
                List<CommitInfo> changed = h.changedIn(range, REF, d -> d);
                assertEquals(List.of(side.name()), changed.stream().map(CommitInfo::id).toList());
                assertEquals(side.name(), h.introducedBy(REF, head, d -> d.has("description")).id());
                assertEquals(side.name(), h.mergeBase(side.name(), head).orElseThrow().id(), "an ancestor is its own merge base");
            }
        }
    }

    @Test
    void theDefaultBaseIsTheBranchThisOneMergesInto() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            git.commit("alice@example.com", "start");
            git.branch("feature");
            try (GitRepo repo = GitRepo.open(dir); History h = new History(repo)) {
                assertEquals(Optional.of("main"), h.defaultBaseRef());
            }
            StoredConfig config = git.git().getRepository().getConfig();
            config.setString("remote", "origin", "url", "file:///nowhere");
            config.setString("branch", "feature", "remote", ".");
            config.setString("branch", "feature", "merge", "refs/heads/release");
            config.save();
            git.branch("release");
            git.checkout("feature");
            try (GitRepo repo = GitRepo.open(dir); History h = new History(repo)) {
                assertEquals(Optional.of("release"), h.defaultBaseRef(), "an upstream that is another branch is the base");
            }
            config.setString("branch", "feature", "merge", "refs/heads/feature");
            config.save();
            try (GitRepo repo = GitRepo.open(dir); History h = new History(repo)) {
                assertTrue(h.defaultBaseRef().orElseThrow().equals("main"), "its own published copy is not");
            }
        }
    }
}
