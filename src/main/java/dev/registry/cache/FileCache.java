package dev.registry.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.Lazy;
import dev.registry.card.CardKind;
import dev.registry.finding.Finding;
import dev.registry.finding.Severity;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * What validation learnt about each file's content, kept between runs so that an unchanged file
 * is never parsed and schema-checked twice: its parsed tree (the cross-file checks, which always
 * run over the whole registry, need it) and its schema findings, or the finding that says why it
 * could not be read.
 *
 * <p>Entries are keyed by the SHA-256 of the file's bytes and the kind its path gives it, never
 * by path or modification time, so that no file is ever judged by another file's results. The
 * whole cache is tied to a {@link #salt salt} (cache format, tool version and build, bundled
 * schemas and policy): a cache written by another build is ignored as a whole.
 *
 * <p>It also keeps the findings of a few whole runs, keyed by a digest of everything they depend
 * on (see {@link #runKey}): when no file changed since such a run, nothing is parsed or checked.
 * And it keeps what stamps stand for ({@link #known}): the SHA-256 and size of the bytes read
 * under a git object id or a file's identity and timestamps, so that a file whose stamp is
 * unchanged need not be read to know its key; and, for a whole run, which run the stamps of all
 * its files stand for ({@link #alias}), so that a run over unchanged files needs neither.
 *
 * <p>The cache is one file, replaced whole (a temp file renamed over it), so that concurrent runs
 * never see half a cache: the last writer wins, and every writer writes a complete one. Its head
 * (the whole runs and their aliases) is read when it is opened; the rest (stamps and files'
 * entries, megabytes for a large registry) only when a run needs it, from the file as it is then:
 * every part stands on its own, so parts of two complete caches of the same build are as sound
 * as one. Every entry carries a CRC-32C; a truncated, damaged or foreign file, or entry, is
 * ignored, never trusted. Problems with the cache never fail a command: it only gets slower.
 * Thread-safe: files are parsed and checked in parallel.
 */
public final class FileCache {

    /** Raised with every change to what an entry holds or how it is written. */
    static final int FORMAT = 4;
    private static final byte[] MAGIC = "registry file cache\n".getBytes(StandardCharsets.US_ASCII);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path file;
    private final String salt;
    private final boolean enabled;
    /**
     * The stamps table and the files' entries of the cache file, read on first use (a run
     * answered by a whole-run entry never needs them); the bytes are checked when an entry is
     * used.
     */
    private final Lazy<Rest> rest;
    /** Entries this run read (decoded) or made (encoded): what the next cache file keeps first. */
    private final Map<Key, JsonNode> read = new ConcurrentHashMap<>();
    private final Map<Key, byte[]> made = new ConcurrentHashMap<>();
    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();
    /** Whole runs as the cache file had them, newest first, and the one this run made. */
    private final Map<String, Slice> storedRuns;
    private volatile Map.Entry<String, byte[]> madeRun;
    /** Aliases of whole runs as the cache file had them, newest first, and the one this run made. */
    private final Map<String, Slice> storedAliases;
    private volatile Map.Entry<String, byte[]> madeAlias;
    /** The stamps table as the cache file had it (indexed on first use), and the rows this run used or learnt. */
    private final Lazy<Map<String, Known>> stamps;
    private final Map<String, Known> usedStamps = new ConcurrentHashMap<>();
    private volatile boolean stampsLearnt;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final String ignored;

    /** Which content, read as which kind of file. */
    public record Key(String sha256, CardKind kind) {
    }

    /** What reading a file gave: its tree, or the finding (with an empty path) that refused it. */
    public sealed interface Parse permits Tree, Refused {
    }

    public record Tree(JsonNode root) implements Parse {
    }

    public record Refused(Finding finding) implements Parse {
    }

    private record Slice(byte[] bytes, int offset, int length) {
    }

    /**
     * The part of the cache file read only when needed: its stamps table (null when none), and
     * its files' entries, indexed only when one is looked up (a pre-commit run over cards seen
     * before needs the stamps alone; for 10,000 cards the index is a sixth of that run).
     */
    private static final class Rest {
        static final Rest NONE = new Rest(null, "");

        final Slice stamps;
        private final Lazy<Indexed> files;

        /** The files' entries and why they end early or were not read ("" when they do not). */
        private record Indexed(Map<Key, Slice> entries, String damage) {
        }

        /** No entries, for the reason given ("" for none: a new cache). */
        Rest(Slice stamps, String why) {
            this.stamps = stamps;
            this.files = Lazy.known(new Indexed(Map.of(), why));
        }

        /** The entries from {@code filesAt} to the end of {@code bytes}, indexed on first use. */
        Rest(Slice stamps, byte[] bytes, int filesAt) {
            this.stamps = stamps;
            this.files = Lazy.of(() -> {
                Map<Key, Slice> entries = new LinkedHashMap<>();
                String damage = entries(bytes, filesAt, entries);
                return new Indexed(entries, damage);
            });
        }

        Map<Key, Slice> files() {
            return files.get().entries();
        }

        String damage() {
            return files.get().damage();
        }
    }

    /**
     * What the head of a cache file said: why it is ignored ("" when it is not), where the rest
     * starts (-1 when ignored), or that the bytes given end before the head does.
     */
    private record Head(String ignored, int restAt, boolean needMore) {
        static Head ignore(String why) {
            return new Head(why, -1, false);
        }
    }

    /** What a stamp stands for: the SHA-256 (hex) of the bytes read under it, and their size. */
    public record Known(String sha256, long size) {
    }

    private static final class Pending {
        volatile JsonNode tree;
        volatile List<Finding> schema;
    }

    /** The kind byte of a whole run's entry; file entries hold a {@link CardKind} ordinal. */
    private static final int RUN = 0x7f;
    /** The kind byte of the one stamps table, which follows the runs and aliases. */
    private static final int STAMPS = 0x7e;
    /** The kind byte of an alias: the key of a whole run, under the key of its files' stamps. */
    private static final int ALIAS = 0x7d;
    /** Aliases kept: a few branches' worth, each seen with its files touched once or twice. */
    private static final int ALIASES_KEPT = 12;
    /** The bytes read when the cache is opened, enough for the head of most caches. */
    static final int HEAD_BYTES = 1 << 16;
    /** Stamps kept beyond the ones a run used: a branch switch's worth. */
    private static final int STAMPS_KEPT = 4096;
    /** A stamp key longer than this (a path of thousands of characters) is not remembered. */
    private static final int MAX_STAMP_KEY = 8192;
    /** A cache file beyond this is ignored, not read: 10,000 cards make about 30 MB. */
    static final long MAX_BYTES = 512L << 20;
    /** Whole runs kept: a few branches' worth. */
    private static final int RUNS_KEPT = 4;

    /** What a whole run found: how many files it checked, and every finding. */
    public record Run(int files, List<Finding> findings) {
        public Run {
            findings = List.copyOf(findings);
        }
    }

    private FileCache(Path file, String salt, boolean enabled, java.util.function.Supplier<Rest> restOfFile,
                      Map<String, Slice> storedRuns, Map<String, Slice> storedAliases, String ignored) {
        this.file = file;
        this.salt = salt;
        this.enabled = enabled;
        this.rest = Lazy.of(restOfFile);
        this.stamps = Lazy.of(() -> readStamps(verified(rest.get().stamps)));
        this.storedRuns = storedRuns;
        this.storedAliases = storedAliases;
        this.ignored = ignored;
    }

    private Map<Key, Slice> stored() {
        return rest.get().files();
    }

    /** A cache that remembers nothing: {@code --no-cache}, or no usable folder. */
    public static FileCache disabled() {
        return new FileCache(null, "", false, () -> Rest.NONE, Map.of(), Map.of(), "");
    }

    /**
     * The cache kept in {@code file}, with what it holds if it was written with the same salt.
     * Never fails: an unreadable or foreign file is an empty cache (and is replaced on save).
     * Reads only the head of the file; the rest is read when first needed.
     */
    public static FileCache open(Path file, String salt) {
        Map<String, Slice> runs = new LinkedHashMap<>();
        Map<String, Slice> aliases = new LinkedHashMap<>();
        Head head = Head.ignore("");
        byte[] whole = null;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            byte[] bytes = read(in, (int) Math.min(size, HEAD_BYTES));
            head = head(bytes, size, salt, runs, aliases);
            if (head.needMore()) { // runs with many findings: read it all
                runs.clear();
                aliases.clear();
                bytes = read(in, (int) size);
                head = head(bytes, bytes.length, salt, runs, aliases);
            }
            whole = bytes.length == size ? bytes : null;
        } catch (NoSuchFileException e) {
            // the first run
        } catch (IOException | RuntimeException e) {
            runs.clear();
            aliases.clear();
            head = Head.ignore("unreadable: " + e.getMessage());
        }
        if (head.restAt() < 0) {
            return new FileCache(file, salt, true, () -> Rest.NONE, runs, aliases, head.ignored());
        }
        byte[] read = whole;
        int restAt = head.restAt();
        return new FileCache(file, salt, true, () -> read != null ? rest(read, restAt) : rest(file, salt), runs, aliases, "");
    }

    /** The first {@code length} bytes of a file, or fewer if it has shrunk meanwhile. */
    private static byte[] read(FileChannel in, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && in.read(buffer, buffer.position()) > 0) {
            // until full or at the end
        }
        return buffer.position() == length ? buffer.array() : java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    /**
     * The rest of the cache file as it is now: another run may have replaced it since its head
     * was read, which is as good, provided it was written by this build too.
     */
    private static Rest rest(Path file, String salt) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new Rest(null, "larger than " + MAX_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            Head head = head(bytes, bytes.length, salt, new LinkedHashMap<>(), new LinkedHashMap<>());
            return head.restAt() < 0 ? new Rest(null, head.ignored()) : rest(bytes, head.restAt());
        } catch (IOException | RuntimeException e) {
            return new Rest(null, "unreadable: " + e.getMessage());
        }
    }

    /** Finds the stamps table and, after it, the files' entries, from {@code at} on. */
    private static Rest rest(byte[] bytes, int at) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        Slice stamps = null;
        if (bytes.length - at >= 37 + 4 && (bytes[at + 32] & 0xff) == STAMPS) {
            int length = b.getInt(at + 33);
            if (length < 0 || length > bytes.length - at - 37 - 4) {
                return new Rest(null, "damaged or truncated at byte " + at);
            }
            stamps = new Slice(bytes, at, 37 + length + 4);
            at += 37 + length + 4;
        }
        return new Rest(stamps, bytes, at);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The SHA-256 of a file's bytes, in hex: the key of its entry. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    /** A new SHA-256 digest, for digests of many parts. */
    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The key of a whole run: a digest of everything its findings depend on, given as parts
     * (what was run, on which day, the fingerprint of every file's path, type, size and content),
     * and of this build.
     */
    public String runKey(String... parts) {
        MessageDigest d = sha256Digest();
        d.update(salt.getBytes(StandardCharsets.UTF_8));
        for (String p : parts) {
            d.update((byte) 0);
            d.update(p.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** What a run with this key found, when one was remembered (and its entry is sound). */
    public Optional<Run> run(String key) {
        if (!enabled) {
            return Optional.empty();
        }
        byte[] payload = verified(storedRuns.get(key));
        if (payload == null) {
            return Optional.empty();
        }
        try {
            JsonNode e = TreeCodec.read(payload);
            List<Finding> findings = new ArrayList<>();
            for (JsonNode f : e.path("findings")) {
                findings.add(finding(f, f.path("path").asText()));
            }
            if (!e.path("files").canConvertToInt() || findings.stream().anyMatch(f -> f.path().isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new Run(e.path("files").intValue(), findings));
        } catch (IOException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The key of the whole run that an alias stands for, when one was remembered under this key
     * (and its entry is sound). An alias key is a {@link #runKey} made of the stamps of a run's
     * files where the run's own key has their digests: trusted only when each stamp is.
     */
    public Optional<String> alias(String key) {
        if (!enabled) {
            return Optional.empty();
        }
        byte[] payload = verified(storedAliases.get(key));
        return payload == null || payload.length != 32 ? Optional.empty() : Optional.of(HexFormat.of().formatHex(payload));
    }

    /** Remembers that the run {@code runKey} is the one the alias key stands for; saved with the next {@link #save}. */
    public void rememberAlias(String key, String runKey) {
        if (enabled && !alias(key).filter(runKey::equals).isPresent()) {
            madeAlias = Map.entry(key, HexFormat.of().parseHex(runKey));
        }
    }

    /** Remembers what a whole run found; saved with the next {@link #save}. */
    public void rememberRun(String key, Run run) {
        if (enabled) {
            ObjectNode e = NODES.objectNode();
            e.put("files", run.files());
            ArrayNode findings = e.putArray("findings");
            run.findings().forEach(f -> findings.add(json(f).put("path", f.path())));
            madeRun = Map.entry(key, encode(e));
        }
    }

    /**
     * What the bytes read under a stamp were, if a run remembered it: their SHA-256 and size. A
     * damaged table counts as empty.
     */
    public Optional<Known> known(String stamp) {
        if (!enabled) {
            return Optional.empty();
        }
        Known k = stamps.get().get(stamp);
        if (k != null) {
            usedStamps.put(stamp, k);
        }
        return Optional.ofNullable(k);
    }

    /** Remembers what the bytes read under a stamp were; saved with the next {@link #save}. */
    public void rememberStamp(String stamp, String sha256, long size) {
        if (enabled && stamp.length() <= MAX_STAMP_KEY && sha256.length() == 64) {
            Known k = new Known(sha256, size);
            if (!k.equals(usedStamps.put(stamp, k)) && !k.equals(stamps.get().get(stamp))) {
                stampsLearnt = true;
            }
        }
    }

    /** The stamps table's rows: count, then key (modified UTF-8), 32 bytes of SHA-256 and the size of each. */
    private static Map<String, Known> readStamps(byte[] payload) {
        Map<String, Known> out = new java.util.HashMap<>();
        if (payload == null) {
            return out;
        }
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            int count = in.readInt();
            byte[] sha = new byte[32];
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                in.readFully(sha);
                long size = in.readLong();
                if (size < 0) {
                    throw new IOException("negative size");
                }
                out.put(key, new Known(HexFormat.of().formatHex(sha), size));
            }
            return out;
        } catch (IOException | RuntimeException malformed) {
            return new java.util.HashMap<>(); // a checksum that matched by chance: still not trusted
        }
    }

    private static byte[] writeStamps(Map<String, Known> rows) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(rows.size() * 120 + 4);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(rows.size());
            for (Map.Entry<String, Known> r : rows.entrySet()) {
                out.writeUTF(r.getKey());
                out.write(HexFormat.of().parseHex(r.getValue().sha256()));
                out.writeLong(r.getValue().size());
            }
        }
        return bytes.toByteArray();
    }

    /** The remembered reading of this content, if any (a damaged entry counts as none). */
    public Optional<Parse> parse(String sha256, CardKind kind) {
        if (!enabled) {
            return Optional.empty();
        }
        Optional<JsonNode> entry = entry(new Key(sha256, kind));
        if (entry.isEmpty()) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        try {
            JsonNode e = entry.get();
            Parse p = e.has("refused") ? new Refused(finding(e.get("refused"), "")) : new Tree(tree(e.get("tree")));
            hits.incrementAndGet();
            return Optional.of(p);
        } catch (RuntimeException malformed) {
            misses.incrementAndGet();
            return Optional.empty();
        }
    }

    private static JsonNode tree(JsonNode t) {
        if (t == null || !t.isObject()) {
            throw new IllegalArgumentException("no tree");
        }
        return t;
    }

    /** The remembered schema findings of this content, placed in {@code path}. */
    public Optional<List<Finding>> schemaFindings(String sha256, CardKind kind, String path) {
        if (!enabled) {
            return Optional.empty();
        }
        try {
            return entry(new Key(sha256, kind)).filter(e -> e.path("schema").isArray()).map(e -> {
                List<Finding> out = new ArrayList<>();
                e.get("schema").forEach(f -> out.add(finding(f, path)));
                return out;
            });
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** Remembers a file that parsed; it is saved once its schema findings are remembered too. */
    public void rememberTree(String sha256, CardKind kind, JsonNode root) {
        if (enabled) {
            pending.computeIfAbsent(new Key(sha256, kind), k -> new Pending()).tree = root;
        }
    }

    public void rememberSchemaFindings(String sha256, CardKind kind, List<Finding> findings) {
        if (enabled) {
            pending.computeIfAbsent(new Key(sha256, kind), k -> new Pending()).schema = List.copyOf(findings);
        }
    }

    /** Remembers a file that could not be read at all, with the finding that says why. */
    public void rememberRefused(String sha256, CardKind kind, Finding finding) {
        if (enabled) {
            ObjectNode e = NODES.objectNode();
            e.set("refused", json(finding));
            made.put(new Key(sha256, kind), encode(e));
        }
    }

    /** How many lookups found an entry and how many did not, for {@code --verbose}. */
    public String stats() {
        if (!enabled) {
            return "cache: off";
        }
        String why = ignored.isEmpty() ? rest.ifKnown().map(Rest::damage).orElse("") : ignored;
        return "cache: " + hits.get() + " hits, " + misses.get() + " misses" + (why.isEmpty() ? "" : " (" + why + ")")
                + " in " + file;
    }

    /**
     * Writes the cache when this run learnt something: the entries it used or made, and as many
     * older entries again (the other side of a branch switch, say), so the file cannot grow
     * without bound. Returns the reason when it could not be written; the run goes on either way.
     */
    public Optional<String> save() {
        if (!enabled) {
            return Optional.empty();
        }
        Map<Key, byte[]> keep = new LinkedHashMap<>(made);
        pending.forEach((k, p) -> {
            if (p.tree != null && p.schema != null) {
                ObjectNode e = NODES.objectNode();
                e.set("tree", p.tree);
                ArrayNode schema = e.putArray("schema");
                p.schema.forEach(f -> schema.add(json(f)));
                keep.put(k, encode(e));
            }
        });
        Map.Entry<String, byte[]> run = madeRun;
        boolean newRun = run != null && !storedRuns.containsKey(run.getKey());
        Map.Entry<String, byte[]> alias = madeAlias;
        if (keep.isEmpty() && !newRun && alias == null && !stampsLearnt) {
            return Optional.empty(); // nothing new: the file as it is serves the next run as well (and is not read whole)
        }
        Map<Key, Slice> stored = stored();
        keep.keySet().removeIf(k -> sound(stored.get(k)));
        if (keep.isEmpty() && !newRun && alias == null && !stampsLearnt) {
            return Optional.empty();
        }
        // Entries carried over are written as they were read, checksum and all, without a copy.
        Map<Key, Slice> carried = new LinkedHashMap<>();
        for (Key k : read.keySet()) {
            Slice slice = stored.get(k);
            if (!keep.containsKey(k) && sound(slice)) {
                carried.put(k, slice);
            }
        }
        int older = Math.max(1024, keep.size() + carried.size());
        for (Map.Entry<Key, Slice> e : stored.entrySet()) {
            if (older == 0) {
                break;
            }
            if (!keep.containsKey(e.getKey()) && !carried.containsKey(e.getKey()) && sound(e.getValue())) {
                carried.put(e.getKey(), e.getValue());
                older--;
            }
        }
        Map<String, byte[]> runs = newestFirst(run, storedRuns, RUNS_KEPT);
        Map<String, byte[]> aliases = newestFirst(alias, storedAliases, ALIASES_KEPT);
        // The stamps this run used or learnt, and as many older ones again (at least STAMPS_KEPT).
        Map<String, Known> stampRows = new LinkedHashMap<>(usedStamps);
        int olderStamps = Math.max(STAMPS_KEPT, stampRows.size());
        for (Map.Entry<String, Known> e : stamps.get().entrySet()) {
            if (olderStamps-- <= 0) {
                break;
            }
            stampRows.putIfAbsent(e.getKey(), e.getValue());
        }
        try {
            write(keep, carried, runs, aliases, writeStamps(stampRows));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot write the cache " + file + ": " + e.getMessage());
        }
    }

    /** The entry this run made (if any), then the sound stored ones, up to {@code kept} in all. */
    private static Map<String, byte[]> newestFirst(Map.Entry<String, byte[]> made, Map<String, Slice> stored, int kept) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (made != null) {
            out.put(made.getKey(), made.getValue());
        }
        for (Map.Entry<String, Slice> e : stored.entrySet()) {
            byte[] payload = out.size() < kept ? verified(e.getValue()) : null;
            if (payload != null) {
                out.putIfAbsent(e.getKey(), payload);
            }
        }
        return out;
    }

    private Optional<JsonNode> entry(Key key) {
        JsonNode e = read.get(key);
        if (e != null) {
            return Optional.of(e);
        }
        Slice s = stored().get(key);
        try {
            if (s != null) {
                if (!sound(s)) {
                    return Optional.empty();
                }
                e = TreeCodec.read(s.bytes(), s.offset() + 37, ByteBuffer.wrap(s.bytes()).getInt(s.offset() + 33));
            } else {
                byte[] payload = made.get(key);
                if (payload == null) {
                    return Optional.empty();
                }
                e = TreeCodec.read(payload);
            }
        } catch (IOException | RuntimeException ex) {
            return Optional.empty(); // a checksum that matched by chance: still not trusted
        }
        if (s != null) {
            read.put(key, e);
        }
        return Optional.of(e);
    }

    /** Whether an entry as read is there and its checksum holds. */
    private static boolean sound(Slice s) {
        if (s == null) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(s.bytes());
        int length = b.getInt(s.offset() + 33);
        CRC32C c = new CRC32C();
        c.update(s.bytes(), s.offset(), 37 + length);
        return (int) c.getValue() == b.getInt(s.offset() + 37 + length);
    }

    /** The entry's payload if its checksum holds, else null. */
    private static byte[] verified(Slice s) {
        if (!sound(s)) {
            return null;
        }
        int length = ByteBuffer.wrap(s.bytes()).getInt(s.offset() + 33);
        byte[] payload = new byte[length];
        System.arraycopy(s.bytes(), s.offset() + 37, payload, 0, length);
        return payload;
    }

    /**
     * Checks a cache file's header and indexes its whole-run entries and their aliases, which come
     * first, into {@code runs} and {@code aliases}. {@code bytes} may be the first part of a file
     * of {@code total} bytes: the answer says so when the head goes on beyond them.
     */
    static Head head(byte[] bytes, long total, String salt, Map<String, Slice> runs, Map<String, Slice> aliases) {
        boolean partial = bytes.length < total;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < MAGIC.length + 8 || !ByteBuffer.wrap(bytes, 0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            return Head.ignore("not a cache file");
        }
        b.position(MAGIC.length);
        if (b.getInt() != FORMAT) {
            return Head.ignore("another cache format");
        }
        int saltLength = b.getInt();
        if (saltLength < 0 || saltLength > b.remaining()) {
            return partial ? new Head("", -1, true) : Head.ignore("damaged header");
        }
        byte[] theirs = new byte[saltLength];
        b.get(theirs);
        if (!new String(theirs, StandardCharsets.UTF_8).equals(salt)) {
            return Head.ignore("written by another build");
        }
        while (true) {
            if (b.remaining() < 37 + 4) {
                return partial ? new Head("", -1, true) : new Head("", b.position(), false);
            }
            int kind = bytes[b.position() + 32] & 0xff;
            if (kind != RUN && kind != ALIAS) {
                return new Head("", b.position(), false);
            }
            int start = b.position();
            int length = b.getInt(start + 33);
            if (length < 0 || length > b.remaining() - 37 - 4) {
                return partial ? new Head("", -1, true) : Head.ignore("damaged or truncated at byte " + start);
            }
            byte[] digest = new byte[32];
            b.get(digest);
            b.position(start + 37 + length + 4);
            (kind == RUN ? runs : aliases).put(HexFormat.of().formatHex(digest), new Slice(bytes, start, 37 + length + 4));
        }
    }

    /** Indexes the files' entries from {@code at} on; a truncated file keeps the entries before the cut. */
    static String entries(byte[] bytes, int at, Map<Key, Slice> out) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.position(at);
        CardKind[] kinds = CardKind.values();
        while (b.remaining() >= 37 + 4) {
            int start = b.position();
            byte[] digest = new byte[32];
            b.get(digest);
            int kind = b.get();
            int length = b.getInt();
            if (kind < 0 || kind >= kinds.length || length < 0 || length > b.remaining() - 4) {
                return "damaged or truncated at byte " + start;
            }
            b.position(b.position() + length + 4);
            out.put(new Key(HexFormat.of().formatHex(digest), kinds[kind]), new Slice(bytes, start, 37 + length + 4));
        }
        return b.remaining() == 0 ? "" : "truncated at byte " + b.position();
    }

    private void write(Map<Key, byte[]> entries, Map<Key, Slice> carried, Map<String, byte[]> runs, Map<String, byte[]> aliases,
                       byte[] stampTable)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.isSymbolicLink(file)) {
            throw new IOException("it is a symbolic link");
        }
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            // Streamed to the temp file: a copy of a 10,000-card cache in memory would be 30 MB more.
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.write(MAGIC);
                out.writeInt(FORMAT);
                byte[] s = salt.getBytes(StandardCharsets.UTF_8);
                out.writeInt(s.length);
                out.write(s);
                for (Map.Entry<String, byte[]> e : runs.entrySet()) {
                    entry(out, e.getKey(), RUN, e.getValue());
                }
                for (Map.Entry<String, byte[]> e : aliases.entrySet()) {
                    entry(out, e.getKey(), ALIAS, e.getValue());
                }
                entry(out, "0".repeat(64), STAMPS, stampTable);
                for (Map.Entry<Key, byte[]> e : entries.entrySet()) {
                    entry(out, e.getKey().sha256(), e.getKey().kind().ordinal(), e.getValue());
                }
                for (Slice slice : carried.values()) {
                    out.write(slice.bytes(), slice.offset(), slice.length());
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void entry(DataOutputStream out, String sha256, int kind, byte[] payload) throws IOException {
        byte[] head = ByteBuffer.allocate(37).put(HexFormat.of().parseHex(sha256)).put((byte) kind).putInt(payload.length).array();
        CRC32C crc = new CRC32C();
        crc.update(head);
        crc.update(payload);
        out.write(head);
        out.write(payload);
        out.writeInt((int) crc.getValue());
    }

    private static byte[] encode(JsonNode entry) {
        return TreeCodec.write(entry);
    }

    private static ObjectNode json(Finding f) {
        ObjectNode o = NODES.objectNode();
        o.put("rule", f.ruleId()).put("severity", f.severity().name()).put("line", f.line()).put("column", f.column())
                .put("pointer", f.pointer()).put("message", f.message()).put("hint", f.hint());
        ArrayNode related = o.putArray("related");
        f.related().forEach(related::add);
        return o;
    }

    private static Finding finding(JsonNode o, String path) {
        List<String> related = new ArrayList<>();
        o.path("related").forEach(r -> related.add(r.asText()));
        return new Finding(o.path("rule").asText(), Severity.valueOf(o.path("severity").asText()), path,
                o.path("line").asInt(), o.path("column").asInt(), o.path("pointer").asText(), o.path("message").asText(),
                o.path("hint").asText(), related);
    }
}
