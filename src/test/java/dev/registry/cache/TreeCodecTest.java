package dev.registry.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's codec gives back the trees a JSON reading would, node types included, and refuses damage. */
class TreeCodecTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    @Test
    void givesBackWhatAJsonReadingGives() throws IOException {
        String json = """
                {"s": "text \\u00e9\\ud83d\\ude00 \\"quoted\\"\\n", "i": 42, "neg": -7, "min": -2147483648, "l": 12345678901,
                 "lmin": -9223372036854775808, "big": 123456789012345678901234567890, "nbig": -123456789012345678901234567890,
                 "d": 1.1, "e": 1.0E-7, "z": 0.0, "nz": -0.0, "t": true, "f": false, "n": null, "empty": {}, "none": [],
                 "list": [1, "two", [3.5, {"k": []}]], "": ""}
                """;
        JsonNode expected = MAPPER.readTree(json);
        JsonNode actual = TreeCodec.read(TreeCodec.write(expected));
        assertEquals(expected, actual);
        expected.fieldNames().forEachRemaining(field ->
                assertEquals(expected.get(field).getClass(), actual.get(field).getClass(), field));
        assertEquals(MAPPER.writeValueAsString(expected), MAPPER.writeValueAsString(actual), "key order");
    }

    @Test
    void numbersComeBackByTheirSizeAsFromJsonText() throws IOException {
        ObjectNode tree = NODES.objectNode();
        tree.put("smallBig", new BigInteger("42"));
        tree.put("longBig", new BigInteger("12345678901"));
        tree.put("decimal", new BigDecimal("2.50"));
        tree.put("float", 1.5f);
        JsonNode back = TreeCodec.read(TreeCodec.write(tree));
        assertEquals(MAPPER.readTree(MAPPER.writeValueAsString(tree)), back);
        assertEquals(MAPPER.readTree("42").getClass(), back.get("smallBig").getClass());
        assertEquals(MAPPER.readTree("12345678901").getClass(), back.get("longBig").getClass());
        assertEquals(MAPPER.readTree("2.5").getClass(), back.get("decimal").getClass());
    }

    @Test
    void aLoneSurrogateSurvives() throws IOException {
        for (String s : new String[] {"a\ud800b", "\udc00", "end\ud83d", "\ud83d\ude00 pair", "\ude00\ud83d"}) {
            JsonNode back = TreeCodec.read(TreeCodec.write(NODES.textNode(s)));
            assertEquals(s, back.textValue());
        }
    }

    @Test
    void everyCardOfTheSampleRegistryComesBackEqual() throws IOException {
        Snapshot s = new SnapshotReader().read(new WorkingTreeSource(Registries.copyOfSample(dir.resolve("sample"))));
        for (var f : s.files().values()) {
            JsonNode tree = f.document().root();
            JsonNode back = TreeCodec.read(TreeCodec.write(tree));
            assertEquals(tree, back, f.path());
            assertEquals(MAPPER.writeValueAsString(tree), MAPPER.writeValueAsString(back), f.path());
        }
    }

    @Test
    void aDamagedEntryIsRefused() throws IOException {
        byte[] good = TreeCodec.write(MAPPER.readTree("{\"a\": [1, \"two\", 3.5, {\"b\": null}], \"c\": 12345678901}"));
        for (int n = 0; n < good.length; n++) {
            byte[] truncated = Arrays.copyOf(good, n);
            assertThrows(IOException.class, () -> TreeCodec.read(truncated), "truncated to " + n);
        }
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThrows(IOException.class, () -> TreeCodec.read(trailing));
        byte[][] bad = {
            {42}, // no such tag
            {6, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 'x'}, // a text far longer than the entry
            {8, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1},
            {9, 2, 1, 'k', 0, 1, 'k', 0}, // one key twice
            {4, 3, '1', 'x', '2'}, // a big integer that is no number
        };
        for (byte[] b : bad) {
            assertThrows(IOException.class, () -> TreeCodec.read(b), Arrays.toString(b));
        }
        byte[] deep = new byte[2 * 300 + 1];
        for (int i = 0; i < 300; i++) {
            deep[2 * i] = 8;
            deep[2 * i + 1] = 1;
        }
        assertThrows(IOException.class, () -> TreeCodec.read(deep), "nested 300 deep");
        assertThrows(IOException.class, () -> TreeCodec.read(good, 3, good.length));
    }

    @Test
    void damageIsEitherRefusedOrReadNeverAnotherFailure() throws IOException {
        Snapshot s = new SnapshotReader().read(new WorkingTreeSource(Registries.copyOfSample(dir.resolve("sample"))));
        Random random = new Random(11);
        for (var f : s.files().values()) {
            byte[] good = TreeCodec.write(f.document().root());
            for (int i = 0; i < 50; i++) {
                byte[] damaged = good.clone();
                damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
                try {
                    TreeCodec.read(damaged);
                } catch (IOException expected) {
                    // refused: the cache then ignores the entry
                } catch (RuntimeException e) {
                    fail(f.path() + ": damage raised " + e, e);
                }
            }
        }
    }
}
