package dev.registry.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each key and of each short text value for all the trees a run reads or takes
 * from the cache. A registry repeats the same keys and many of the same values (stages, teams,
 * domains, dates) in every card, and the trees hold every one of them for the whole run: shared,
 * the trees of 10,000 cards are millions of objects smaller, and the garbage collector, which
 * copies every live object at least once, has that much less to copy. Bounded, so that hostile
 * input cannot grow it without end; past the bound, values are simply not shared. Strings and
 * text nodes are immutable, so sharing them changes nothing a reader of a tree can see.
 */
public final class SharedValues {

    private static final int MAX_ENTRIES = 1 << 16;
    private static final int MAX_TEXT = 48; // stages, teams, emails, dates; not SHA-256 digests, unique per card
    private static final ConcurrentHashMap<String, String> KEYS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, TextNode> TEXTS = new ConcurrentHashMap<>();

    private SharedValues() {
    }

    /** The shared instance of a mapping key. */
    public static String key(String name) {
        String known = KEYS.get(name);
        if (known != null) {
            return known;
        }
        if (KEYS.size() < MAX_ENTRIES) {
            known = KEYS.putIfAbsent(name, name);
        }
        return known == null ? name : known;
    }

    /** A text node for the value, shared when it is short. */
    public static JsonNode text(String value) {
        if (value.length() > MAX_TEXT) {
            return JsonNodeFactory.instance.textNode(value);
        }
        TextNode known = TEXTS.get(value);
        if (known != null) {
            return known;
        }
        TextNode made = JsonNodeFactory.instance.textNode(value);
        if (TEXTS.size() < MAX_ENTRIES) {
            known = TEXTS.putIfAbsent(value, made);
        }
        return known == null ? made : known;
    }
}
