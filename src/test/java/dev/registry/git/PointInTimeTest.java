package dev.registry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.EnvironmentException;
import dev.registry.UsageException;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointInTimeTest {

    @TempDir
    Path dir;

    @Test
    void revisionsAndDatesResolveOnTheFirstParentLine() {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            RevCommit first = git.commit("alice@example.com", "first");      // 2026-01-05T10:00Z
            Registries.writeModel(dir, "m", "1.0.0");
            RevCommit second = git.commit("bob@example.com", "second");      // 11:00Z
            git.branch("side");
            Registries.writeModel(dir, "m", "2.0.0");
            git.commit("bob@example.com", "on a branch");                    // 12:00Z, not on main
            git.checkout("main");
            try (GitRepo repo = GitRepo.open(dir)) {
                assertEquals(first.name(), PointInTime.parse("HEAD~1").resolve(repo).id());
                assertEquals(second.name(), PointInTime.parse(second.name().substring(0, 10)).resolve(repo).id());
                assertEquals(first.name(), PointInTime.parse("2026-01-05T10:59:59Z").resolve(repo).id());
                assertEquals(first.name(), PointInTime.parse("2026-01-05T11:59:59+01:00").resolve(repo).id());
                assertEquals(second.name(), PointInTime.parse("2026-01-05").resolve(repo).id());
                assertEquals(second.name(), PointInTime.parse("2030-01-01").resolve(repo).id());
                CommitInfo info = PointInTime.parse("main").resolve(repo);
                assertEquals("bob@example.com", info.authorEmail());
                assertEquals("second", info.subject());
                assertEquals(second.name().substring(0, 7), info.shortId());
            }
        }
    }

    @Test
    void dateBeforeTheFirstCommitAndUnknownRevisionAreEnvironmentErrors() {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            RevCommit first = git.commit("alice@example.com", "first");
            try (GitRepo repo = GitRepo.open(dir)) {
                EnvironmentException before = assertThrows(EnvironmentException.class,
                        () -> PointInTime.parse("2026-01-04").resolve(repo));
                assertEquals("no commit on or before 2026-01-04: the history of HEAD starts at "
                        + first.name().substring(0, 7) + " on 2026-01-05T10:00:00Z", before.getMessage());
                EnvironmentException unknown = assertThrows(EnvironmentException.class,
                        () -> PointInTime.parse("no-such-branch").resolve(repo));
                assertEquals("unknown revision `no-such-branch`", unknown.getMessage());
            }
        }
    }

    @Test
    void malformedDatesAreUsageErrors() {
        UsageException e = assertThrows(UsageException.class, () -> PointInTime.parse("2026-13-01"));
        assertTrue(e.getMessage().startsWith("`2026-13-01` is not a valid date"), e.getMessage());
        assertThrows(UsageException.class, () -> PointInTime.parse("2026-01-01Tnoon"));
        assertTrue(PointInTime.parse("2026-01-01").isDate());
        assertFalse(PointInTime.parse("v2026.1").isDate());
    }

    @Test
    void emptyRepositoryHasNoPointInTime() {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            try (GitRepo repo = GitRepo.open(dir)) {
                EnvironmentException e = assertThrows(EnvironmentException.class,
                        () -> PointInTime.parse("2026-01-04").resolve(repo));
                assertTrue(e.getMessage().startsWith("the repository has no commits yet"), e.getMessage());
            }
        }
    }
}
