package dev.registry.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.finding.Location;
import java.util.Map;

/**
 * A parsed YAML file with the source position of every key and value, addressed by JSON pointer.
 *
 * @param coerced plain (unquoted) scalars that YAML read as something other than a string, by
 *                pointer, with their source text: the material for "quote the value" hints
 */
public record YamlDocument(JsonNode root, Map<String, Location> values, Map<String, Location> keys,
                           Map<String, String> coerced) {

    public YamlDocument {
        values = Map.copyOf(values);
        keys = Map.copyOf(keys);
        coerced = Map.copyOf(coerced);
    }

    /** Where the value at the pointer starts, else its nearest ancestor's. */
    public Location valueAt(String pointer) {
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
        Location l = keys.get(pointer);
        return l != null ? l : valueAt(pointer);
    }

    /** The pointer of a child: {@code pointer + "/" + escaped name}. */
    public static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
