package dev.registry.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.finding.Finding;
import dev.registry.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache file read in two parts, its head (whole runs and their aliases) when opened and the
 * rest when needed, and the aliases of whole runs: nothing is trusted that its checksum, its
 * build or its key does not vouch for.
 */
class FileCacheTest {

    static final String SALT = "test salt";
    static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("validate.cache");
    }

    private static Finding finding(int i) {
        return new Finding("rule-" + i, Severity.ERROR, "models/m/" + i + ".yaml", i, 1, "/x", "message " + "x".repeat(200), "",
                List.of());
    }

    @Test
    void anAliasLeadsToItsRunAndADamagedOneToNothing() throws IOException {
        FileCache first = FileCache.open(file(), SALT);
        String run = first.runKey("validate", "content");
        String alias = first.runKey("validate by stamps", "stamps");
        first.rememberRun(run, new FileCache.Run(3, List.of(finding(1))));
        first.rememberAlias(alias, run);
        assertEquals(Optional.empty(), first.save());

        FileCache second = FileCache.open(file(), SALT);
        assertEquals(Optional.of(run), second.alias(alias));
        assertEquals(Optional.empty(), second.alias(first.runKey("validate by stamps", "other stamps")));
        assertEquals(3, second.alias(alias).flatMap(second::run).orElseThrow().files());
        assertEquals(Optional.empty(), FileCache.open(file(), "another build").alias(alias), "another build's alias");

        // The alias entry is its key's 32 bytes, a kind byte, a length and the run's key: flip a bit of the latter.
        byte[] bytes = Files.readAllBytes(file());
        int at = indexOf(bytes, HexFormat.of().parseHex(alias));
        assertTrue(at > 0, "the alias is in the file");
        bytes[at + 37 + 5] ^= 0x01;
        Files.write(file(), bytes);
        FileCache damaged = FileCache.open(file(), SALT);
        assertEquals(Optional.empty(), damaged.alias(alias));
        assertTrue(damaged.run(run).isPresent(), "the run itself is sound");
    }

    @Test
    void stampsAnswerWhenTheFilesEntriesAreCutShortAndOnlyTheCutEntryIsLost() throws IOException {
        FileCache first = FileCache.open(file(), SALT);
        first.rememberStamp("blob 1234", SHA, 42);
        List<String> shas = List.of("a1".repeat(32), "b2".repeat(32));
        for (String sha : shas) {
            first.rememberTree(sha, dev.registry.card.CardKind.MODEL,
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("name", sha));
            first.rememberSchemaFindings(sha, dev.registry.card.CardKind.MODEL, List.of());
        }
        assertEquals(Optional.empty(), first.save());
        byte[] bytes = Files.readAllBytes(file());
        Files.write(file(), java.util.Arrays.copyOf(bytes, bytes.length - 10)); // into the last entry

        FileCache cut = FileCache.open(file(), SALT);
        assertEquals(Optional.of(new FileCache.Known(SHA, 42)), cut.known("blob 1234"));
        long found = shas.stream().filter(sha -> cut.parse(sha, dev.registry.card.CardKind.MODEL).isPresent()).count();
        assertEquals(1, found, "the entry before the cut is read, the one cut short is not");
        assertTrue(cut.stats().contains("truncated at byte"), cut.stats());
    }

    @Test
    void aHeadLongerThanTheFirstReadIsReadWholeAndTheRestFollowsIt() {
        FileCache first = FileCache.open(file(), SALT);
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 2 * FileCache.HEAD_BYTES / 200; i++) {
            many.add(finding(i));
        }
        String run = first.runKey("validate", "many findings");
        first.rememberRun(run, new FileCache.Run(many.size(), many));
        first.rememberStamp("stat models/m/1.yaml\u00001:2:3:4:5", SHA, 42);
        assertEquals(Optional.empty(), first.save());

        FileCache second = FileCache.open(file(), SALT);
        assertEquals(many, second.run(run).orElseThrow().findings());
        assertEquals(Optional.of(new FileCache.Known(SHA, 42)), second.known("stat models/m/1.yaml\u00001:2:3:4:5"));
    }

    @Test
    void theRestIsReadFromTheFileAsItIsWhenNeededAndOnlyFromThisBuild() throws IOException {
        String stamp = "stat models/m/1.yaml\u00001:2:3:4:5";
        // Large enough that opening it reads only its head.
        FileCache big = FileCache.open(file(), SALT);
        for (int i = 0; i < 3000; i++) {
            big.rememberRefused(String.format("%064x", i), dev.registry.card.CardKind.MODEL, finding(i));
        }
        assertEquals(Optional.empty(), big.save());
        assertTrue(Files.size(file()) > 2L * FileCache.HEAD_BYTES);

        FileCache opened = FileCache.open(file(), SALT);
        // Meanwhile another run of this build replaces the file: its stamps are as good.
        Path other = dir.resolve("other.cache");
        FileCache writer = FileCache.open(other, SALT);
        writer.rememberStamp(stamp, SHA, 42);
        assertEquals(Optional.empty(), writer.save());
        Files.move(other, file(), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Optional.of(new FileCache.Known(SHA, 42)), opened.known(stamp));

        // Another build's file, put in place after the head was read: its rest is not trusted.
        for (int i = 0; i < 3000; i++) {
            big.rememberRefused(String.format("%064x", i + 3000), dev.registry.card.CardKind.MODEL, finding(i));
        }
        big.rememberStamp(stamp, SHA, 42); // what the file would tell if it were left alone
        assertEquals(Optional.empty(), big.save());
        assertTrue(Files.size(file()) > 2L * FileCache.HEAD_BYTES);
        assertEquals(Optional.of(new FileCache.Known(SHA, 42)), FileCache.open(file(), SALT).known(stamp));
        FileCache foreign = FileCache.open(other, "another build");
        foreign.rememberStamp(stamp, SHA, 42);
        assertEquals(Optional.empty(), foreign.save());
        FileCache reopened = FileCache.open(file(), SALT);
        Files.move(other, file(), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Optional.empty(), reopened.known(stamp));
        assertTrue(reopened.stats().contains("written by another build"), reopened.stats());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
