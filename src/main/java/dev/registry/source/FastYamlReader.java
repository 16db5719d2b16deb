package dev.registry.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the plain subset of YAML that cards are written in, several times faster than SnakeYAML's
 * scanner: block mappings and sequences by indentation, one-line plain and quoted scalars, simple
 * folded and literal block scalars, and one-line flow collections. It builds exactly the tree
 * {@link StrictYamlReader}'s SnakeYAML path builds (the same node types, the same YAML 1.1
 * resolution of plain scalars) and declines everything else: anything it is not sure of goes to
 * that path, which also reports every problem. A tree from here is therefore one the other path
 * accepts as it is; the differential tests hold it to that.
 */
final class FastYamlReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Jackson's YAMLParser types plain scalars with SnakeYAML's default resolver: so does this. */
    private static final Resolver RESOLVER = new Resolver();
    /** SnakeYAML refuses simple keys longer than 1024 characters; stay well clear. */
    private static final int MAX_KEY = 1000;
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private final String text;
    /**
     * Its characters, to scan: indexing an array is cheaper than String.charAt in code the JIT has
     * not compiled yet. Strings are cut from {@link #text}, which copies bytes, not characters.
     */
    private final char[] src;
    private final int count;
    private final int[] start;
    private final int[] end;
    private final int[] indent;
    /** The next line not read yet. */
    private int line;

    private FastYamlReader(String text, char[] src, int count, int[] start, int[] end, int[] indent) {
        this.text = text;
        this.src = src;
        this.count = count;
        this.start = start;
        this.end = end;
        this.indent = indent;
    }

    /** The tree of {@code text}, or empty when the text is outside the subset (or in doubt). */
    static Optional<JsonNode> read(String text) {
        FastYamlReader r = split(text);
        if (r == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(r.document());
        } catch (Decline d) {
            return Optional.empty();
        }
    }

    /** Lines and their indentation; null when a character anywhere rules the text out. */
    private static FastYamlReader split(String text) {
        char[] src = text.toCharArray();
        int lines = 1;
        for (int i = 0; i < src.length; i++) {
            char c = src[i];
            if (c == '\n') {
                lines++;
            } else if (c < 0x20 || c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || c >= '\uFFFE') {
                // Tabs, carriage returns, control characters, and what YAML 1.1 reads as line breaks.
                return null;
            }
        }
        int[] start = new int[lines];
        int[] end = new int[lines];
        int[] indent = new int[lines];
        int n = 0;
        int s = 0;
        while (s <= src.length) {
            int e = s;
            while (e < src.length && src[e] != '\n') {
                e++;
            }
            int i = s;
            while (i < e && src[i] == ' ') {
                i++;
            }
            start[n] = s;
            end[n] = e;
            indent[n] = i - s;
            n++;
            s = e + 1;
        }
        return new FastYamlReader(text, src, n, start, end, indent);
    }

    private JsonNode document() {
        int first = nextContent();
        if (first == count || indent[first] != 0) {
            throw Decline.INSTANCE;
        }
        JsonNode root = mapping(first, 0, 1);
        if (nextContent() != count) {
            throw Decline.INSTANCE;
        }
        return root;
    }

    private boolean startsWith(String marker, int p) {
        if (p + marker.length() > src.length) {
            return false;
        }
        for (int i = 0; i < marker.length(); i++) {
            if (src[p + i] != marker.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a line holds something other than spaces and a comment. */
    private boolean isContent(int ln) {
        int p = start[ln] + indent[ln];
        return p < end[ln] && src[p] != '#';
    }

    /** Skips blank and comment lines; the index of the next content line, or {@code count}. */
    private int nextContent() {
        while (line < count && !isContent(line)) {
            line++;
        }
        if (line < count && indent[line] == 0) {
            int p = start[line];
            if (startsWith("---", p) || startsWith("...", p) || src[p] == '%') {
                throw Decline.INSTANCE; // document markers and directives
            }
        }
        return line;
    }

    /** Whether the content line holds a block sequence entry at its indentation. */
    private boolean isEntry(int ln) {
        int p = start[ln] + indent[ln];
        return src[p] == '-' && (p + 1 == end[ln] || src[p + 1] == ' ');
    }

    private static void checkDepth(int depth) {
        if (depth > StrictYamlReader.MAX_DEPTH) {
            throw Decline.INSTANCE; // the other path reports it
        }
    }

    /** A block mapping whose first key stands at column {@code col} of line {@code ln}. */
    private ObjectNode mapping(int ln, int col, int depth) {
        checkDepth(depth);
        ObjectNode obj = FieldMap.objectNode();
        while (true) {
            entry(ln, col, obj, depth);
            int next = nextContent();
            if (next == count || indent[next] < col) {
                return obj;
            }
            if (indent[next] > col || isEntry(next)) {
                throw Decline.INSTANCE;
            }
            ln = next;
        }
    }

    /** One {@code key: value} of a block mapping at column {@code col}; leaves {@link #line} after it. */
    private void entry(int ln, int col, ObjectNode obj, int depth) {
        int p = start[ln] + col;
        int e = end[ln];
        int colon = keyEnd(p, e);
        if (colon < 0) {
            throw Decline.INSTANCE;
        }
        String name = SharedValues.key(keyText(p, colon));
        if (obj.has(name)) {
            throw Decline.INSTANCE; // the other path reports where both are
        }
        int v = skipSpaces(colon + 1, e);
        line = ln + 1;
        JsonNode value;
        if (v == e || src[v] == '#') {
            value = blockValue(col, depth + 1);
        } else {
            char c = src[v];
            if (c == '|' || c == '>') {
                value = blockScalar(ln, v, col, depth + 1);
            } else {
                value = inlineValue(v, e, depth + 1);
            }
        }
        obj.set(name, value);
    }

    /** The value of a key with nothing after its colon: a nested block, or the empty string. */
    private JsonNode blockValue(int col, int depth) {
        int next = nextContent();
        if (next < count && indent[next] > col) {
            return isEntry(next) ? sequence(next, indent[next], depth) : mapping(next, indent[next], depth);
        }
        if (next < count && indent[next] == col && isEntry(next)) {
            return sequence(next, col, depth);
        }
        checkDepth(depth);
        return SharedValues.text("");
    }

    /** A block sequence whose dashes stand at column {@code col}, the first on line {@code ln}. */
    private ArrayNode sequence(int ln, int col, int depth) {
        checkDepth(depth);
        ArrayNode arr = NODES.arrayNode();
        while (true) {
            int e = end[ln];
            int p = skipSpaces(start[ln] + col + 1, e);
            line = ln + 1;
            if (p == e || src[p] == '#') {
                // The entry's block starts on the next line; an empty entry is declined.
                int next = nextContent();
                if (next == count || indent[next] <= col) {
                    throw Decline.INSTANCE;
                }
                arr.add(isEntry(next) ? sequence(next, indent[next], depth + 1) : mapping(next, indent[next], depth + 1));
            } else if (src[p] == '|' || src[p] == '>' || src[p] == '-' && p + 1 < e && src[p + 1] == ' ') {
                throw Decline.INSTANCE;
            } else if (keyEnd(p, e) >= 0) {
                arr.add(mapping(ln, p - start[ln], depth + 1));
            } else {
                arr.add(inlineValue(p, e, depth + 1));
            }
            int next = nextContent();
            if (next == count || indent[next] < col || indent[next] == col && !isEntry(next)) {
                return arr;
            }
            if (indent[next] > col) {
                throw Decline.INSTANCE;
            }
            ln = next;
        }
    }

    /**
     * Where the colon of a block mapping key starting at {@code p} stands, or -1 when the line does
     * not start with a key this reader takes.
     */
    private int keyEnd(int p, int e) {
        char c = src[p];
        if (c == '"' || c == '\'') {
            int close = quoteEnd(p, e);
            if (close + 1 < e && src[close + 1] == ':' && (close + 2 == e || src[close + 2] == ' ')) {
                if (close - p > MAX_KEY) {
                    throw Decline.INSTANCE;
                }
                return close + 1;
            }
            return -1;
        }
        if (INDICATORS.indexOf(c) >= 0) {
            return -1;
        }
        for (int i = p + 1; i < e; i++) {
            char d = src[i];
            if (d == '#' && src[i - 1] == ' ') {
                return -1;
            }
            if (d == ':' && (i + 1 == e || src[i + 1] == ' ')) {
                if (src[i - 1] == ' ' || i - p > MAX_KEY) {
                    throw Decline.INSTANCE;
                }
                return i;
            }
        }
        return -1;
    }

    /** The text of the key that ends at the colon {@code colon}. */
    private String keyText(int p, int colon) {
        char c = src[p];
        if (c == '"' || c == '\'') {
            return quoted(p, colon - 1);
        }
        return text.substring(p, colon);
    }

    /** The index of the quote closing the one-line quoted scalar opened at {@code p}. */
    private int quoteEnd(int p, int e) {
        char q = src[p];
        for (int i = p + 1; i < e; i++) {
            char c = src[i];
            if (q == '"' && c == '\\') {
                throw Decline.INSTANCE; // escapes: the other path decodes them
            }
            if (c == q) {
                if (q == '\'' && i + 1 < e && src[i + 1] == '\'') {
                    i++; // '' is one quote
                    continue;
                }
                return i;
            }
        }
        throw Decline.INSTANCE; // goes on to the next line
    }

    /** The content of the quoted scalar from the opening quote {@code p} to the closing one {@code close}. */
    private String quoted(int p, int close) {
        String s = text.substring(p + 1, close);
        return src[p] == '\'' ? s.replace("''", "'") : s;
    }

    /** A value on the rest of a line: a flow collection, a quoted scalar or a plain scalar. */
    private JsonNode inlineValue(int p, int e, int depth) {
        char c = src[p];
        JsonNode value;
        int after;
        if (c == '[' || c == '{') {
            Flow f = new Flow(e);
            f.pos = p;
            value = f.node(depth);
            after = f.pos;
        } else if (c == '"' || c == '\'') {
            checkDepth(depth);
            int close = quoteEnd(p, e);
            value = SharedValues.text(quoted(p, close));
            after = close + 1;
        } else {
            checkDepth(depth);
            return plainBlock(p, e);
        }
        int rest = skipSpaces(after, e);
        if (rest < e && (rest == after || src[rest] != '#')) {
            throw Decline.INSTANCE;
        }
        return value;
    }

    /** A plain scalar running to the end of the line or to a comment. */
    private JsonNode plainBlock(int p, int e) {
        if (!canStartPlain(p, e)) {
            throw Decline.INSTANCE;
        }
        int stop = e;
        for (int i = p + 1; i < e; i++) {
            char c = src[i];
            if (c == '#' && src[i - 1] == ' ') {
                stop = i;
                break;
            }
            if (c == ':' && (i + 1 == e || src[i + 1] == ' ')) {
                throw Decline.INSTANCE; // a second `key:` on the line
            }
        }
        while (src[stop - 1] == ' ') {
            stop--;
        }
        return plain(text.substring(p, stop));
    }

    private boolean canStartPlain(int p, int e) {
        char c = src[p];
        if (INDICATORS.indexOf(c) < 0) {
            return true;
        }
        return c == '-' && p + 1 < e && src[p + 1] != ' ' && INDICATORS.indexOf(src[p + 1]) < 0;
    }

    /**
     * A folded ({@code >}) or literal ({@code |}) block scalar, clipped or stripped ({@code -}),
     * whose lines all stand at one indentation, its header line perhaps ending in a comment:
     * more-indented lines, indentation indicators, keep chomping and leading blank lines are
     * declined.
     */
    private JsonNode blockScalar(int ln, int p, int col, int depth) {
        checkDepth(depth);
        boolean folded = src[p] == '>';
        int h = p + 1;
        boolean strip = h < end[ln] && src[h] == '-';
        if (strip) {
            h++;
        }
        // Spaces, and a comment after them, may end the header line (`description: >- # why`).
        int rest = skipSpaces(h, end[ln]);
        if (rest < end[ln] && (rest == h || src[rest] != '#')) {
            throw Decline.INSTANCE; // other indicators (keep, indentation), or text after the header
        }
        int first = ln + 1;
        if (first >= count || indent[first] == end[first] - start[first] || indent[first] <= col) {
            throw Decline.INSTANCE;
        }
        int in = indent[first];
        StringBuilder out = new StringBuilder();
        int blank = 0;
        int last = first;
        int i = first;
        for (; i < count; i++) {
            int width = end[i] - start[i];
            if (indent[i] == width) {
                if (width > in) {
                    throw Decline.INSTANCE; // spaces that would be content
                }
                blank++;
                continue;
            }
            if (indent[i] < in) {
                break;
            }
            if (indent[i] > in || src[end[i] - 1] == ' ') {
                throw Decline.INSTANCE;
            }
            if (i > first) {
                if (folded) {
                    if (blank == 0) {
                        out.append(' ');
                    }
                    out.append("\n".repeat(blank));
                } else {
                    out.append("\n".repeat(blank + 1));
                }
            }
            blank = 0;
            last = i;
            out.append(text, start[i] + in, end[i]);
        }
        if (!strip && end[last] < src.length) { // clipping keeps the last line break, if there is one
            out.append('\n');
        }
        line = i;
        return SharedValues.text(out.toString());
    }

    /** A one-line flow collection. */
    private final class Flow {
        private final int e;
        int pos;

        Flow(int e) {
            this.e = e;
        }

        JsonNode node(int depth) {
            checkDepth(depth);
            skip();
            char c = at();
            if (c == '[') {
                pos++;
                ArrayNode arr = NODES.arrayNode();
                skip();
                if (at() == ']') {
                    pos++;
                    return arr;
                }
                while (true) {
                    arr.add(node(depth + 1));
                    skip();
                    char d = at();
                    pos++;
                    if (d == ']') {
                        return arr;
                    }
                    if (d != ',') {
                        throw Decline.INSTANCE; // `[a: b]`, or worse
                    }
                    skip();
                    if (at() == ']') {
                        throw Decline.INSTANCE;
                    }
                }
            }
            if (c == '{') {
                pos++;
                ObjectNode obj = FieldMap.objectNode();
                skip();
                if (at() == '}') {
                    pos++;
                    return obj;
                }
                while (true) {
                    String name = SharedValues.key(key());
                    if (obj.has(name)) {
                        throw Decline.INSTANCE;
                    }
                    skip();
                    char v = at();
                    if (v == ',' || v == '}') {
                        throw Decline.INSTANCE; // a key without a value
                    }
                    obj.set(name, node(depth + 1));
                    skip();
                    char d = at();
                    pos++;
                    if (d == '}') {
                        return obj;
                    }
                    if (d != ',') {
                        throw Decline.INSTANCE;
                    }
                    skip();
                    if (at() == '}') {
                        throw Decline.INSTANCE;
                    }
                }
            }
            if (c == '"' || c == '\'') {
                int close = quoteEnd(pos, e);
                String s = quoted(pos, close);
                pos = close + 1;
                return SharedValues.text(s);
            }
            if (!canStartPlain(pos, e) || c == '-' && pos + 1 < e && "]},".indexOf(src[pos + 1]) >= 0) {
                throw Decline.INSTANCE;
            }
            return plain(scalar());
        }

        /** A key and its colon; the position after the colon and the space that follows it. */
        private String key() {
            int from = pos;
            char c = at();
            String name;
            if (c == '"' || c == '\'') {
                int close = quoteEnd(pos, e);
                name = quoted(pos, close);
                pos = close + 1;
            } else {
                if (INDICATORS.indexOf(c) >= 0) {
                    throw Decline.INSTANCE;
                }
                name = scalar();
            }
            if (pos + 1 >= e || src[pos] != ':' || src[pos + 1] != ' ' || pos - from > MAX_KEY) {
                throw Decline.INSTANCE;
            }
            pos += 2;
            return name;
        }

        /** A plain scalar in flow context, trailing spaces dropped; leaves {@link #pos} at what ended it. */
        private String scalar() {
            int s = pos;
            int i = pos;
            for (; i < e; i++) {
                char c = src[i];
                if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') {
                    break;
                }
                if (c == ':' && (i + 1 == e || " ,[]{}".indexOf(src[i + 1]) >= 0)) {
                    break;
                }
                if (c == '?' || c == '#' && src[i - 1] == ' ') {
                    throw Decline.INSTANCE;
                }
            }
            if (i == e) {
                throw Decline.INSTANCE; // the collection goes on past the line
            }
            pos = i;
            while (i > s && src[i - 1] == ' ') {
                i--;
            }
            if (i == s) {
                throw Decline.INSTANCE;
            }
            return text.substring(s, i);
        }

        private char at() {
            if (pos >= e) {
                throw Decline.INSTANCE;
            }
            return src[pos];
        }

        private void skip() {
            pos = skipSpaces(pos, e);
        }
    }

    private int skipSpaces(int p, int e) {
        while (p < e && src[p] == ' ') {
            p++;
        }
        return p;
    }

    /**
     * A plain scalar typed as Jackson's YAMLParser types it (YAML 1.1: {@code NO} is false,
     * {@code 1.10} the number 1.1, {@code ~} null). Only the forms whose value is certain are
     * taken: decimal integers of up to 18 digits, short octal and hexadecimal ones, and finite
     * decimal floats; the rest (binary, underscores, base 60, {@code .inf}, {@code .nan}) is declined.
     */
    private static JsonNode plain(String value) {
        if (isCertainlyText(value)) {
            return SharedValues.text(value);
        }
        Tag tag = digitsAndDots(value).orElseGet(() -> RESOLVER.resolve(NodeId.scalar, value, true));
        if (tag == Tag.NULL) {
            return NODES.nullNode();
        }
        if (tag == Tag.BOOL) {
            Boolean b = yamlBoolean(value);
            return b == null ? SharedValues.text(value) : NODES.booleanNode(b);
        }
        if (tag == Tag.INT) {
            return integer(value);
        }
        if (tag == Tag.FLOAT) {
            return decimal(value);
        }
        return SharedValues.text(value);
    }

    /**
     * Whether the resolver would find no pattern for the value, without running one (regular
     * expressions cost the most here). It looks its patterns up by the first character: booleans
     * and nulls of at most five characters from {@code yYnNtTfFoO}, numbers and dates from
     * {@code -+.} and digits, and {@code ~ << ! & *}; a date of the form 2026-01-01 is a
     * timestamp, which Jackson reads as text.
     */
    private static boolean isCertainlyText(String value) {
        char f = value.charAt(0);
        if ("yYnNtTfFoO".indexOf(f) >= 0) {
            return value.length() > 5;
        }
        if ("-+.~<!&*".indexOf(f) >= 0) {
            return false;
        }
        if (f >= '0' && f <= '9') {
            return CardBinder.isDateShaped(value);
        }
        return true;
    }

    /**
     * The resolver's answer, without its patterns, for the plain scalars of digits and dots that
     * cards are full of: a whole number without a leading zero (76) is an int; digits, one dot and
     * digits (0.84, 01.5) a float; two dots or more (3.2.2, a version) match no pattern, so text.
     * Empty for anything else, the resolver's to type.
     */
    private static Optional<Tag> digitsAndDots(String value) {
        int dots = 0;
        int lastDot = -1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.') {
                dots++;
                lastDot = i;
            } else if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        char first = value.charAt(0);
        if (first < '0' || first > '9') {
            return Optional.empty();
        }
        if (dots == 0) {
            return first != '0' || value.length() == 1 ? Optional.of(Tag.INT) : Optional.empty();
        }
        if (dots == 1) {
            return lastDot < value.length() - 1 ? Optional.of(Tag.FLOAT) : Optional.empty();
        }
        return Optional.of(Tag.STR);
    }

    private static Boolean yamlBoolean(String value) {
        switch (value.length()) {
            case 1:
                char c = value.charAt(0);
                return c == 'y' || c == 'Y' ? Boolean.TRUE : c == 'n' || c == 'N' ? Boolean.FALSE : null;
            case 2:
                return "no".equalsIgnoreCase(value) ? Boolean.FALSE : "on".equalsIgnoreCase(value) ? Boolean.TRUE : null;
            case 3:
                return "yes".equalsIgnoreCase(value) ? Boolean.TRUE : "off".equalsIgnoreCase(value) ? Boolean.FALSE : null;
            case 4:
                return "true".equalsIgnoreCase(value) ? Boolean.TRUE : null;
            case 5:
                return "false".equalsIgnoreCase(value) ? Boolean.FALSE : null;
            default:
                return null;
        }
    }

    /** Sized as Jackson sizes it: up to 9 digits an int, up to 18 a long unless 10 digits fit an int. */
    private static JsonNode integer(String value) {
        int i = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
        int len = value.length();
        if (i == len || len - i > 18) {
            throw Decline.INSTANCE;
        }
        if (value.charAt(i) == '0') {
            if (i + 1 == len) {
                return NODES.numberNode(0);
            }
            char radix = value.charAt(i + 1);
            boolean hex = radix == 'x' || radix == 'X';
            int from = hex ? i + 2 : i + 1;
            // Octal (`0755`) and hexadecimal, when short enough to be an int by Jackson's count.
            if (len - from < 1 || len - from > (hex ? 7 : 10)) {
                throw Decline.INSTANCE;
            }
            for (int k = from; k < len; k++) {
                if (Character.digit(value.charAt(k), hex ? 16 : 8) < 0) {
                    throw Decline.INSTANCE; // binary, underscores
                }
            }
            int v = Integer.parseInt(value, from, len, hex ? 16 : 8);
            return NODES.numberNode(value.charAt(0) == '-' ? -v : v);
        }
        for (int k = i; k < len; k++) {
            char c = value.charAt(k);
            if (c < '0' || c > '9') {
                throw Decline.INSTANCE;
            }
        }
        // Jackson counts the sign in the length unless it is a minus.
        int digits = value.charAt(0) == '-' ? len - 1 : len;
        if (digits <= 9) {
            return NODES.numberNode(Integer.parseInt(value));
        }
        long l = Long.parseLong(value);
        if (digits == 10 && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return NODES.numberNode((int) l);
        }
        return NODES.numberNode(l);
    }

    private static JsonNode decimal(String value) {
        if (value.length() > 50) {
            throw Decline.INSTANCE;
        }
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw Decline.INSTANCE; // underscores, base 60, .inf, .nan
            }
        }
        double d = Double.parseDouble(value);
        if (!Double.isFinite(d)) {
            throw Decline.INSTANCE;
        }
        return NODES.numberNode(d);
    }

    /** Thrown to hand the text to the SnakeYAML path; carries nothing, costs nothing. */
    private static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Decline INSTANCE = new Decline();

        private Decline() {
            super("declined", null, false, false);
        }
    }
}
