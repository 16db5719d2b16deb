package dev.registry.edit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The model card fields a user gave, by flag, prompt or spreadsheet cell; absent fields were not given. */
public final class ModelDraft {

    private final Map<ModelField, YamlValue> values = new EnumMap<>(ModelField.class);

    public ModelDraft text(ModelField f, String value) {
        requireType(f, ModelField.Type.TEXT);
        values.put(f, YamlValue.text(value));
        return this;
    }

    /** Sets a list field; an empty list leaves the field out. */
    public ModelDraft list(ModelField f, List<String> items) {
        requireType(f, ModelField.Type.LIST);
        if (items.isEmpty()) {
            values.remove(f);
        } else {
            values.put(f, YamlValue.strings(items));
        }
        return this;
    }

    public ModelDraft number(ModelField f, long value) {
        requireType(f, ModelField.Type.INT);
        values.put(f, new YamlValue.Int(value));
        return this;
    }

    public boolean has(ModelField f) {
        return values.containsKey(f);
    }

    public Optional<String> text(ModelField f) {
        return Optional.ofNullable(values.get(f)).filter(v -> v instanceof YamlValue.Text).map(v -> ((YamlValue.Text) v).value());
    }

    /** The given fields, in field order. */
    public Map<ModelField, YamlValue> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The required fields not given. */
    public List<ModelField> missing() {
        return ModelField.REQUIRED.stream().filter(f -> !values.containsKey(f)).toList();
    }

    /** The fields as a card mapping (nested where a field lives below the top level). */
    YamlValue.Mapping toMapping() {
        Map<String, Object> tree = new LinkedHashMap<>();
        values.forEach((f, v) -> put(tree, f.path(), v));
        return (YamlValue.Mapping) toValue(tree);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, List<String> path, YamlValue v) {
        Map<String, Object> m = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            m = (Map<String, Object>) m.computeIfAbsent(path.get(i), k -> new LinkedHashMap<String, Object>());
        }
        m.put(path.get(path.size() - 1), v);
    }

    @SuppressWarnings("unchecked")
    private static YamlValue toValue(Object o) {
        if (o instanceof YamlValue v) {
            return v;
        }
        Map<String, YamlValue> out = new LinkedHashMap<>();
        ((Map<String, Object>) o).forEach((k, v) -> out.put(k, toValue(v)));
        return new YamlValue.Mapping(out);
    }

    private static void requireType(ModelField f, ModelField.Type t) {
        if (f.type() != t) {
            throw new IllegalArgumentException(f + " is a " + f.type() + " field");
        }
    }
}
