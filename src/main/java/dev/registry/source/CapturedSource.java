package dev.registry.source;

import dev.registry.EnvironmentException;
import dev.registry.card.CardKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        List<Loaded> read = source.entries().parallelStream().map(CapturedSource::load).toList();
        MessageDigest digest = sha256();
        Map<String, String> digests = new HashMap<>();
        for (Loaded l : read) {
            SourceEntry e = l.entry();
            digest.update((e.path() + "\u0000" + e.type() + "\u0000" + e.size() + "\u0000" + l.sha256() + "\u0000")
                    .getBytes(StandardCharsets.UTF_8));
            if (!l.sha256().isEmpty()) {
                digests.put(e.path(), l.sha256());
            }
        }
        return new CapturedSource(source.label(), read.stream().map(Loaded::entry).toList(), digests,
                HexFormat.of().formatHex(digest.digest()));
    }

    private static Loaded load(SourceEntry e) {
        if (e.type() != SourceEntry.Type.FILE || !isReadable(e)) {
            return new Loaded(e, "");
        }
        try {
            byte[] bytes = e.content().read();
            return new Loaded(new SourceEntry(e.path(), e.type(), bytes.length, () -> bytes),
                    HexFormat.of().formatHex(sha256().digest(bytes)));
        } catch (IOException ex) {
            throw new EnvironmentException("cannot read " + e.path() + ": " + ex.getMessage(), ex);
        }
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
                        throw new IllegalStateException(ex);
                    }
                });
    }

    public boolean exists(String path) {
        return byPath.containsKey(path);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return label + " " + fingerprint + " " + Arrays.toString(entries.stream().map(SourceEntry::path).toArray());
    }
}
