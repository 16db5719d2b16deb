package dev.registry.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.EnvironmentException;
import dev.registry.card.CardKind;
import dev.registry.card.ModelRef;
import dev.registry.source.CardBinder;
import dev.registry.source.StrictYamlReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The registry's git history, read card by card. Cards are followed by what they say they are
 * (model name and version, deployment name), not by path, so a moved or renamed file keeps its
 * history. Parsed cards are cached by blob id: a long history costs one parse per distinct
 * content, not per commit.
 *
 * <p>A shallow clone has commits whose parents are missing. Every walk that reaches one fails with
 * an {@link EnvironmentException} that says how to fetch the full history: taking the boundary for
 * the beginning of time would make every card look newly written.
 */
public final class History implements AutoCloseable {

    /** What to do about missing history, in the words of the tools people run. */
    public static final String FULL_HISTORY_FIX = "fetch the full history: `git fetch --unshallow`, or in CI check out"
            + " with `fetch-depth: 0` (GitHub Actions) or `GIT_DEPTH: 0` (GitLab CI)";

    private final GitRepo repo;
    private final Repository r;
    private final ObjectReader reader;
    private final RevWalk lookup;
    private final Set<ObjectId> shallow;
    private final StrictYamlReader yaml = new StrictYamlReader();
    private final Map<ObjectId, Optional<JsonNode>> parsed = new HashMap<>();
    private final Map<String, Map<ObjectId, Map<String, CardAt>>> indexes = new HashMap<>();

    public History(GitRepo repo) {
        this.repo = repo;
        this.r = repo.repository();
        this.reader = r.newObjectReader();
        this.lookup = new RevWalk(reader);
        try {
            this.shallow = Set.copyOf(r.getObjectDatabase().getShallowCommits());
        } catch (IOException e) {
            throw new EnvironmentException("cannot read the list of shallow commits: " + e.getMessage(), e);
        }
    }

    public boolean isShallow() {
        return !shallow.isEmpty();
    }

    /** Resolves a revision; in a shallow clone an unknown one is said to be probably not fetched ({@link GitRepo#commit}). */
    public CommitInfo commit(String rev) {
        return info(parse(repo.commit(rev)));
    }

    /** The best common ancestor of two commits, if they have one in the history at hand. */
    public Optional<CommitInfo> mergeBase(String a, String b) {
        try (RevWalk walk = new RevWalk(reader)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(ObjectId.fromString(a)));
            walk.markStart(walk.parseCommit(ObjectId.fromString(b)));
            RevCommit base = walk.next();
            if (base == null && isShallow()) {
                throw new EnvironmentException("cannot find where " + abbreviate(a) + " and " + abbreviate(b)
                        + " diverged: this is a shallow clone; " + FULL_HISTORY_FIX);
            }
            return base == null ? Optional.empty() : Optional.of(info(parse(base)));
        } catch (IOException e) {
            throw failure("cannot compute the merge base", e);
        }
    }

    /**
     * The branch a change is compared with when none is named: the branch it will merge into.
     * That is the current branch's upstream when the upstream is another branch (a feature branch
     * started from origin/main) or when the current branch is the default one (main before a
     * push); a feature branch's own published copy is no base, so then the remote's default
     * branch (origin/HEAD), main or master.
     */
    public Optional<String> defaultBaseRef() {
        List<String> candidates = new ArrayList<>();
        try {
            String full = r.getFullBranch();
            Set<String> defaults = Set.of("main", "master");
            Optional<String> remoteDefault = Optional.ofNullable(r.exactRef("refs/remotes/origin/HEAD"))
                    .filter(ref -> ref.isSymbolic())
                    .map(ref -> Repository.shortenRefName(ref.getTarget().getName()))
                    .map(n -> n.substring(n.indexOf('/') + 1));
            if (full != null && full.startsWith(Constants.R_HEADS)) {
                String current = Repository.shortenRefName(full);
                BranchConfig bc = new BranchConfig(r.getConfig(), current);
                String tracking = bc.getTrackingBranch();
                String merge = bc.getMerge() == null ? "" : Repository.shortenRefName(bc.getMerge());
                boolean isDefault = defaults.contains(current) || remoteDefault.map(current::equals).orElse(false);
                if (tracking != null && (!merge.equals(current) || isDefault)) {
                    candidates.add(tracking);
                }
            }
            candidates.addAll(List.of("refs/remotes/origin/HEAD", "refs/heads/main", "refs/heads/master",
                    "refs/remotes/origin/main", "refs/remotes/origin/master"));
            for (String c : candidates) {
                org.eclipse.jgit.lib.Ref ref = r.exactRef(c);
                if (ref != null && r.resolve(c) != null) {
                    // origin/HEAD reads better as the branch it stands for.
                    return Optional.of(Repository.shortenRefName(ref.isSymbolic() ? ref.getTarget().getName() : c));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw failure("cannot read the repository's branches", e);
        }
    }

    /** The commits reachable from {@code head} but not from {@code base}, oldest first. */
    public List<CommitInfo> range(String base, String head) {
        try (RevWalk walk = new RevWalk(reader)) {
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(ObjectId.fromString(head)));
            walk.markUninteresting(walk.parseCommit(ObjectId.fromString(base)));
            List<CommitInfo> out = new ArrayList<>();
            for (RevCommit c : walk) {
                requireParents(c);
                out.add(info(c));
            }
            return out;
        } catch (IOException e) {
            throw failure("cannot list the commits between " + abbreviate(base) + " and " + abbreviate(head), e);
        }
    }

    /** The model card for {@code ref} in a commit, wherever in models/ it is stored. */
    public Optional<CardAt> model(String commit, ModelRef ref) {
        return Optional.ofNullable(index("models", parse(ObjectId.fromString(commit))).get(ref.toString()));
    }

    /** The deployment card named {@code name} in a commit. */
    public Optional<CardAt> deployment(String commit, String name) {
        return Optional.ofNullable(index("deployments", parse(ObjectId.fromString(commit))).get(name));
    }

    /** The names of the models with a card in a commit. */
    public Set<String> modelNames(String commit) {
        Set<String> out = new TreeSet<>();
        index("models", parse(ObjectId.fromString(commit))).keySet().forEach(k -> out.add(k.substring(0, k.indexOf('@'))));
        return out;
    }

    /** The names of the deployments with a card in a commit. */
    public Set<String> deploymentNames(String commit) {
        return new TreeSet<>(index("deployments", parse(ObjectId.fromString(commit))).keySet());
    }

    /**
     * The commit that brought a property of a card into being: from {@code head}, step to a parent
     * whose card still has it, until none has. {@code present} must hold for the card at head.
     */
    public CommitInfo introducedBy(ModelRef ref, String head, Predicate<JsonNode> present) {
        RevCommit c = parse(ObjectId.fromString(head));
        CardAt at = index("models", c).get(ref.toString());
        if (at == null || !present.test(at.document())) {
            throw new IllegalArgumentException(ref + " at " + abbreviate(head) + " does not have the property being traced");
        }
        while (true) {
            requireParents(c);
            RevCommit next = null;
            for (RevCommit p : c.getParents()) {
                RevCommit parent = parse(p);
                CardAt pa = index("models", parent).get(ref.toString());
                if (pa != null && present.test(pa.document())) {
                    next = parent;
                    break;
                }
            }
            if (next == null) {
                return info(c);
            }
            c = next;
        }
    }

    /**
     * The commits among {@code commits} that changed what {@code view} shows of a model card
     * (creating or deleting the card counts). A merge counts only when its result differs from
     * every parent: a merge that takes one side as it is changed nothing itself.
     */
    public List<CommitInfo> changedIn(List<CommitInfo> commits, ModelRef ref, Function<JsonNode, JsonNode> view) {
        List<CommitInfo> out = new ArrayList<>();
        for (CommitInfo ci : commits) {
            RevCommit c = parse(ObjectId.fromString(ci.id()));
            requireParents(c);
            Optional<JsonNode> now = viewAt(c, ref, view);
            boolean changed = true;
            for (RevCommit p : c.getParents()) {
                if (Objects.equals(now, viewAt(parse(p), ref, view))) {
                    changed = false;
                    break;
                }
            }
            if (c.getParentCount() == 0) {
                changed = now.isPresent();
            }
            if (changed) {
                out.add(ci);
            }
        }
        return out;
    }

    /**
     * Every commit reachable from {@code head} that changed a version of model {@code name}
     * (only {@code version}, when given), newest first.
     */
    public List<CardChange> modelChanges(String name, Optional<String> version, String head) {
        String prefix = name + "@";
        return changes("models", head, key -> key.startsWith(prefix)
                && version.map(v -> key.equals(prefix + v)).orElse(true), key -> key.substring(prefix.length()));
    }

    /** Every commit reachable from {@code head} that changed deployment {@code name}, newest first. */
    public List<CardChange> deploymentChanges(String name, String head) {
        return changes("deployments", head, name::equals, key -> key);
    }

    private List<CardChange> changes(String folder, String head, Predicate<String> wanted, Function<String, String> label) {
        List<CardChange> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(reader)) {
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.COMMIT_TIME_DESC, true);
            walk.markStart(walk.parseCommit(ObjectId.fromString(head)));
            for (RevCommit c : walk) {
                requireParents(c);
                Map<String, CardAt> now = select(index(folder, c), wanted);
                List<Map<String, CardAt>> parents = new ArrayList<>();
                for (RevCommit p : c.getParents()) {
                    parents.add(select(index(folder, parse(p)), wanted));
                }
                Set<String> keys = new LinkedHashSet<>(now.keySet());
                parents.forEach(m -> keys.addAll(m.keySet()));
                for (String key : keys) {
                    Optional<String> blob = Optional.ofNullable(now.get(key)).map(CardAt::blobId);
                    boolean changed = parents.isEmpty()
                            ? blob.isPresent()
                            : parents.stream().noneMatch(m -> Optional.ofNullable(m.get(key)).map(CardAt::blobId).equals(blob));
                    if (changed) {
                        Optional<CardAt> before = parents.isEmpty() ? Optional.empty() : Optional.ofNullable(parents.get(0).get(key));
                        out.add(new CardChange(info(c), label.apply(key), before, Optional.ofNullable(now.get(key))));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw failure("cannot read the history of " + folder, e);
        }
    }

    private static Map<String, CardAt> select(Map<String, CardAt> all, Predicate<String> wanted) {
        Map<String, CardAt> out = new TreeMap<>();
        all.forEach((k, v) -> {
            if (wanted.test(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private Optional<JsonNode> viewAt(RevCommit c, ModelRef ref, Function<JsonNode, JsonNode> view) {
        return Optional.ofNullable(index("models", c).get(ref.toString())).map(a -> view.apply(a.document()));
    }

    /**
     * The cards of one folder in a commit, by what they say they are (model@version, or a
     * deployment's name). Cached by the folder's tree id: most commits leave it untouched.
     */
    private Map<String, CardAt> index(String folder, RevCommit c) {
        try {
            String path = repo.registryPrefix() + folder;
            ObjectId tree;
            try (TreeWalk tw = TreeWalk.forPath(reader, path, c.getTree())) {
                if (tw == null || tw.getFileMode(0) != FileMode.TREE) {
                    return Map.of();
                }
                tree = tw.getObjectId(0);
            }
            Map<ObjectId, Map<String, CardAt>> cache = indexes.computeIfAbsent(folder, f -> new HashMap<>());
            Map<String, CardAt> known = cache.get(tree);
            if (known == null) {
                known = scan(folder, tree);
                cache.put(tree, known);
            }
            return known;
        } catch (IOException e) {
            throw failure("cannot read " + folder + "/ in commit " + c.abbreviate(7).name(), e);
        }
    }

    private Map<String, CardAt> scan(String folder, ObjectId tree) throws IOException {
        Map<String, CardAt> out = new HashMap<>();
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.addTree(tree);
            tw.setRecursive(true);
            while (tw.next()) {
                String rel = folder + "/" + tw.getPathString();
                FileMode mode = tw.getFileMode(0);
                // Symlinks and gitlinks are refused when read as a snapshot; here they are simply not cards.
                if ((mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) || CardKind.forPath(rel).isEmpty()) {
                    continue;
                }
                ObjectId blob = tw.getObjectId(0);
                Optional<JsonNode> doc = document(rel, blob);
                if (doc.isEmpty()) {
                    continue;
                }
                String key = folder.equals("models")
                        ? CardBinder.text(doc.get().path("name")) + "@" + CardBinder.text(doc.get().path("version"))
                        : CardBinder.text(doc.get().path("name"));
                if (key.startsWith("@") || key.endsWith("@") || key.isEmpty()) {
                    continue;
                }
                CardAt card = new CardAt(rel, blob.name(), doc.get());
                // Two files claiming one identity: the one at the canonical path wins, as validate expects.
                CardAt other = out.get(key);
                if (other == null || !canonical(folder, key).equals(other.path())) {
                    out.put(key, card);
                }
            }
        }
        return out;
    }

    private static String canonical(String folder, String key) {
        return folder.equals("models") ? "models/" + key.replace('@', '/') + ".yaml" : "deployments/" + key + ".yaml";
    }

    private Optional<JsonNode> document(String path, ObjectId blob) throws IOException {
        Optional<JsonNode> known = parsed.get(blob);
        if (known != null) {
            return known;
        }
        Optional<JsonNode> doc = Optional.empty();
        long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
        if (StrictYamlReader.checkSize(path, size).isEmpty()) {
            StrictYamlReader.Result res = yaml.read(path, reader.open(blob, Constants.OBJ_BLOB).getBytes());
            if (res instanceof StrictYamlReader.Parsed p) {
                doc = Optional.of(p.document().root());
            }
        }
        parsed.put(blob, doc);
        return doc;
    }

    private void requireParents(RevCommit c) {
        if (shallow.contains(c)) {
            throw new EnvironmentException("this is a shallow clone: the history before commit " + c.abbreviate(7).name()
                    + " is missing, and history checks need all of it; " + FULL_HISTORY_FIX);
        }
    }

    private RevCommit parse(ObjectId id) {
        try {
            return lookup.parseCommit(id);
        } catch (IOException e) {
            if (isShallow()) {
                throw new EnvironmentException("commit " + abbreviate(id.name()) + " is missing from this shallow clone; "
                        + FULL_HISTORY_FIX, e);
            }
            throw failure("cannot read commit " + abbreviate(id.name()), e);
        }
    }

    private static CommitInfo info(RevCommit c) {
        return Commits.info(c);
    }

    private static String abbreviate(String id) {
        return id.length() > 7 ? id.substring(0, 7) : id;
    }

    private static EnvironmentException failure(String what, IOException e) {
        return new EnvironmentException(what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        lookup.close();
        reader.close();
    }
}
