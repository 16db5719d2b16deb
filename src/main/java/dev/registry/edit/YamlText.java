package dev.registry.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders {@link YamlValue}s as YAML text that reads back as exactly the same values, in a fixed
 * style: block mappings indented by two, short lists of identifiers in flow style
 * ({@code [pii, financial]}), free text one item per line, strings plain when no YAML reader could
 * take them for anything else and double-quoted otherwise.
 */
public final class YamlText {

    /** Longest flow collection written on one line. */
    static final int FLOW_WIDTH = 100;

    /** Starts with a letter and holds nothing YAML treats specially in block or flow context. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 ._/@:+()=-]*");
    /** Numeric SemVer cores read as strings by every YAML 1.1 and 1.2 resolver (1.10 would not). */
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    /** YAML 1.1 booleans and nulls, which Jackson and SnakeYAML read as something other than a string. */
    private static final Set<String> RESERVED_WORDS = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

    private YamlText() {
    }

    /** A scalar as YAML: plain when that reads back as the same string, else double-quoted. */
    public static String scalar(YamlValue v) {
        if (v instanceof YamlValue.Int i) {
            return Long.toString(i.value());
        }
        if (v instanceof YamlValue.Bool b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof YamlValue.Text t) {
            return isPlainSafe(t.value()) ? t.value() : doubleQuoted(t.value());
        }
        throw new IllegalArgumentException("not a scalar: " + v);
    }

    /** Whether the string may be written unquoted, in block and in flow context alike. */
    public static boolean isPlainSafe(String s) {
        if (SEMVER.matcher(s).matches()) {
            return true;
        }
        if (!PLAIN.matcher(s).matches() || s.endsWith(" ") || s.endsWith(":") || s.contains(": ")) {
            return false;
        }
        return !RESERVED_WORDS.contains(s.toLowerCase(Locale.ROOT));
    }

    public static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Single-quoted, when the string has no character that needs an escape; else double-quoted. */
    public static String singleQuoted(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                return doubleQuoted(s);
            }
        }
        return "'" + s.replace("'", "''") + "'";
    }

    public static String key(String k) {
        return PLAIN_KEY.matcher(k).matches() && !RESERVED_WORDS.contains(k.toLowerCase(Locale.ROOT)) ? k : doubleQuoted(k);
    }

    /** The value in flow style, on one line, whatever its length. */
    public static String inline(YamlValue v) {
        if (v.isScalar()) {
            return scalar(v);
        }
        StringBuilder b = new StringBuilder();
        if (v instanceof YamlValue.Seq s) {
            b.append('[');
            for (int i = 0; i < s.items().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(inline(s.items().get(i)));
            }
            return b.append(']').toString();
        }
        b.append('{');
        int i = 0;
        for (Map.Entry<String, YamlValue> e : ((YamlValue.Mapping) v).entries().entrySet()) {
            b.append(i++ == 0 ? "" : ", ").append(key(e.getKey())).append(": ").append(inline(e.getValue()));
        }
        return b.append('}').toString();
    }

    /**
     * Whether the value is written on the line of its key: scalars, empty collections, and short
     * lists of single-word items (identifiers, references, emails).
     */
    public static boolean staysInline(YamlValue v) {
        if (v.isScalar()) {
            return true;
        }
        if (v instanceof YamlValue.Seq s) {
            return s.items().isEmpty() || (s.items().stream().allMatch(i -> i.isScalar() && !scalar(i).contains(" "))
                    && inline(v).length() <= FLOW_WIDTH);
        }
        return ((YamlValue.Mapping) v).entries().isEmpty();
    }

    /** Whether a list item is written as one flow line: scalars, and short mappings of scalars. */
    static boolean itemStaysInline(YamlValue v) {
        if (v instanceof YamlValue.Mapping m) {
            return m.entries().values().stream().allMatch(x -> x.isScalar() || staysInline(x))
                    && inline(v).length() <= FLOW_WIDTH;
        }
        return staysInline(v);
    }

    /** {@code key: value} at the indentation, ending in a newline; collections go below the key. */
    public static String entry(String key, YamlValue v, int indent) {
        String pad = " ".repeat(indent);
        if (staysInline(v)) {
            return pad + key(key) + ": " + inline(v) + "\n";
        }
        return pad + key(key) + ":\n" + block(v, indent + 2);
    }

    /**
     * The lines of a collection written in block style at the indentation, each ending in a
     * newline: {@code - item} lines for a list, {@code key: value} lines for a mapping.
     */
    public static String block(YamlValue v, int indent) {
        StringBuilder b = new StringBuilder();
        if (v instanceof YamlValue.Seq s) {
            for (YamlValue item : s.items()) {
                b.append(item(item, indent));
            }
        } else if (v instanceof YamlValue.Mapping m) {
            m.entries().forEach((k, x) -> b.append(entry(k, x, indent)));
        } else {
            throw new IllegalArgumentException("not a collection: " + v);
        }
        return b.toString();
    }

    /** One {@code - item} of a block list, ending in a newline. */
    public static String item(YamlValue v, int indent) {
        String pad = " ".repeat(indent);
        if (itemStaysInline(v)) {
            return pad + "- " + inline(v) + "\n";
        }
        if (v instanceof YamlValue.Mapping m) {
            String lines = block(m, indent + 2);
            return pad + "- " + lines.substring(indent + 2);
        }
        return pad + "- " + inline(v) + "\n";
    }

    /**
     * A whole new card: the header comment lines, then the mapping with keys in the card kind's
     * canonical order at every level.
     */
    public static String document(List<String> headerComments, YamlValue.Mapping fields, KeyOrder order) {
        StringBuilder b = new StringBuilder();
        headerComments.forEach(c -> b.append("# ").append(c).append('\n'));
        b.append(block(ordered(fields, order, List.of()), 0));
        return b.toString();
    }

    /** The mapping with its keys, and those of nested mappings and list items, in canonical order. */
    static YamlValue.Mapping ordered(YamlValue.Mapping m, KeyOrder order, List<String> path) {
        List<String> canonical = order.keys(path);
        List<String> keys = new ArrayList<>(m.entries().keySet());
        keys.sort((a, b) -> Integer.compare(rank(canonical, a), rank(canonical, b)));
        Map<String, YamlValue> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, orderedValue(m.entries().get(k), order, append(path, k)));
        }
        return new YamlValue.Mapping(out);
    }

    private static YamlValue orderedValue(YamlValue v, KeyOrder order, List<String> path) {
        if (v instanceof YamlValue.Mapping m) {
            return ordered(m, order, path);
        }
        if (v instanceof YamlValue.Seq s) {
            return new YamlValue.Seq(s.items().stream().map(i -> orderedValue(i, order, append(path, KeyOrder.ITEMS))).toList());
        }
        return v;
    }

    private static int rank(List<String> canonical, String key) {
        int i = canonical.indexOf(key);
        return i < 0 ? Integer.MAX_VALUE : i; // unknown keys keep their order, after the known ones
    }

    static List<String> append(List<String> path, String key) {
        List<String> p = new ArrayList<>(path);
        p.add(key);
        return List.copyOf(p);
    }
}
