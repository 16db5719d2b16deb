package dev.registry.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads one registry file the way untrusted input must be read: UTF-8 only, bounded in size and
 * depth, one mapping document, no anchors, aliases or tags, no duplicate keys. Everything it
 * refuses comes back as a located finding rather than an exception.
 *
 * <p>It builds the tree itself from parser tokens, so that one pass records every key's and
 * value's position and sees the tokens Jackson would otherwise quietly accept (an alias becomes a
 * plain string, a duplicate key silently wins).
 */
public final class StrictYamlReader {

    /** A card is a few KiB; this leaves room while keeping SnakeYAML's quadratic cases cheap. */
    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_DEPTH = 32;
    /** Longer numbers are refused: BigInteger/BigDecimal parsing is superlinear in the digits. */
    static final int MAX_NUMBER_LENGTH = 100;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final YAMLFactory factory;
    private final LoaderOptions loader;
    private final boolean fastPath;

    public StrictYamlReader() {
        this(true);
    }

    /**
     * {@code fastPath} false reads every file with SnakeYAML: the reference that
     * {@link FastYamlReader} is tested against.
     */
    StrictYamlReader(boolean fastPath) {
        this.fastPath = fastPath;
        loader = new LoaderOptions();
        loader.setCodePointLimit(MAX_BYTES);
        loader.setMaxAliasesForCollections(0);
        loader.setAllowDuplicateKeys(true); // detected here, with the key's position
        loader.setNestingDepthLimit(MAX_DEPTH + 8);
        factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .disable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 8)
                        .maxDocumentLength(MAX_BYTES)
                        .maxStringLength(MAX_BYTES)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
    }

    /** The outcome of reading one file: a document, or the finding that explains why not. */
    public sealed interface Result permits Parsed, Rejected {
    }

    public record Parsed(YamlDocument document) implements Result {
    }

    public record Rejected(Finding finding) implements Result {
    }

    /** Reads {@code bytes} as the file at {@code path} (used only to label findings). */
    public Result read(String path, byte[] bytes) {
        try {
            return new Parsed(parse(decode(bytes)));
        } catch (YamlProblem p) {
            return new Rejected(Finding.error(p.ruleId, path, p.location, "", p.getMessage(), p.hint));
        }
    }

    /**
     * The document for a tree this reader made from {@code bytes} before (a cached one): its
     * positions are found from the bytes, read when first needed, exactly as {@link #read} finds
     * them. {@code path} names the file in the error raised when they can no longer be read.
     */
    public YamlDocument document(String path, JsonNode root, SourceEntry.Content bytes) {
        return new YamlDocument(root, () -> {
            try {
                return locate(decode(bytes.read()));
            } catch (IOException e) {
                throw new dev.registry.EnvironmentException("cannot read " + path + ": " + e.getMessage(), e);
            } catch (YamlProblem e) {
                throw new IllegalStateException("cached content no longer decodes: " + e.getMessage(), e);
            }
        });
    }

    /** Checks the size before anything is read, so an oversized file costs nothing. */
    public static java.util.Optional<Finding> checkSize(String path, long size) {
        if (size <= MAX_BYTES) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Finding.error("yaml-too-large", path, Location.START, "",
                String.format(java.util.Locale.ROOT, "file is %,d bytes; registry files are limited to %,d bytes", size, MAX_BYTES),
                "a card is a few KiB: link large content (reports, prompts) by URI instead of inlining it"));
    }

    private static String decode(byte[] bytes) throws YamlProblem {
        if (checkSize("", bytes.length).isPresent()) {
            throw new YamlProblem("yaml-too-large", Location.START,
                    String.format(java.util.Locale.ROOT, "file is %,d bytes; registry files are limited to %,d bytes", bytes.length, MAX_BYTES),
                    "a card is a few KiB: link large content (reports, prompts) by URI instead of inlining it");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            throw new YamlProblem("yaml-bom", Location.START, "file starts with a UTF-8 byte order mark",
                    "save the file as UTF-8 without BOM");
        }
        // The JDK's own decoding is fastest, and replaces what is not UTF-8 with U+FFFD: text
        // without one was valid. Only text with one (written so, or replaced) is decoded again
        // strictly, to tell which and where.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length);
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw new YamlProblem("yaml-encoding", locationOfByte(bytes, in.position()),
                        String.format("invalid UTF-8 byte 0x%02X", bytes[in.position()] & 0xff),
                        "registry files must be UTF-8; re-save the file with UTF-8 encoding");
            }
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new YamlProblem("yaml-encoding", locationOfChar(text, nul), "file contains a NUL character",
                    "registry files are text; remove the binary content");
        }
        return text;
    }

    /**
     * Jackson does not report every anchor (one on a scalar value goes unseen), so a first pass
     * over SnakeYAML's own events looks at every node, keys included. Only text that could hold
     * an anchor, an alias or a tag pays for it.
     */
    private void refuseAnchorsAliasesAndTags(String text) throws YamlProblem {
        if (!mayHoldAnchorAliasOrTag(text)) {
            return;
        }
        Parser events = new ParserImpl(new StreamReader(text), loader);
        try {
            for (Event e = events.getEvent(); !e.is(Event.ID.StreamEnd); e = events.getEvent()) {
                Location at = new Location(e.getStartMark().getLine() + 1, e.getStartMark().getColumn() + 1);
                if (e instanceof AliasEvent alias) {
                    throw new YamlProblem("yaml-alias", at, "YAML alias `*" + alias.getAnchor() + "` is not allowed",
                            "write the value out in full");
                }
                if (e instanceof NodeEvent node && node.getAnchor() != null) {
                    throw new YamlProblem("yaml-anchor", at, "YAML anchor `&" + node.getAnchor() + "` is not allowed",
                            "remove the anchor; aliases are not allowed either");
                }
                String tag = e instanceof ScalarEvent sc ? sc.getTag()
                        : e instanceof CollectionStartEvent cs ? cs.getTag() : null;
                if (tag != null) {
                    throw new YamlProblem("yaml-tag", at, "YAML tag `" + shortTag(tag) + "` is not allowed",
                            "remove the tag; quote the value if it must be a string");
                }
            }
        } catch (YAMLException e) {
            // Not YAML at all: the main pass reports where and why.
        }
    }

    /**
     * Whether an anchor ({@code &a}), an alias ({@code *a}) or a tag ({@code !t}) could start
     * somewhere in the text. Each is a token of its own, and a token never starts right after a
     * letter or a digit: {@code R&D}, {@code 5*3} and {@code done!} are inside plain scalars. So
     * only an {@code &}, {@code *} or {@code !} at the start or after any other character (a
     * space, an indicator, a quote, a non-ASCII letter) sends the text through the pre-pass: a
     * superset of where one can stand, cheap to test.
     */
    static boolean mayHoldAnchorAliasOrTag(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '&' || c == '*' || c == '!') && (i == 0 || !isAsciiLetterOrDigit(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * Reads the tree without positions (building a pointer for every node is a good part of the
     * cost), and leaves the document a way to find them when a finding needs them: reading the
     * same text again, recording this time. Only a duplicate key, whose message names the line of
     * the first one, needs positions at once.
     */
    private YamlDocument parse(String text) throws YamlProblem {
        if (fastPath) {
            // The plain subset that cards are written in, without SnakeYAML's scanner; what it
            // declines, and every problem, takes the path below.
            java.util.Optional<JsonNode> fast = FastYamlReader.read(text);
            if (fast.isPresent()) {
                return new YamlDocument(fast.get(), () -> locate(text));
            }
        }
        refuseAnchorsAliasesAndTags(text);
        try {
            JsonNode root = parseTree(text, null);
            return new YamlDocument(root, () -> locate(text));
        } catch (NeedsPositions e) {
            Positions positions = new Positions();
            parseTree(text, positions); // throws the located problem
            throw new IllegalStateException("a located reading accepted what the first one refused");
        }
    }

    /** The positions in a text that {@link #parseTree} accepted once already. */
    private YamlDocument.Positions locate(String text) {
        Positions p = new Positions();
        try {
            parseTree(text, p);
        } catch (YamlProblem e) {
            throw new IllegalStateException("a located reading refused what the first one accepted: " + e.getMessage(), e);
        }
        return new YamlDocument.Positions(p.values, p.keys, p.coerced);
    }

    /** What a located reading records; absent (null) in the first reading. */
    private static final class Positions {
        final Map<String, Location> values = new HashMap<>();
        final Map<String, Location> keys = new HashMap<>();
        final Map<String, String> coerced = new HashMap<>();
    }

    private JsonNode parseTree(String text, Positions at) throws YamlProblem {
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            JsonToken first = next(parser);
            if (first == null) {
                throw new YamlProblem("yaml-empty", Location.START, "file is empty",
                        "a registry file starts with `apiVersion: registry/v1` and `kind:`");
            }
            if (first == JsonToken.VALUE_STRING && parser.getText().isEmpty() || first == JsonToken.VALUE_NULL) {
                throw new YamlProblem("yaml-empty", Location.START, "the document is empty",
                        "a registry file starts with `apiVersion: registry/v1` and `kind:`");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new YamlProblem("yaml-not-mapping", at(parser.currentTokenLocation()),
                        "the document must be a mapping of keys to values, not a " + describe(first),
                        "start the file with `apiVersion: registry/v1`");
            }
            JsonNode root = readValue(parser, "", 1, at);
            JsonToken extra = next(parser);
            if (extra != null) {
                throw new YamlProblem("yaml-multiple-documents", at(parser.currentTokenLocation()),
                        "a second YAML document follows the first",
                        "keep one card per file; remove the `---` separator and what follows it");
            }
            return root;
        } catch (NeedsPositions e) {
            throw e;
        } catch (MarkedProblem e) {
            throw e.problem;
        } catch (IOException | RuntimeException e) {
            throw syntaxProblem(e, text);
        }
    }

    /** {@code pointer} is null when {@code at} is: the first reading builds no pointers. */
    private JsonNode readValue(YAMLParser p, String pointer, int depth, Positions at) throws IOException {
        JsonToken t = p.currentToken();
        checkNode(p);
        if (at != null) {
            at.values.put(pointer, at(p.currentTokenLocation()));
        }
        if (depth > MAX_DEPTH) {
            throw new MarkedProblem(new YamlProblem("yaml-too-deep", at(p.currentTokenLocation()),
                    "nesting is deeper than " + MAX_DEPTH + " levels", "registry cards are shallow; flatten this structure"));
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode obj = FieldMap.objectNode();
                while (next(p) == JsonToken.FIELD_NAME) {
                    checkNode(p); // a key can carry an anchor or a tag too
                    String name = SharedValues.key(wholeCharacters(p, p.currentName()));
                    String child = at == null ? null : YamlDocument.child(pointer, name);
                    if (obj.has(name)) {
                        if (at == null) {
                            throw new NeedsPositions();
                        }
                        Location first = at.keys.get(child);
                        throw new MarkedProblem(new YamlProblem("yaml-duplicate-key", at(p.currentTokenLocation()),
                                "duplicate key `" + name + "` (first defined at line " + first.line() + ")",
                                "YAML would silently keep only the last value; remove or merge one of them"));
                    }
                    if (at != null) {
                        at.keys.put(child, at(p.currentTokenLocation()));
                    }
                    next(p);
                    obj.set(name, readValue(p, child, depth + 1, at));
                }
                return obj;
            }
            case START_ARRAY: {
                ArrayNode arr = NODES.arrayNode();
                int i = 0;
                while (next(p) != JsonToken.END_ARRAY) {
                    arr.add(readValue(p, at == null ? null : pointer + "/" + i, depth + 1, at));
                    i++;
                }
                return arr;
            }
            case VALUE_STRING:
                return SharedValues.text(wholeCharacters(p, p.getText()));
            case VALUE_NUMBER_INT:
                coerced(at, pointer, p);
                try {
                    return switch (p.getNumberType()) {
                        case INT -> NODES.numberNode(p.getIntValue());
                        case LONG -> NODES.numberNode(p.getLongValue());
                        default -> NODES.numberNode(p.getBigIntegerValue());
                    };
                } catch (StreamConstraintsException e) {
                    throw numberTooLong(p);
                }
            case VALUE_NUMBER_FLOAT:
                coerced(at, pointer, p);
                // A double, as every YAML 1.1 loader reads it: `1.10` is the number 1.1, and the
                // hint that tells the user to quote it should say so. `.nan` and `.inf` fit too.
                String raw = p.getText().toLowerCase(java.util.Locale.ROOT);
                double d;
                try {
                    d = raw.endsWith(".nan") || raw.endsWith(".inf") ? Double.NaN : p.getDoubleValue();
                } catch (StreamConstraintsException e) {
                    throw numberTooLong(p);
                }
                if (!Double.isFinite(d)) {
                    // .nan, .inf and 1e999 mean nothing in a card, and break number comparisons.
                    throw new MarkedProblem(new YamlProblem("yaml-non-finite", at(p.currentTokenLocation()),
                            "`" + p.getText() + "` is not a finite number", "quote the value if it is meant as text"));
                }
                return NODES.numberNode(d);
            case VALUE_TRUE:
            case VALUE_FALSE:
                coerced(at, pointer, p);
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                coerced(at, pointer, p);
                return NODES.nullNode();
            default:
                throw new MarkedProblem(new YamlProblem("yaml-syntax", at(p.currentTokenLocation()),
                        "unexpected " + describe(t), ""));
        }
    }

    private static void coerced(Positions at, String pointer, YAMLParser p) throws IOException {
        if (at != null) {
            at.coerced.put(pointer, p.getText());
        }
    }

    private static MarkedProblem numberTooLong(YAMLParser p) throws IOException {
        String text = p.getText();
        return new MarkedProblem(new YamlProblem("yaml-too-large", at(p.currentTokenLocation()),
                "number `" + text.substring(0, Math.min(20, text.length())) + "...` has " + text.length()
                        + " characters; numbers are limited to " + MAX_NUMBER_LENGTH,
                "quote the value if it is meant as text"));
    }

    /** Anchors, aliases and tags have no place in a card: refuse them where they stand. */
    private static void checkNode(YAMLParser p) throws IOException {
        if (p.isCurrentAlias()) {
            throw new MarkedProblem(new YamlProblem("yaml-alias", at(p.currentTokenLocation()),
                    "YAML alias `*" + p.getText() + "` is not allowed", "write the value out in full"));
        }
        String anchor = p.getCurrentAnchor();
        if (anchor != null) {
            throw new MarkedProblem(new YamlProblem("yaml-anchor", at(p.currentTokenLocation()),
                    "YAML anchor `&" + anchor + "` is not allowed", "remove the anchor; aliases are not allowed either"));
        }
        String tag = p.getTypeId();
        if (tag != null) {
            throw new MarkedProblem(new YamlProblem("yaml-tag", at(p.currentTokenLocation()),
                    "YAML tag `" + shortTag(tag) + "` is not allowed", "remove the tag; quote the value if it must be a string"));
        }
    }

    /** The tag as the user wrote it: {@code !!str} rather than {@code tag:yaml.org,2002:str}. */
    private static String shortTag(String tag) {
        if (tag.startsWith("tag:yaml.org,2002:")) {
            return "!!" + tag.substring("tag:yaml.org,2002:".length());
        }
        return tag.startsWith("!") ? tag : "!" + tag;
    }

    private static JsonToken next(YAMLParser p) throws IOException {
        return p.nextToken();
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "list";
            case VALUE_STRING -> "plain string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null value";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static YamlProblem syntaxProblem(Throwable e, String text) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                Mark mark = m.getProblemMark();
                String problem = m.getProblem() == null ? "invalid YAML" : m.getProblem();
                String hint = problem.contains("\\t") || problem.contains("tab")
                        ? "YAML indentation must use spaces, not tabs" : "";
                return new YamlProblem("yaml-syntax", new Location(mark.getLine() + 1, mark.getColumn() + 1),
                        "invalid YAML: " + problem, hint);
            }
        }
        if (e instanceof StreamConstraintsException sc) {
            return new YamlProblem(sc.getOriginalMessage().contains("depth") ? "yaml-too-deep" : "yaml-too-large",
                    at(sc.getLocation()), sc.getOriginalMessage(), "registry cards are shallow and small");
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jp && jp.getLocation() != null) {
            String m = jp.getOriginalMessage();
            if (m != null && m.startsWith("Expected a field name")) {
                // Jackson's words for a key that is an alias, a list or a mapping.
                boolean alias = m.contains("AliasEvent");
                String what = alias ? "an alias" : m.contains("SequenceStart") ? "a list" : "a mapping";
                return new YamlProblem(alias ? "yaml-alias" : "yaml-key", at(jp.getLocation()),
                        "a mapping key must be a plain name, not " + what, "write keys as plain words: `name: value`");
            }
            return new YamlProblem("yaml-syntax", at(jp.getLocation()), "invalid YAML: " + jp.getOriginalMessage(), "");
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = msg.indexOf('\n');
        return new YamlProblem("yaml-syntax", Location.START, "invalid YAML: " + (cut > 0 ? msg.substring(0, cut) : msg), "");
    }

    private static Location at(JsonLocation l) {
        if (l == null || l.getLineNr() < 1) {
            return Location.START;
        }
        return new Location(l.getLineNr(), Math.max(1, l.getColumnNr()));
    }

    /** The line and column of a byte offset in UTF-8 text (columns count characters). */
    static Location locationOfByte(byte[] bytes, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return new Location(line, col);
    }

    private static Location locationOfChar(String text, int index) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else if (!Character.isLowSurrogate(text.charAt(i))) {
                col++; // columns count code points, as SnakeYAML's marks do
            }
        }
        return new Location(line, col);
    }

    /** A string from a YAML escape such as {@code "\ud800"} can hold half a character; refuse it. */
    private static String wholeCharacters(YAMLParser p, String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new MarkedProblem(new YamlProblem("yaml-encoding", at(p.currentTokenLocation()),
                        String.format(Locale.ROOT, "the text holds a lone surrogate \\u%04x, which is not a character", (int) c),
                        "write the character itself, or escape both halves of a surrogate pair"));
            }
        }
        return s;
    }

    /** The first reading met a duplicate key, whose message needs the located reading. */
    private static final class NeedsPositions extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsPositions() {
            super("duplicate key", null, false, false);
        }
    }

    /** Carries a {@link YamlProblem} through Jackson's IOException-typed call chain. */
    private static final class MarkedProblem extends IOException {
        private static final long serialVersionUID = 1L;
        final transient YamlProblem problem;

        MarkedProblem(YamlProblem problem) {
            super(problem.getMessage(), null);
            this.problem = problem;
        }
    }
}
