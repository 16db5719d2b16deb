package dev.registry.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's JSON codec gives back the trees ObjectMapper would, node types included. */
class TreeCodecTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void readsWhatObjectMapperReads() throws IOException {
        String json = """
                {"s": "text \\u00e9\\ud83d\\ude00 \\"quoted\\"\\n", "i": 42, "neg": -7, "l": 12345678901, "big": 123456789012345678901234567890,
                 "d": 1.1, "e": 1.0E-7, "z": 0.0, "t": true, "f": false, "n": null, "empty": {}, "list": [1, "two", [3.5, {"k": []}]]}
                """;
        JsonNode expected = MAPPER.readTree(json);
        JsonNode actual = TreeCodec.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, actual);
        for (String field : new String[] {"i", "l", "big", "d", "e"}) {
            assertEquals(expected.get(field).getClass(), actual.get(field).getClass(), field);
        }
        assertEquals(expected, TreeCodec.read(TreeCodec.write(actual)));
        assertEquals(new String(MAPPER.writeValueAsBytes(expected), StandardCharsets.UTF_8), new String(TreeCodec.write(actual), StandardCharsets.UTF_8));
    }

    @Test
    void everyCardOfTheSampleRegistryComesBackEqual() throws IOException {
        Snapshot s = new SnapshotReader().read(new WorkingTreeSource(Registries.copyOfSample(dir.resolve("sample"))));
        for (var f : s.files().values()) {
            JsonNode tree = f.document().root();
            byte[] bytes = TreeCodec.write(tree);
            assertEquals(tree, TreeCodec.read(bytes), f.path());
            assertEquals(tree, MAPPER.readTree(bytes), f.path());
        }
    }

    @Test
    void aDamagedEntryIsRefused() {
        for (String bad : new String[] {"", "{\"a\": 1", "{\"a\": 1} {}", "[1, 2", "{\"a\" 1}"}) {
            assertThrows(IOException.class, () -> TreeCodec.read(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }
}
