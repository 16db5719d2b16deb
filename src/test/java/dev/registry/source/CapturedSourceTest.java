package dev.registry.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.EnvironmentException;
import dev.registry.Phases;
import dev.registry.cache.FileCache;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Capturing a source with the cache: entries known by their stamps are not read. */
class CapturedSourceTest {

    static final String CARD = "models/m/1.0.0.yaml";

    @TempDir
    Path dir;

    /** A source whose files carry stamps and count their reads; a file's content may fail to read. */
    private static final class Stamped implements Source {
        final Map<String, String> text = new TreeMap<>();
        final Map<String, SourceEntry.Stamp> stamps = new TreeMap<>();
        final AtomicInteger reads = new AtomicInteger();
        final List<String> unreadable = new ArrayList<>();

        Stamped put(String path, String content, SourceEntry.Stamp stamp) {
            text.put(path, content);
            stamps.put(path, stamp);
            return this;
        }

        @Override
        public String label() {
            return "stamped";
        }

        @Override
        public List<SourceEntry> entries() {
            List<SourceEntry> out = new ArrayList<>();
            text.forEach((path, content) -> {
                byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
                out.add(new SourceEntry(path, SourceEntry.Type.FILE, bytes.length, () -> {
                    reads.incrementAndGet();
                    if (unreadable.contains(path)) {
                        throw new IOException("unreadable");
                    }
                    return bytes;
                }, Optional.ofNullable(stamps.get(path))));
            });
            return out;
        }
    }

    private FileCache cache() {
        return FileCache.open(dir.resolve("cache"), "test salt");
    }

    private static Stamped registry(SourceEntry.Stamp cardStamp) {
        return new Stamped().put("registry.yaml", Registries.REGISTRY, SourceEntry.Stamp.ofContent("blob r"))
                .put("owners.yaml", Registries.OWNERS, SourceEntry.Stamp.ofContent("blob o"))
                .put(CARD, Registries.model("m", "1.0.0"), cardStamp);
    }

    @Test
    void theFingerprintIsTheDigestOfOneLinePerEntryHoweverManyEntries() throws Exception {
        // Enough entries that the lines are hashed in several parts; names that are not ASCII.
        Stamped many = new Stamped();
        for (int i = 0; i < 400; i++) {
            many.put("models/modèle-" + i + "/1.0.0.yaml", Registries.model("m" + i, "1.0.0"), SourceEntry.Stamp.ofContent("blob " + i));
        }
        many.put("models/README.md", "notes", SourceEntry.Stamp.ofContent("blob readme"));
        CapturedSource captured = CapturedSource.of(many, new Phases(), FileCache.disabled());
        java.security.MessageDigest expected = java.security.MessageDigest.getInstance("SHA-256");
        for (SourceEntry e : many.entries()) {
            String sha = captured.sha256(e.path()).orElse("");
            expected.update((e.path() + "\u0000" + e.type() + "\u0000" + e.size() + "\u0000" + sha + "\u0000")
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(java.util.HexFormat.of().formatHex(expected.digest()), captured.fingerprint());
    }

    @Test
    void aFileKnownByItsStampIsNotReadUnlessAskedFor() {
        Stamped first = registry(SourceEntry.Stamp.ofContent("blob m"));
        FileCache c1 = cache();
        CapturedSource one = CapturedSource.of(first, new Phases(), c1);
        assertEquals(3, first.reads.get());
        assertEquals(Optional.empty(), c1.save());

        Stamped second = registry(SourceEntry.Stamp.ofContent("blob m"));
        second.unreadable.addAll(second.text.keySet()); // reading anything now would fail
        CapturedSource two = CapturedSource.of(second, new Phases(), cache());
        assertEquals(0, second.reads.get());
        assertEquals(one.fingerprint(), two.fingerprint());
        assertEquals(one.sha256(CARD), two.sha256(CARD));

        // Asked for, the bytes are read, and checked against the digest the stamp stood for.
        Stamped third = registry(SourceEntry.Stamp.ofContent("blob m"));
        CapturedSource three = CapturedSource.of(third, new Phases(), cache());
        assertEquals(Optional.of(Registries.model("m", "1.0.0")), three.text(CARD));
        assertEquals(1, third.reads.get());
    }

    @Test
    void bytesThatNoLongerMatchTheirStampAreAnEnvironmentErrorNotAWrongAnswer() {
        FileCache c1 = cache();
        CapturedSource.of(registry(SourceEntry.Stamp.ofContent("blob m")), new Phases(), c1);
        c1.save();
        Stamped lying = registry(SourceEntry.Stamp.ofContent("blob m"));
        String same = Registries.model("m", "1.0.0");
        lying.text.put(CARD, same.replace("provider: internal", "provider: external")); // same size, other bytes
        CapturedSource captured = CapturedSource.of(lying, new Phases(), cache());
        assertEquals(0, lying.reads.get());
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> captured.text(CARD));
        assertEquals("cannot read " + CARD + ": it changed during the run; run again", e.getMessage());
    }

    @Test
    void aStampWhoseFileChangedTooRecentlyIsNotRemembered() {
        long now = System.currentTimeMillis();
        FileCache c1 = cache();
        Stamped racy = registry(new SourceEntry.Stamp("stat racy", now));
        racy.put("models/m/2.0.0.yaml", Registries.model("m", "2.0.0"), new SourceEntry.Stamp("stat settled", now - 60_000));
        CapturedSource.of(racy, new Phases(), c1);
        c1.save();
        FileCache c2 = cache();
        assertEquals(Optional.empty(), c2.known("stat racy"));
        assertTrue(c2.known("stat settled").isPresent());
        assertEquals(Registries.model("m", "2.0.0").length(), c2.known("stat settled").orElseThrow().size());

        Stamped again = registry(new SourceEntry.Stamp("stat racy", now));
        again.put("models/m/2.0.0.yaml", Registries.model("m", "2.0.0"), new SourceEntry.Stamp("stat settled", now - 60_000));
        CapturedSource.of(again, new Phases(), c2);
        assertEquals(1, again.reads.get(), "only the racy card is read again");
    }

    @Test
    void aRememberedSizeThatDisagreesWithTheEntryMeansReadingIt() {
        FileCache c1 = cache();
        CapturedSource.of(registry(SourceEntry.Stamp.ofContent("blob m")), new Phases(), c1);
        c1.save();
        Stamped grown = registry(SourceEntry.Stamp.ofContent("blob m"));
        grown.text.put(CARD, Registries.model("m", "1.0.0") + "description: longer\n");
        CapturedSource captured = CapturedSource.of(grown, new Phases(), cache());
        assertEquals(1, grown.reads.get());
        assertNotEquals(Optional.empty(), captured.sha256(CARD));
        assertEquals(Optional.of(FileCache.sha256(grown.text.get(CARD).getBytes(StandardCharsets.UTF_8))), captured.sha256(CARD));
    }
}
