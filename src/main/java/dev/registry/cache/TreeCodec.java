package dev.registry.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.source.FieldMap;
import dev.registry.source.SharedValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Cache entries in a small binary form: a tag byte per node, lengths and whole numbers as
 * variable-length integers, text as UTF-8. A run with one changed card takes every other card's
 * tree from the cache; read with Jackson's JSON parser, on a cold JVM, that cost about what
 * parsing the cards' YAML afresh did, and this form reads in a fraction of it. Trees come back
 * with the node types a JSON reading gives ({@code ObjectMapper.readTree}): whole numbers as int,
 * long or big integer nodes by size, other numbers as doubles. Anything malformed (truncated,
 * an unknown tag, a length past the end, nesting deeper than any card) is an {@link IOException},
 * never another exception and never a large allocation: the caller then ignores the entry.
 */
final class TreeCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final int NULL = 0;
    private static final int FALSE = 1;
    private static final int TRUE = 2;
    private static final int INTEGER = 3;
    private static final int BIG_INTEGER = 4;
    private static final int DOUBLE = 5;
    private static final int TEXT = 6;
    /** Text with a lone surrogate, which UTF-8 cannot carry: its UTF-16 code units. */
    private static final int CHARS = 7;
    private static final int ARRAY = 8;
    private static final int OBJECT = 9;

    /** Deeper than any tree the YAML reader accepts, so only damage reaches it. */
    private static final int MAX_DEPTH = 256;

    private TreeCodec() {
    }

    /** The one value in the bytes; anything else in them is malformed. */
    static JsonNode read(byte[] bytes, int offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IOException("an entry outside its bytes");
        }
        Reader r = new Reader(bytes, offset, offset + length);
        JsonNode value = r.value(0);
        if (r.pos != r.end) {
            throw new IOException("bytes after the value");
        }
        return value;
    }

    static JsonNode read(byte[] bytes) throws IOException {
        return read(bytes, 0, bytes.length);
    }

    private static final class Reader {
        private final byte[] b;
        private int pos;
        private final int end;

        Reader(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        JsonNode value(int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new IOException("nested too deep");
            }
            int tag = next();
            switch (tag) {
                case NULL:
                    return NODES.nullNode();
                case FALSE:
                    return NODES.booleanNode(false);
                case TRUE:
                    return NODES.booleanNode(true);
                case INTEGER: {
                    long v = zigzag();
                    return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
                }
                case BIG_INTEGER: {
                    String digits = utf8(count());
                    try {
                        return NODES.numberNode(new BigInteger(digits));
                    } catch (NumberFormatException e) {
                        throw new IOException("a malformed big integer", e);
                    }
                }
                case DOUBLE: {
                    need(8);
                    long bits = 0;
                    for (int i = 0; i < 8; i++) {
                        bits = bits << 8 | (b[pos++] & 0xff);
                    }
                    return NODES.numberNode(Double.longBitsToDouble(bits));
                }
                case TEXT:
                    return SharedValues.text(utf8(count()));
                case CHARS: {
                    int n = count();
                    need(2L * n);
                    char[] chars = new char[n];
                    for (int i = 0; i < n; i++) {
                        chars[i] = (char) ((b[pos] & 0xff) << 8 | b[pos + 1] & 0xff);
                        pos += 2;
                    }
                    return SharedValues.text(new String(chars));
                }
                case ARRAY: {
                    int n = count();
                    ArrayNode a = NODES.arrayNode(n);
                    for (int i = 0; i < n; i++) {
                        a.add(value(depth + 1));
                    }
                    return a;
                }
                case OBJECT: {
                    int n = count();
                    ObjectNode o = FieldMap.objectNode();
                    for (int i = 0; i < n; i++) {
                        String name = SharedValues.key(utf8(count()));
                        if (o.has(name)) {
                            throw new IOException("a key twice in one object");
                        }
                        o.set(name, value(depth + 1));
                    }
                    return o;
                }
                default:
                    throw new IOException("an unknown tag " + tag);
            }
        }

        private int next() throws IOException {
            if (pos >= end) {
                throw new IOException("truncated");
            }
            return b[pos++] & 0xff;
        }

        private void need(long n) throws IOException {
            if (n > end - pos) {
                throw new IOException("truncated");
            }
        }

        private long varint() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int x = next();
                v |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw new IOException("a malformed number");
        }

        private long zigzag() throws IOException {
            long v = varint();
            return v >>> 1 ^ -(v & 1);
        }

        /** A count of what follows, each at least a byte: never more than the bytes left. */
        private int count() throws IOException {
            long n = varint();
            if (n < 0 || n > end - pos) {
                throw new IOException("a length past the end");
            }
            return (int) n;
        }

        private String utf8(int n) {
            String s = new String(b, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }
    }

    /** The tree in this form. */
    static byte[] write(JsonNode tree) {
        Writer w = new Writer();
        w.value(tree);
        return w.out.toByteArray();
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

        void value(JsonNode n) {
            switch (n.getNodeType()) {
                case OBJECT -> {
                    out.write(OBJECT);
                    varint(n.size());
                    for (Map.Entry<String, JsonNode> e : n.properties()) {
                        bytes(e.getKey().getBytes(StandardCharsets.UTF_8));
                        value(e.getValue());
                    }
                }
                case ARRAY -> {
                    out.write(ARRAY);
                    varint(n.size());
                    for (JsonNode v : n) {
                        value(v);
                    }
                }
                case STRING -> text(n.textValue());
                case NUMBER -> number(n);
                case BOOLEAN -> out.write(n.booleanValue() ? TRUE : FALSE);
                case NULL -> out.write(NULL);
                default -> throw new IllegalArgumentException("a " + n.getNodeType() + " node has no place in a cache entry");
            }
        }

        private void number(JsonNode n) {
            switch (n.numberType()) {
                case INT, LONG -> {
                    long v = n.longValue();
                    out.write(INTEGER);
                    varint(v << 1 ^ v >> 63);
                }
                case BIG_INTEGER -> {
                    BigInteger v = n.bigIntegerValue();
                    if (v.bitLength() < 64) {
                        out.write(INTEGER); // read back by size, as JSON would
                        long l = v.longValue();
                        varint(l << 1 ^ l >> 63);
                    } else {
                        out.write(BIG_INTEGER);
                        bytes(v.toString().getBytes(StandardCharsets.US_ASCII));
                    }
                }
                default -> {
                    // Floats and decimals come back as doubles, as from JSON text.
                    long bits = Double.doubleToRawLongBits(n.doubleValue());
                    out.write(DOUBLE);
                    for (int i = 56; i >= 0; i -= 8) {
                        out.write((int) (bits >>> i));
                    }
                }
            }
        }

        /** As UTF-8 when it round-trips (it does unless a surrogate stands alone), else as UTF-16 code units. */
        private void text(String s) {
            if (wellFormed(s)) {
                out.write(TEXT);
                bytes(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            out.write(CHARS);
            varint(s.length());
            for (int i = 0; i < s.length(); i++) {
                out.write(s.charAt(i) >>> 8);
                out.write(s.charAt(i));
            }
        }

        private void bytes(byte[] b) {
            varint(b.length);
            out.write(b, 0, b.length);
        }

        private void varint(long v) {
            while ((v & ~0x7fL) != 0) {
                out.write((int) (v & 0x7f | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
