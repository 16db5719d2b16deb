package dev.registry.git;

import dev.registry.EnvironmentException;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The last commit that changed each registry file, found in one walk down the first-parent history
 * (a change merged from a branch counts from its merge: when the main line got it). The walk
 * compares each commit's tree with its parent's, skipping unchanged folders by id, and stops as
 * soon as every file asked about has been seen, so it never runs one log per file.
 *
 * @param byPath     registry-relative path to the commit; a path no commit touched (an untracked
 *                   file) is absent
 * @param incomplete the walk hit a shallow clone's boundary, where files only look newly added:
 *                   what was first seen there is left out rather than misdated
 */
public record LastChanges(Map<String, CommitInfo> byPath, boolean incomplete) {

    public LastChanges {
        byPath = Map.copyOf(byPath);
    }

    /** Looks up the given registry-relative paths, walking back from {@code fromCommit}. */
    public static LastChanges of(GitRepo repo, String fromCommit, Collection<String> paths) {
        String prefix = repo.registryPrefix();
        Set<String> wanted = new HashSet<>();
        paths.forEach(p -> wanted.add(prefix + p));
        Map<String, CommitInfo> found = new HashMap<>();
        Repository r = repo.repository();
        try (ObjectReader reader = r.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            Set<ObjectId> shallow = r.getObjectDatabase().getShallowCommits();
            RevCommit c = walk.parseCommit(repo.commit(fromCommit));
            TreeFilter filter = prefix.isEmpty() ? TreeFilter.ANY_DIFF
                    : AndTreeFilter.create(PathFilter.create(prefix.substring(0, prefix.length() - 1)), TreeFilter.ANY_DIFF);
            while (!wanted.isEmpty()) {
                if (shallow.contains(c.getId())) {
                    return new LastChanges(found, true);
                }
                RevCommit parent = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
                CommitInfo info = null;
                try (TreeWalk tw = new TreeWalk(reader)) {
                    tw.setRecursive(true);
                    tw.setFilter(filter);
                    tw.addTree(c.getTree());
                    if (parent == null) {
                        tw.addTree(new EmptyTreeIterator());
                    } else {
                        tw.addTree(parent.getTree());
                    }
                    while (tw.next()) {
                        String path = tw.getPathString();
                        if (wanted.remove(path)) {
                            if (info == null) {
                                info = Commits.info(c);
                            }
                            found.put(path.substring(prefix.length()), info);
                        }
                    }
                }
                if (parent == null) {
                    break;
                }
                c = parent;
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot read the history of " + fromCommit + ": " + e.getMessage(), e);
        }
        return new LastChanges(found, false);
    }
}
