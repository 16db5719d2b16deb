package dev.registry.source;

import dev.registry.EnvironmentException;
import dev.registry.Phases;
import dev.registry.cache.FileCache;
import dev.registry.card.CardKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A source read once into memory, with a fingerprint of everything a snapshot of it depends on.
 * Writers capture the registry, plan and validate against the capture, then compare fingerprints
 * under the write lock to learn whether another command changed the registry meanwhile.
 */
public final class CapturedSource implements Source {

    private final String label;
    private final List<SourceEntry> entries;
    private final Map<String, SourceEntry> byPath = new HashMap<>();
    private final Map<String, String> digests;
    private final String fingerprint;

    private CapturedSource(String label, List<SourceEntry> entries, Map<String, String> digests, String fingerprint) {
        this.label = label;
        this.entries = List.copyOf(entries);
        this.entries.forEach(e -> byPath.put(e.path(), e));
        this.digests = Map.copyOf(digests);
        this.fingerprint = fingerprint;
    }

    /** A file's bytes and their SHA-256, read once. */
    private record Loaded(SourceEntry entry, String sha256) {
    }

    /**
     * Reads every registry file of the source, in parallel. Files that are no card, and cards too
     * large to read, are kept by size only: that is all a snapshot learns of them.
     */
    public static CapturedSource of(Source source) {
        return of(source, new Phases(), FileCache.disabled());
    }

    /**
     * {@link #of(Source)}, except that a card whose {@link SourceEntry.Stamp stamp} the cache
     * knows is not read: its digest is the one remembered for the stamp, and its bytes are read
     * (and checked against that digest) only if something asks for them. The digests of cards
     * read are remembered under their stamps for the next run, when the stamp is
     * {@linkplain SourceEntry.Stamp#settledBefore settled}. Records the time spent listing and
     * reading in {@code phases}.
     */
    public static CapturedSource of(Source source, Phases phases, FileCache cache) {
        long readStart = System.currentTimeMillis();
        List<SourceEntry> entries = source.entries();
        phases.done("list");
        return of(source, entries, readStart, phases, cache);
    }

    /**
     * {@link #of(Source, Phases, FileCache)} with the source's entries listed already, at or after
     * {@code readStart} (epoch milliseconds).
     */
    public static CapturedSource of(Source source, List<SourceEntry> entries, long readStart, Phases phases, FileCache cache) {
        Loaded[] loaded = new Loaded[entries.size()];
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < loaded.length; i++) {
            SourceEntry e = entries.get(i);
            if (e.type() != SourceEntry.Type.FILE || !isReadable(e)) {
                loaded[i] = new Loaded(e, "");
                continue;
            }
            Optional<FileCache.Known> known = e.stamp().flatMap(s -> cache.known(s.key())).filter(k -> k.size() == e.size());
            if (known.isPresent()) {
                String sha = known.get().sha256();
                loaded[i] = new Loaded(new SourceEntry(e.path(), e.type(), e.size(), () -> checked(e, sha), e.stamp()), sha);
            } else {
                unknown.add(i);
            }
        }
        List<byte[]> contents = source.read(unknown.stream().map(entries::get).toList());
        java.util.stream.IntStream.range(0, unknown.size()).parallel().forEach(j -> {
            SourceEntry e = entries.get(unknown.get(j));
            byte[] bytes = contents.get(j);
            String sha = FileCache.sha256(bytes);
            if (bytes.length == e.size()) {
                e.stamp().filter(s -> s.settledBefore(readStart)).ifPresent(s -> cache.rememberStamp(s.key(), sha, bytes.length));
            }
            loaded[unknown.get(j)] = new Loaded(new SourceEntry(e.path(), e.type(), bytes.length, () -> bytes, e.stamp()), sha);
        });
        CapturedSource captured = of(source.label(), List.of(loaded));
        phases.done("read and hash");
        return captured;
    }

    /**
     * A fingerprint of listed entries that stands for the {@link #fingerprint} of their capture:
     * made of every entry's path, type and size and, for cards, their stamps in place of their
     * digests. Empty unless every card has a stamp {@linkplain SourceEntry.Stamp#settledBefore
     * settled} before {@code readStart}: only then does its stamp stand for the bytes it is read
     * as. Two listings with the same stamp fingerprint hold the same bytes.
     */
    public static Optional<String> stampFingerprint(List<SourceEntry> entries, long readStart) {
        MessageDigest digest = FileCache.sha256Digest();
        // Hashed a few kilobytes at a time: thousands of small updates cost more than the hashing.
        StringBuilder lines = new StringBuilder(1 << 15);
        for (SourceEntry e : entries) {
            lines.append(e.path()).append('\u0000').append(e.type().ordinal()).append('\u0000').append(e.size()).append('\u0000');
            if (e.type() == SourceEntry.Type.FILE && isReadable(e)) {
                Optional<SourceEntry.Stamp> stamp = e.stamp();
                if (stamp.isEmpty() || !stamp.get().settledBefore(readStart)) {
                    return Optional.empty();
                }
                String key = stamp.get().key();
                // A file's stamp repeats its path, which the line has already: hashed once.
                int skip = key.startsWith("stat ") && key.startsWith(e.path(), 5) && key.length() > 5 + e.path().length()
                        && key.charAt(5 + e.path().length()) == '\u0000' ? 6 + e.path().length() : 0;
                lines.append(key, skip, key.length());
            }
            lines.append('\u0000');
            if (lines.length() > 1 << 14) {
                digest.update(lines.toString().getBytes(StandardCharsets.UTF_8));
                lines.setLength(0);
            }
        }
        digest.update(lines.toString().getBytes(StandardCharsets.UTF_8));
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    /** The bytes of an entry known by its stamp, provided they still are the ones it stands for. */
    private static byte[] checked(SourceEntry e, String sha) throws IOException {
        byte[] bytes = e.content().read();
        if (!FileCache.sha256(bytes).equals(sha)) {
            throw new IOException("it changed during the run; run again");
        }
        return bytes;
    }

    private static CapturedSource of(String label, List<Loaded> read) {
        MessageDigest digest = FileCache.sha256Digest();
        Map<String, String> digests = new HashMap<>();
        for (Loaded l : read) {
            SourceEntry e = l.entry();
            digest.update((e.path() + "\u0000" + e.type() + "\u0000" + e.size() + "\u0000" + l.sha256() + "\u0000")
                    .getBytes(StandardCharsets.UTF_8));
            if (!l.sha256().isEmpty()) {
                digests.put(e.path(), l.sha256());
            }
        }
        return new CapturedSource(label, read.stream().map(Loaded::entry).toList(), digests,
                HexFormat.of().formatHex(digest.digest()));
    }

    private static boolean isReadable(SourceEntry e) {
        return CardKind.forPath(e.path()).isPresent() && e.size() <= StrictYamlReader.MAX_BYTES;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<SourceEntry> entries() {
        return entries;
    }

    /** The SHA-256 of a readable card's bytes, in hex; empty for anything else. */
    public Optional<String> sha256(String path) {
        return Optional.ofNullable(digests.get(path));
    }

    /** Changes whenever a path, a type, a size or the bytes of a card change. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The text of a card file as captured; empty when there is no such readable card. */
    public Optional<String> text(String path) {
        return Optional.ofNullable(byPath.get(path))
                .filter(e -> e.type() == SourceEntry.Type.FILE && isReadable(e))
                .map(e -> {
                    try {
                        return new String(e.content().read(), StandardCharsets.UTF_8);
                    } catch (IOException ex) {
                        throw new EnvironmentException("cannot read " + path + ": " + ex.getMessage(), ex);
                    }
                });
    }

    public boolean exists(String path) {
        return byPath.containsKey(path);
    }

    @Override
    public String toString() {
        return label + " " + fingerprint + " " + Arrays.toString(entries.stream().map(SourceEntry::path).toArray());
    }
}
