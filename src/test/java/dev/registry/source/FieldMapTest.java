package dev.registry.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The field map behaves as the LinkedHashMap it replaces, small and past its hash index's threshold. */
class FieldMapTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void randomOperationsMatchALinkedHashMap() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            FieldMap map = new FieldMap();
            Map<String, JsonNode> model = new LinkedHashMap<>();
            int keys = 1 + random.nextInt(round % 2 == 0 ? 8 : 90); // small maps, and maps past the index threshold
            for (int op = 0; op < 400; op++) {
                // A fresh String each time: lookups must not depend on the key's instance.
                String key = new String("k" + random.nextInt(keys));
                JsonNode value = NODES.numberNode(random.nextInt(1000));
                switch (random.nextInt(6)) {
                    case 0, 1, 2 -> assertEquals(model.put(key, value), map.put(key, value), key);
                    case 3 -> assertEquals(model.remove(key), map.remove(key), key);
                    case 4 -> {
                        Iterator<Map.Entry<String, JsonNode>> expected = model.entrySet().iterator();
                        Iterator<Map.Entry<String, JsonNode>> actual = map.entrySet().iterator();
                        while (expected.hasNext()) {
                            Map.Entry<String, JsonNode> e = expected.next();
                            Map.Entry<String, JsonNode> a = actual.next();
                            assertEquals(e, a);
                            if (e.getKey().equals(key)) {
                                expected.remove();
                                actual.remove();
                            } else if (random.nextInt(4) == 0) {
                                assertEquals(e.setValue(value), a.setValue(value));
                            }
                        }
                        assertFalse(actual.hasNext());
                    }
                    default -> {
                        assertEquals(model.get(key), map.get(key), key);
                        assertEquals(model.containsKey(key), map.containsKey(key), key);
                    }
                }
                assertEquals(model.size(), map.size());
            }
            assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(map.keySet()), "iteration order");
            assertEquals(new ArrayList<>(model.values()), new ArrayList<>(map.values()));
            assertEquals(model, map);
            assertEquals(map, model);
            assertEquals(model.hashCode(), map.hashCode());
            map.clear();
            assertTrue(map.isEmpty());
            assertNull(map.get("k0"));
        }
    }

    @Test
    void anObjectNodeOnItEqualsJacksonsOwnAndPrintsTheSame() throws Exception {
        ObjectNode jackson = NODES.objectNode();
        ObjectNode compact = FieldMap.objectNode();
        for (int i = 0; i < 40; i++) {
            jackson.put("field" + (39 - i), i);
            compact.put("field" + (39 - i), i);
        }
        jackson.putArray("list").add("a");
        compact.putArray("list").add("a");
        assertEquals(jackson, compact);
        assertEquals(compact, jackson);
        assertEquals(jackson.hashCode(), compact.hashCode());
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.writeValueAsString(jackson), json.writeValueAsString(compact));
        assertEquals(jackson.deepCopy(), compact.deepCopy());
        compact.remove("field20");
        assertEquals(40, compact.size());
        assertFalse(compact.has("field20"));
        assertEquals(20, compact.get("field19").asInt());
    }

    @Test
    void absentAndNullKeysAreNotFound() {
        FieldMap map = new FieldMap();
        map.put("a", NODES.textNode("x"));
        assertNull(map.get(null));
        assertNull(map.get(42));
        assertFalse(map.containsKey(null));
        assertNull(map.remove("b"));
        assertThrows(NullPointerException.class, () -> map.put(null, NODES.nullNode()));
    }

    @Test
    void changingTheMapWhileIteratingIsRefused() {
        FieldMap map = new FieldMap();
        List.of("a", "b", "c").forEach(k -> map.put(k, NODES.textNode(k)));
        Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator();
        it.next();
        map.put("d", NODES.textNode("d"));
        assertThrows(ConcurrentModificationException.class, it::next);
        Iterator<Map.Entry<String, JsonNode>> fresh = map.entrySet().iterator();
        assertThrows(IllegalStateException.class, fresh::remove);
    }
}
