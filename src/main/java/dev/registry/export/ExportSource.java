package dev.registry.export;

import dev.registry.EnvironmentException;
import dev.registry.git.CommitInfo;
import dev.registry.git.GitRepo;
import dev.registry.git.GitSource;
import dev.registry.git.History;
import dev.registry.git.LastChanges;
import dev.registry.git.PointInTime;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The registry an inventory is built from: the working tree, or a commit read from git without a
 * checkout; the day its risk rules are judged on; and, on request, its files' last changes.
 */
public final class ExportSource {

    private final Path registryRoot;
    private final Snapshot snapshot;
    private final LocalDate today;
    private final Optional<CommitInfo> commit;

    private ExportSource(Path registryRoot, Snapshot snapshot, LocalDate today, Optional<CommitInfo> commit) {
        this.registryRoot = registryRoot;
        this.snapshot = snapshot;
        this.today = today;
        this.commit = commit;
    }

    /** The registry on disk, judged on {@code today}. Does not touch git. */
    public static ExportSource workingTree(Path registryRoot, LocalDate today) {
        return new ExportSource(registryRoot, new SnapshotReader().read(new WorkingTreeSource(registryRoot)), today,
                Optional.empty());
    }

    /**
     * The registry at a commit or date. Risk rules that start on a date are judged on the day of
     * the commit, as they applied then. Unknown revisions and dates before history are exit-3 errors.
     */
    public static ExportSource at(Path registryRoot, PointInTime point) {
        try (GitRepo repo = GitRepo.open(registryRoot)) {
            CommitInfo c = point.resolve(repo);
            return new ExportSource(registryRoot, new SnapshotReader().read(GitSource.revision(repo, c.id())),
                    LocalDate.ofInstant(c.committed().toInstant(), ZoneOffset.UTC), Optional.of(c));
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public LocalDate today() {
        return today;
    }

    /** The commit read, empty for the working tree. */
    public Optional<CommitInfo> commit() {
        return commit;
    }

    /** The inventory of this registry, with tiers under this registry's own policy. */
    public Inventory inventory(Changes changes) {
        return Inventory.of(snapshot, changes.byPath(), today);
    }

    /**
     * The last change of each file, or why there is none.
     *
     * @param note what the user should know about empty history cells ("" when nothing)
     */
    public record Changes(Map<String, CommitInfo> byPath, String note) {
        public static final Changes NONE = new Changes(Map.of(), "");

        public Changes {
            byPath = Map.copyOf(byPath);
        }
    }

    /**
     * The last commit that changed each file, walking back from the commit read (or from HEAD for
     * the working tree; uncommitted edits do not show). Outside git, or before the first commit,
     * there is none, and the note says why.
     */
    public Changes changes() {
        GitRepo repo;
        try {
            repo = GitRepo.open(registryRoot);
        } catch (EnvironmentException e) {
            return new Changes(Map.of(), "the lastChange columns are empty: " + e.getMessage());
        }
        try (repo) {
            Optional<CommitInfo> from = commit.isPresent() ? commit : PointInTime.head(repo);
            if (from.isEmpty()) {
                return new Changes(Map.of(), "the lastChange columns are empty: the repository has no commits yet");
            }
            LastChanges changes = LastChanges.of(repo, from.get().id(), snapshot.files().keySet());
            if (!changes.incomplete()) {
                return new Changes(changes.byPath(), "");
            }
            int missing = snapshot.files().size() - changes.byPath().size();
            return new Changes(changes.byPath(), "the lastChange columns are empty for " + missing + " files: this"
                    + " shallow clone does not reach the commits that last changed them; " + History.FULL_HISTORY_FIX);
        }
    }
}
