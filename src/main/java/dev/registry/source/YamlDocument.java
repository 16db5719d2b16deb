package dev.registry.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.Lazy;
import dev.registry.finding.Location;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A parsed YAML file with the source position of every key and value, addressed by JSON pointer.
 *
 * <p>Positions are what findings need, and only files with findings need them; kept for every
 * node of every card they cost more memory than the cards themselves. A document read from text
 * therefore keeps the text and finds the positions on first use, by reading it again the same
 * way: the answer is the one an eager reading would have given.
 */
public final class YamlDocument {

    private final JsonNode root;
    /** Found on first use, when the document was read from text; its text is let go then. */
    private final Lazy<Positions> positions;

    /**
     * The positions of a document.
     *
     * @param coerced plain (unquoted) scalars that YAML read as something other than a string, by
     *                pointer, with their source text: the material for "quote the value" hints
     */
    record Positions(Map<String, Location> values, Map<String, Location> keys, Map<String, String> coerced) {
        Positions {
            values = Map.copyOf(values);
            keys = Map.copyOf(keys);
            coerced = Map.copyOf(coerced);
        }
    }

    /** A document whose positions are all known. */
    public YamlDocument(JsonNode root, Map<String, Location> values, Map<String, Location> keys,
                        Map<String, String> coerced) {
        this.root = Objects.requireNonNull(root);
        this.positions = Lazy.known(new Positions(values, keys, coerced));
    }

    /** A document whose positions are found on first use; {@code locate} must give the same answer every time. */
    YamlDocument(JsonNode root, Supplier<Positions> locate) {
        this.root = Objects.requireNonNull(root);
        this.positions = Lazy.of(locate);
    }

    public JsonNode root() {
        return root;
    }

    /** Where each value starts, by pointer. */
    public Map<String, Location> values() {
        return positions().values();
    }

    /** Where each mapping key stands, by the pointer of its member. */
    public Map<String, Location> keys() {
        return positions().keys();
    }

    /**
     * Plain (unquoted) scalars that YAML read as something other than a string, by pointer, with
     * their source text: the material for "quote the value" hints.
     */
    public Map<String, String> coerced() {
        return positions().coerced();
    }

    private Positions positions() {
        return positions.get();
    }

    /** Where the value at the pointer starts, else its nearest ancestor's. */
    public Location valueAt(String pointer) {
        Map<String, Location> values = values();
        String p = pointer;
        while (true) {
            Location l = values.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return Location.START;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Where the key of the member at the pointer stands, else where its value (or ancestor) is. */
    public Location keyAt(String pointer) {
        Location l = keys().get(pointer);
        return l != null ? l : valueAt(pointer);
    }

    /** The pointer of a child: {@code pointer + "/" + escaped name}. */
    public static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YamlDocument d && root.equals(d.root) && positions().equals(d.positions());
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return "YamlDocument[" + root + "]";
    }
}
