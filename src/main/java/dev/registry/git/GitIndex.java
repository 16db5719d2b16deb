package dev.registry.git;

import dev.registry.EnvironmentException;
import dev.registry.source.Source;
import dev.registry.source.SourceEntry;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The git index, what {@code git commit} would record now, as the git program reads it: the
 * same entries as {@link GitSource#index}, without JGit's start-up. Each file carries its blob id
 * as its {@linkplain SourceEntry.Stamp stamp}, so that a blob read in an earlier run need not be
 * read again. A plain index and loose blobs are read in this process ({@link IndexFile}); anything
 * else is asked of the git program, the bytes of many blobs in one {@code git cat-file --batch}.
 */
public final class GitIndex implements Source {

    private final Blobs source;
    private final List<SourceEntry> entries;
    private final Map<String, String> blobs;

    private GitIndex(Blobs source, List<SourceEntry> entries, Map<String, String> blobs) {
        this.source = source;
        this.entries = List.copyOf(entries);
        this.blobs = Map.copyOf(blobs);
    }

    /**
     * Where the bytes of the index's blobs come from: those read while their sizes were learnt,
     * then loose objects this process reads itself, then the git program.
     */
    private static final class Blobs {
        private final GitProgram git;
        private final Path dir;
        private final Optional<IndexFile> direct;
        /** Loose blobs read while their sizes were learnt, by object id: their bytes are asked for next. */
        private final Map<String, byte[]> loaded = new java.util.concurrent.ConcurrentHashMap<>();

        Blobs(GitProgram git, Path dir, Optional<IndexFile> direct) {
            this.git = git;
            this.dir = dir;
            this.direct = direct;
        }

        /** A blob's bytes: read already, or loose, or from the git program. */
        byte[] bytes(String oid) throws IOException {
            Optional<byte[]> near = near(oid);
            return near.isPresent() ? near.get() : git.blob(dir, oid);
        }

        /** A blob's bytes when this process can read them without git: read already, or loose. */
        Optional<byte[]> near(String oid) throws IOException {
            byte[] known = loaded.remove(oid);
            if (known != null) {
                return Optional.of(known);
            }
            return direct.isPresent() ? direct.get().blob(oid) : Optional.empty();
        }

        /** The bytes of many blobs from one {@code git cat-file --batch}. */
        List<byte[]> batch(List<String> oids) {
            if (oids.isEmpty()) {
                return List.of();
            }
            String[] args = {"cat-file", "--batch"};
            try {
                Process p = git.start(dir, args);
                Thread feeder = GitProgram.feed(p, lines(oids));
                List<byte[]> out = new ArrayList<>();
                try (InputStream in = new BufferedInputStream(p.getInputStream(), 1 << 16)) {
                    for (String oid : oids) {
                        String header = line(in);
                        String[] parts = header.split(" ");
                        if (parts.length != 3 || !parts[0].equals(oid) || !parts[1].equals("blob")) {
                            throw new IOException("git cat-file --batch: " + header);
                        }
                        byte[] bytes = in.readNBytes(Math.toIntExact(Long.parseLong(parts[2])));
                        if (bytes.length != Long.parseLong(parts[2]) || in.read() != '\n') {
                            throw new IOException("git cat-file --batch: " + oid + " cut short");
                        }
                        out.add(bytes);
                    }
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                git.finish(p, feeder, args);
                return out;
            } catch (IOException | RuntimeException e) {
                throw new EnvironmentException("cannot read the git index: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The index of the repository holding {@code registryRoot}, read by the git program found on
     * the PATH of {@code env} and started with {@code env} as from {@code cwd} (GIT_INDEX_FILE,
     * GIT_DIR and the others honoured as git honours them). {@code REGISTRY_GIT=program} has the
     * git program list the index even when this process could read it. Empty when there is no git program,
     * {@code REGISTRY_GIT=jgit} is set, or git fails for any reason (no repository, a bare one, a
     * registry outside the work tree, a missing object): JGit then reads the index, and reports
     * what is wrong in its own words.
     *
     * @param knownSize the size of a blob, by stamp key, when an earlier run learnt it
     */
    public static Optional<Source> of(Path registryRoot, Map<String, String> env, Path cwd,
                                      Function<String, OptionalLong> knownSize) {
        Optional<GitProgram> program = GitProgram.find(env, cwd);
        if (program.isEmpty()) {
            return Optional.empty();
        }
        try {
            GitProgram git = program.get();
            if (git.env().containsKey("GIT_DIR") && !git.env().containsKey("GIT_WORK_TREE")) {
                // Git takes the folder it starts in as the top of the work tree then (unless
                // core.worktree says otherwise): ask it from there, and tell it from the registry.
                String top = new String(git.run(cwd, new byte[0], "rev-parse", "--show-toplevel"), StandardCharsets.UTF_8).strip();
                if (top.isEmpty()) {
                    return Optional.empty();
                }
                git = git.with("GIT_WORK_TREE", top);
            }
            // The index file itself when it is of the plain kind, else what git lists of it.
            Optional<IndexFile> direct = "program".equalsIgnoreCase(env.getOrDefault(GitProgram.SWITCH, "").trim())
                    ? Optional.empty() : IndexFile.find(registryRoot, git.env());
            List<Row> rows = direct.isPresent() ? direct.get().rows()
                    : rows(git.run(registryRoot, new byte[0], "ls-files", "--stage", "-z"));
            return Optional.of(read(new Blobs(git, registryRoot, direct), rows, knownSize));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** One line of {@code git ls-files --stage -z}: {@code <mode> SP <oid> SP <stage> TAB <path> NUL}. */
    record Row(int mode, String oid, int stage, String path) {
    }

    private static List<Row> rows(byte[] listing) throws IOException {
        List<Row> rows = new ArrayList<>();
        int at = 0;
        while (at < listing.length) {
            int end = at;
            while (end < listing.length && listing[end] != 0) {
                end++;
            }
            if (end == listing.length) {
                throw new IOException("unterminated line in git ls-files output");
            }
            String line = new String(listing, at, end - at, StandardCharsets.UTF_8);
            int tab = line.indexOf('\t');
            String[] head = tab < 0 ? new String[0] : line.substring(0, tab).split(" ");
            if (head.length != 3) {
                throw new IOException("unexpected line in git ls-files output: " + line);
            }
            try {
                rows.add(new Row(Integer.parseInt(head[0], 8), head[1], Integer.parseInt(head[2]), line.substring(tab + 1)));
            } catch (NumberFormatException e) {
                throw new IOException("unexpected line in git ls-files output: " + line, e);
            }
            at = end + 1;
        }
        return rows;
    }

    /** The index of the entries {@code listed}, as {@code git ls-files --stage} gives them. */
    private static GitIndex read(Blobs source, List<Row> listed, Function<String, OptionalLong> knownSize) throws IOException {
        List<Row> rows = new ArrayList<>();
        Set<String> conflicted = new HashSet<>();
        for (Row r : listed) {
            if (!GitSource.wanted(r.path())) {
                continue;
            }
            if (r.stage() != 0) {
                if (conflicted.add(r.path())) {
                    rows.add(r);
                }
            } else {
                rows.add(r);
            }
        }
        Map<String, Long> sizes = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (Row r : rows) {
            if (r.stage() == 0 && isFile(r.mode())) {
                OptionalLong known = knownSize.apply(stamp(r.oid()));
                if (known.isPresent()) {
                    sizes.put(r.oid(), known.getAsLong());
                } else {
                    unknown.add(r.oid());
                }
            }
        }
        if (source.direct.isPresent()) {
            for (java.util.Iterator<String> it = unknown.iterator(); it.hasNext(); ) {
                String oid = it.next();
                Optional<byte[]> loose = source.direct.get().blob(oid);
                if (loose.isPresent()) {
                    source.loaded.put(oid, loose.get());
                    sizes.put(oid, (long) loose.get().length);
                    it.remove();
                }
            }
        }
        if (!unknown.isEmpty()) {
            sizes.putAll(sizes(source.git, source.dir, unknown));
        }
        List<SourceEntry> entries = new ArrayList<>();
        Map<String, String> blobs = new HashMap<>();
        for (Row r : rows) {
            if (r.stage() != 0) {
                entries.add(new SourceEntry(r.path(), SourceEntry.Type.CONFLICT, 0, () -> new byte[0]));
            } else if ((r.mode() & 0170000) == 0120000) {
                entries.add(new SourceEntry(r.path(), SourceEntry.Type.SYMLINK, 0, () -> new byte[0]));
            } else if (!isFile(r.mode())) {
                entries.add(new SourceEntry(r.path(), SourceEntry.Type.OTHER, 0, () -> new byte[0]));
            } else {
                String oid = r.oid();
                entries.add(new SourceEntry(r.path(), SourceEntry.Type.FILE, sizes.get(oid), () -> source.bytes(oid),
                        Optional.of(SourceEntry.Stamp.ofContent(stamp(oid)))));
                blobs.put(r.path(), oid);
            }
        }
        entries.sort(Comparator.comparing(SourceEntry::path));
        return new GitIndex(source, entries, blobs);
    }

    /** A regular file, executable or not, as JGit's FileMode tells them from the rest. */
    private static boolean isFile(int mode) {
        return (mode & 0170000) == 0100000;
    }

    /** The stamp key of a blob: its object id, which git derives from its bytes. */
    static String stamp(String oid) {
        return "blob " + oid;
    }

    /** The sizes of blobs, from one {@code git cat-file --batch-check}; a missing one fails. */
    private static Map<String, Long> sizes(GitProgram git, Path dir, Set<String> oids) throws IOException {
        byte[] answer = git.run(dir, lines(oids), "cat-file", "--batch-check");
        Map<String, Long> out = new HashMap<>();
        for (String line : new String(answer, StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length != 3 || !parts[1].equals("blob")) {
                throw new IOException("git cat-file --batch-check: " + line);
            }
            out.put(parts[0], Long.parseLong(parts[2]));
        }
        if (!out.keySet().containsAll(oids)) {
            throw new IOException("git cat-file --batch-check left out some objects");
        }
        return out;
    }

    private static byte[] lines(Iterable<String> oids) {
        StringBuilder in = new StringBuilder();
        oids.forEach(o -> in.append(o).append('\n'));
        return in.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String label() {
        return "index";
    }

    @Override
    public List<SourceEntry> entries() {
        return entries;
    }

    /** The bytes of many blobs: those this process cannot read itself from one {@code git cat-file --batch}. */
    @Override
    public List<byte[]> read(List<SourceEntry> wanted) {
        List<String> oids = new ArrayList<>();
        for (SourceEntry e : wanted) {
            String oid = blobs.get(e.path());
            if (oid == null) {
                return Source.super.read(wanted);
            }
            oids.add(oid);
        }
        try {
            byte[][] out = new byte[oids.size()][];
            List<String> fromGit = new ArrayList<>();
            for (int i = 0; i < out.length; i++) {
                out[i] = source.near(oids.get(i)).orElse(null);
                if (out[i] == null) {
                    fromGit.add(oids.get(i));
                }
            }
            java.util.Iterator<byte[]> batch = source.batch(fromGit).iterator();
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) {
                    out[i] = batch.next();
                }
            }
            return List.of(out);
        } catch (IOException e) {
            throw new EnvironmentException("cannot read the git index: " + e.getMessage(), e);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("git cat-file --batch ended early");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
