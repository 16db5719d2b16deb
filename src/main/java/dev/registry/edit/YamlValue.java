package dev.registry.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value to write into a card: the small subset of YAML that cards use. Strings are always
 * strings, however they look ({@code 1.10}, {@code no}, {@code 0123}); the renderer quotes them
 * where YAML would read something else.
 */
public sealed interface YamlValue {

    /** A string. */
    record Text(String value) implements YamlValue {
    }

    /** A whole number (context windows, percentages). */
    record Int(long value) implements YamlValue {
    }

    /** A boolean (evaluation results). */
    record Bool(boolean value) implements YamlValue {
    }

    /** A list. */
    record Seq(List<YamlValue> items) implements YamlValue {
        public Seq {
            items = List.copyOf(items);
        }
    }

    /** A mapping; keys keep the order given. */
    record Mapping(Map<String, YamlValue> entries) implements YamlValue {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    static YamlValue text(String value) {
        return new Text(value);
    }

    static YamlValue strings(List<String> values) {
        return new Seq(values.stream().map(v -> (YamlValue) new Text(v)).toList());
    }

    /** The JSON tree a YAML reader makes of this value. */
    default JsonNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (this instanceof Text t) {
            return f.textNode(t.value());
        }
        if (this instanceof Int i) {
            return f.numberNode(i.value());
        }
        if (this instanceof Bool b) {
            return f.booleanNode(b.value());
        }
        if (this instanceof Seq s) {
            ArrayNode a = f.arrayNode();
            s.items().forEach(v -> a.add(v.toJson()));
            return a;
        }
        ObjectNode o = f.objectNode();
        ((Mapping) this).entries().forEach((k, v) -> o.set(k, v.toJson()));
        return o;
    }

    default boolean isScalar() {
        return this instanceof Text || this instanceof Int || this instanceof Bool;
    }
}
