package dev.registry.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The git index file and loose objects read in this process, for the common case: a pre-commit
 * run then starts no git process at all (each costs tens of milliseconds, and `validate --staged`
 * needs two or three). It reads what {@code git ls-files --stage} would list, in index versions 2
 * to 4, and nothing it is unsure of: whenever the repository is laid out otherwise (a work tree
 * or object directory given by the environment or the configuration, config includes, repository
 * extensions such as SHA-256 object ids, a split or sparse index, intent-to-add entries, a
 * required index extension it does not know, entries that do not add up) {@link #find} is
 * empty and the git program is asked, as before. Blobs that are not loose (packed) are left to
 * the git program too.
 */
final class IndexFile {

    /** Variables that move the repository, its work tree or its objects: git, not this, reads them. */
    private static final Set<String> MOVING = Set.of("GIT_DIR", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY",
            "GIT_COMMON_DIR", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_NAMESPACE",
            "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT");
    /** Loose objects are read here up to this size, compressed and inflated; git reads larger ones. */
    private static final int MAX_OBJECT = 16 << 20;

    private final List<GitIndex.Row> rows;
    private final Path objects;

    private IndexFile(List<GitIndex.Row> rows, Path objects) {
        this.rows = List.copyOf(rows);
        this.objects = objects;
    }

    /** Every entry under the registry, with paths relative to it, as {@code git ls-files --stage} run there lists them. */
    List<GitIndex.Row> rows() {
        return rows;
    }

    /**
     * The index of the repository holding {@code registryRoot}, read directly, when it is of the
     * plain kind described above; {@code env} is the git program's, path variables made absolute.
     */
    static Optional<IndexFile> find(Path registryRoot, Map<String, String> env) {
        if (MOVING.stream().anyMatch(env::containsKey)) {
            return Optional.empty();
        }
        try {
            Path start = registryRoot.toRealPath();
            Path top = start;
            while (!Files.exists(top.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                top = top.getParent();
                if (top == null) {
                    return Optional.empty();
                }
            }
            if (belowACeiling(start, top, env.getOrDefault("GIT_CEILING_DIRECTORIES", ""))) {
                return Optional.empty();
            }
            Path dotGit = top.resolve(".git");
            Path gitDir = dotGit;
            if (Files.isRegularFile(dotGit, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                String link = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
                if (!link.startsWith("gitdir: ") || link.contains("\n")) {
                    return Optional.empty();
                }
                gitDir = top.resolve(link.substring("gitdir: ".length())).normalize();
            } else if (!Files.isDirectory(dotGit, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            Path common = gitDir;
            Path commonFile = gitDir.resolve("commondir");
            if (Files.exists(commonFile)) {
                common = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).strip()).normalize();
            }
            if (!plainConfig(common.resolve("config")) || Files.exists(gitDir.resolve("config.worktree"))) {
                return Optional.empty();
            }
            String indexVariable = env.get("GIT_INDEX_FILE");
            Path index = indexVariable == null || indexVariable.isEmpty() ? gitDir.resolve("index") : Path.of(indexVariable);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(index);
            } catch (NoSuchFileException e) {
                return Optional.empty(); // nothing added yet: git says what that means
            }
            String prefix = top.equals(start) ? "" : top.relativize(start).toString().replace('\\', '/') + "/";
            if (!prefix.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                // A folder name as Java decodes it (in the platform's encoding, '?' for what it
                // cannot) may not be the UTF-8 the index holds: git compares the bytes.
                return Optional.empty();
            }
            Path objects = common.resolve("objects");
            return parse(bytes, prefix).map(rows -> new IndexFile(rows, objects));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether git would stop looking for the repository before reaching {@code top}. */
    private static boolean belowACeiling(Path start, Path top, String ceilings) {
        for (String c : ceilings.split(":")) {
            if (c.isEmpty()) {
                continue;
            }
            Path ceiling = Path.of(c).toAbsolutePath().normalize();
            if (start.startsWith(ceiling) && !top.startsWith(ceiling) || top.equals(ceiling) && !start.equals(top)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the repository's configuration leaves the layout alone: no core.worktree, no
     * includes (which could hold anything), no extensions (SHA-256 object ids, per-worktree config).
     * A plain text test: a false alarm only costs the speed of this reader.
     */
    private static boolean plainConfig(Path config) throws IOException {
        if (!Files.exists(config)) {
            return true;
        }
        String text = Files.readString(config, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return !text.contains("worktree") && !text.contains("[include") && !text.contains("[extensions")
                && !text.contains("splitindex") && !text.contains("sparse");
    }

    /** The rows of an index file under {@code prefix}; empty when it is of a kind this reader leaves to git. */
    static Optional<List<GitIndex.Row>> parse(byte[] b, String prefix) throws IOException {
        if (b.length < 12 + 20 || b[0] != 'D' || b[1] != 'I' || b[2] != 'R' || b[3] != 'C') {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(b);
        int version = in.getInt(4);
        long count = in.getInt(8) & 0xffffffffL;
        if (version < 2 || version > 4 || count > b.length) {
            return Optional.empty();
        }
        // The trailing checksum is not verified: git itself does not on a read (only fsck does),
        // and git replaces the file whole, never writes into it. A damaged file is still caught
        // below when its entries or extensions do not add up to its length.
        int end = b.length - 20;
        int at = 12;
        byte[] previous = new byte[0];
        List<GitIndex.Row> rows = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            if (at + 62 > end) {
                return Optional.empty();
            }
            int mode = in.getInt(at + 24);
            String oid = HexFormat.of().formatHex(b, at + 40, at + 60);
            int flags = in.getShort(at + 60) & 0xffff;
            int nameAt = at + 62;
            if ((flags & 0x4000) != 0) {
                if (version < 3 || nameAt + 2 > end) {
                    return Optional.empty();
                }
                int extended = in.getShort(nameAt) & 0xffff;
                if ((extended & 0x2000) != 0) {
                    return Optional.empty(); // intent-to-add: git lists it as it sees fit
                }
                nameAt += 2;
            }
            byte[] name;
            if (version == 4) {
                long[] strip = varint(b, nameAt, end);
                int nul = nul(b, (int) strip[1], end);
                if (nul < 0 || strip[0] > previous.length) {
                    return Optional.empty();
                }
                int kept = previous.length - (int) strip[0];
                name = new byte[kept + nul - (int) strip[1]];
                System.arraycopy(previous, 0, name, 0, kept);
                System.arraycopy(b, (int) strip[1], name, kept, nul - (int) strip[1]);
                at = nul + 1;
            } else {
                int nul = nul(b, nameAt, end);
                if (nul < 0) {
                    return Optional.empty();
                }
                name = Arrays.copyOfRange(b, nameAt, nul);
                at = at + ((nameAt - at + name.length + 8) & ~7);
            }
            previous = name;
            if ((mode & 0170000) == 0040000) {
                return Optional.empty(); // a sparse index's folder entry
            }
            String path = new String(name, StandardCharsets.UTF_8);
            if (path.startsWith(prefix)) {
                rows.add(new GitIndex.Row(mode, oid, (flags >> 12) & 3, path.substring(prefix.length())));
            }
        }
        while (at + 8 <= end) {
            int size = in.getInt(at + 4);
            if (b[at] < 'A' || b[at] > 'Z') {
                return Optional.empty(); // a required extension (link: split index, sdir: sparse index)
            }
            if (size < 0 || at + 8L + size > end) {
                return Optional.empty();
            }
            at += 8 + size;
        }
        return at == end ? Optional.of(rows) : Optional.empty();
    }

    /** Git's offset varint (index v4): {value, position after it}. */
    private static long[] varint(byte[] b, int at, int end) throws IOException {
        if (at >= end) {
            throw new IOException("truncated index");
        }
        int c = b[at++] & 0xff;
        long value = c & 0x7f;
        while ((c & 0x80) != 0) {
            if (at >= end || value > Integer.MAX_VALUE) {
                throw new IOException("malformed index");
            }
            c = b[at++] & 0xff;
            value = ((value + 1) << 7) | (c & 0x7f);
        }
        return new long[] {value, at};
    }

    private static int nul(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] sha1(byte[] b, int length) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-1");
            d.update(b, 0, length);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The bytes of a loose blob, checked against its id; empty when it is not loose (packed, or
     * in an alternate object store), for the git program to read.
     */
    Optional<byte[]> blob(String oid) throws IOException {
        Path file = objects.resolve(oid.substring(0, 2)).resolve(oid.substring(2));
        byte[] compressed;
        try {
            if (Files.size(file) > MAX_OBJECT) {
                return Optional.empty(); // git reads what is this large
            }
            compressed = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater();
        ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3);
        try {
            inflater.setInput(compressed);
            byte[] chunk = new byte[1 << 14];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("loose object " + oid + " is truncated");
                }
                out.write(chunk, 0, n);
                if (out.size() > MAX_OBJECT) {
                    return Optional.empty(); // git reads what is this large
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("loose object " + oid + " is damaged", e);
        } finally {
            inflater.end();
        }
        byte[] raw = out.toByteArray();
        if (!HexFormat.of().formatHex(sha1(raw, raw.length)).equals(oid)) {
            throw new IOException("loose object " + oid + " does not hold what its id says");
        }
        int nul = nul(raw, 0, Math.min(raw.length, 32));
        String header = nul < 0 ? "" : new String(raw, 0, nul, StandardCharsets.US_ASCII);
        if (!header.startsWith("blob ") || !header.substring(5).equals(Integer.toString(raw.length - nul - 1))) {
            throw new IOException("object " + oid + " is no blob");
        }
        return Optional.of(Arrays.copyOfRange(raw, nul + 1, raw.length));
    }
}
