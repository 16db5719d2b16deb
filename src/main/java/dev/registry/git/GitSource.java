package dev.registry.git;

import dev.registry.EnvironmentException;
import dev.registry.card.CardKind;
import dev.registry.source.Source;
import dev.registry.source.SourceEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The registry as git holds it, read through JGit without a checkout: the index (what the next
 * commit would contain) or any commit. Only this package touches JGit, so commands that need no
 * history never load it.
 */
public final class GitSource implements Source {

    private final GitRepo repo;
    private final String label;
    private final boolean index;
    private final ObjectId tree;

    private GitSource(GitRepo repo, String label, boolean index, ObjectId tree) {
        this.repo = repo;
        this.label = label;
        this.index = index;
        this.tree = tree;
    }

    /** What {@code git commit} would record now; honours GIT_INDEX_FILE as a pre-commit hook sees it. */
    public static GitSource index(GitRepo repo) {
        return new GitSource(repo, "index", true, null);
    }

    /** The registry at a revision (branch, tag, sha, HEAD~2, ...). */
    public static GitSource revision(GitRepo repo, String rev) {
        RevCommit c = repo.commit(rev);
        return new GitSource(repo, "commit " + c.abbreviate(7).name() + (rev.equals(c.name()) ? "" : " (" + rev + ")"),
                false, c.getTree().getId());
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<SourceEntry> entries() {
        try {
            List<SourceEntry> out = index ? fromIndex() : fromTree();
            out.sort(Comparator.comparing(SourceEntry::path));
            return out;
        } catch (IOException e) {
            throw new EnvironmentException("cannot read the git " + label + ": " + e.getMessage(), e);
        }
    }

    private List<SourceEntry> fromIndex() throws IOException {
        Repository r = repo.repository();
        DirCache dc = r.readDirCache();
        String prefix = repo.registryPrefix();
        List<SourceEntry> out = new ArrayList<>();
        java.util.Set<String> conflicted = new java.util.HashSet<>();
        try (ObjectReader reader = r.newObjectReader()) {
            for (int i = 0; i < dc.getEntryCount(); i++) {
                DirCacheEntry e = dc.getEntry(i);
                String rel = relative(e.getPathString(), prefix);
                if (rel == null || !wanted(rel)) {
                    continue;
                }
                if (e.getStage() != DirCacheEntry.STAGE_0) {
                    if (conflicted.add(rel)) {
                        out.add(new SourceEntry(rel, SourceEntry.Type.CONFLICT, 0, () -> new byte[0]));
                    }
                    continue;
                }
                out.add(entry(reader, rel, e.getFileMode(), e.getObjectId()));
            }
        }
        return out;
    }

    private List<SourceEntry> fromTree() throws IOException {
        Repository r = repo.repository();
        String prefix = repo.registryPrefix();
        List<SourceEntry> out = new ArrayList<>();
        try (ObjectReader reader = r.newObjectReader(); TreeWalk walk = new TreeWalk(r, reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            if (!prefix.isEmpty()) {
                walk.setFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
            }
            while (walk.next()) {
                String rel = relative(walk.getPathString(), prefix);
                if (rel != null && wanted(rel)) {
                    out.add(entry(reader, rel, walk.getFileMode(0), walk.getObjectId(0)));
                }
            }
        }
        return out;
    }

    private SourceEntry entry(ObjectReader reader, String rel, FileMode mode, ObjectId id) throws IOException {
        if (mode == FileMode.SYMLINK) {
            return new SourceEntry(rel, SourceEntry.Type.SYMLINK, 0, () -> new byte[0]);
        }
        if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
            return new SourceEntry(rel, SourceEntry.Type.OTHER, 0, () -> new byte[0]);
        }
        long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
        Repository r = repo.repository();
        // Each read opens its own reader: ObjectReader is not thread-safe and files are parsed in parallel.
        return new SourceEntry(rel, SourceEntry.Type.FILE, size, () -> r.open(id, Constants.OBJ_BLOB).getBytes());
    }

    private static String relative(String repoPath, String prefix) {
        return repoPath.startsWith(prefix) ? repoPath.substring(prefix.length()) : null;
    }

    /** Whether a path in the registry is one a snapshot lists: a registry file, or anything under models/ or deployments/. */
    static boolean wanted(String rel) {
        return CardKind.forPath(rel).isPresent() || rel.startsWith("models/") || rel.startsWith("deployments/");
    }

}
