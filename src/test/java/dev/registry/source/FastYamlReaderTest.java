package dev.registry.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast reader against the SnakeYAML path it stands in for: on every input, either it declines,
 * or its tree is the other path's tree (node types, values and key order), and the reader with it
 * gives the very result (document with positions, or finding) the reader without it gives.
 */
class FastYamlReaderTest {

    private final StrictYamlReader reference = new StrictYamlReader(false);
    private final StrictYamlReader withFastPath = new StrictYamlReader();

    @TempDir
    Path dir;

    /** Compares the two paths on one input; whether the fast one handled it. */
    private boolean agree(String label, byte[] bytes) {
        StrictYamlReader.Result expected = reference.read("card.yaml", bytes);
        StrictYamlReader.Result actual = withFastPath.read("card.yaml", bytes);
        assertEquals(expected, actual, label);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (bytes.length > StrictYamlReader.MAX_BYTES || text.indexOf('\uFFFD') >= 0) {
            return false; // refused before any YAML is read, the fast path included
        }
        Optional<JsonNode> fast = FastYamlReader.read(text);
        if (fast.isEmpty()) {
            return false;
        }
        StrictYamlReader.Parsed parsed = assertInstanceOf(StrictYamlReader.Parsed.class, expected,
                () -> label + ": the fast path read what the reference refuses: " + expected);
        assertSameTree(parsed.document().root(), fast.get(), label, "");
        return true;
    }

    private boolean agree(String label, String text) {
        return agree(label, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Equal, with the same node classes (IntNode is not LongNode) and the same key order. */
    private static void assertSameTree(JsonNode expected, JsonNode actual, String label, String pointer) {
        if (expected.getClass() != actual.getClass()) {
            fail(label + " at " + pointer + ": " + expected.getClass().getSimpleName() + " " + expected
                    + " but the fast path made " + actual.getClass().getSimpleName() + " " + actual);
        }
        if (expected.isObject()) {
            assertEquals(iterate(expected.fieldNames()), iterate(actual.fieldNames()), label + " keys at " + pointer);
            expected.fields().forEachRemaining(e ->
                    assertSameTree(e.getValue(), actual.get(e.getKey()), label, pointer + "/" + e.getKey()));
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), label + " size at " + pointer);
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(expected.get(i), actual.get(i), label, pointer + "/" + i);
            }
        } else {
            assertEquals(expected, actual, label + " at " + pointer);
        }
    }

    private static List<String> iterate(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static List<Path> yamlFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<Path> sample() throws IOException {
        return yamlFiles(Registries.sample());
    }

    /** A registry from bench/GenerateCards.java, run as bench/run.sh runs it. */
    private List<Path> generated(int cards) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = dir.resolve("generated");
        Process p = new ProcessBuilder(java, "bench/GenerateCards.java", String.valueOf(cards), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        List<Path> files = yamlFiles(out);
        assertTrue(files.size() > cards, log);
        return files;
    }

    @Test
    void readsEverySampleCardAsTheReferenceDoes() throws IOException {
        List<Path> files = sample();
        assertTrue(files.size() > 20);
        for (Path f : files) {
            assertTrue(agree(f.toString(), Files.readAllBytes(f)), "the fast path declined " + f);
        }
    }

    @Test
    void readsTheBundledRiskPolicyAsTheReferenceDoes() throws IOException {
        // Every full validation reads it: declined, it costs a cold JVM SnakeYAML's whole scanner.
        // Keep its lists in block style or on one line; a flow list across lines is declined.
        String resource = "/dev/registry/risk/eu-ai-act.policy.yaml";
        try (var in = FastYamlReaderTest.class.getResourceAsStream(resource)) {
            assertTrue(agree(resource, in.readAllBytes()), "the fast path declined " + resource);
        }
    }

    @Test
    void readsEveryGeneratedCardAsTheReferenceDoes() throws Exception {
        for (Path f : generated(600)) {
            assertTrue(agree(f.toString(), Files.readAllBytes(f)), "the fast path declined " + f);
        }
    }

    @Test
    void agreesOnTheHostileCorpus() throws Exception {
        // The corpus lives with the CLI tests; its cases are package-private there.
        Class<?> corpus = Class.forName("dev.registry.cli.HostileInputTest");
        int inputs = 0;
        for (Method m : corpus.getDeclaredMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || m.getReturnType() != Stream.class) {
                continue;
            }
            m.setAccessible(true);
            List<?> cases = ((Stream<?>) m.invoke(null)).toList();
            for (Object c : cases) {
                Method files = c.getClass().getDeclaredMethod("files");
                files.setAccessible(true);
                for (Map.Entry<?, ?> e : ((Map<?, ?>) files.invoke(c)).entrySet()) {
                    agree(c + " " + e.getKey(), (byte[]) e.getValue());
                    inputs++;
                }
            }
        }
        assertTrue(inputs > 40, "found only " + inputs + " corpus inputs");
    }

    @Test
    void typesPlainScalarsAsYaml11Does() {
        String text = """
                a: 1.10
                b: NO
                c: 0123456
                d: "1.10"
                e:
                f: ~
                g: 1234567890
                h: 12345678901
                i: -2147483648
                j: +1234567890
                k: 2026-01-01
                l: 1e3
                m: on
                n: 'it''s'
                o: -0
                p: .5
                q: y
                r: 1.0.0
                s: [yes, '', 0, null, {t: false}]
                u: 0x1F
                v: -0755
                """;
        assertTrue(agree("scalars", text));
        JsonNode root = FastYamlReader.read(text).orElseThrow();
        assertTrue(root.path("a").isDouble());
        assertTrue(root.path("b").isBoolean());
        assertTrue(root.path("g").isInt());
        assertTrue(root.path("h").isLong());
        assertEquals("", root.path("e").textValue());
        assertTrue(root.path("f").isNull());
        assertEquals("it's", root.path("n").textValue());
    }

    /** The digits-and-dots shortcut past the resolver, on every nearby form the resolver types differently. */
    @Test
    void typesDigitsAndDotsAsTheResolverDoes() {
        for (String v : new String[] {"76", "0", "00", "07", "08", "0.84", "01.5", "00.0", "1.", "10.0", "99.6", "3.2.2",
                "1.2.3.4", "1..2", "0.0.0", "123456789", "1234567890", "12345678901", "123456789012345678901", "2026.01.01",
                "1.10", "0.", "9"}) {
            for (String text : new String[] {"a: " + v + "\n", "a: [" + v + ", x]\n", "a: {b: " + v + "}\n", "a:\n  - " + v + "\n"}) {
                agree(v, text); // fails on any difference; a declined text is the reference's alone
            }
        }
        JsonNode root = FastYamlReader.read("a: 76\nb: 0.84\nc: 3.2.2\n").orElseThrow();
        assertTrue(root.path("a").isInt());
        assertTrue(root.path("b").isDouble());
        assertEquals("3.2.2", root.path("c").textValue());
    }

    @Test
    void readsFoldedAndLiteralBlockScalars() {
        assertTrue(agree("folded", "a: >-\n  one\n  two\n\n  three\n\n\nb: >\n  x\n  y\n\n"));
        assertTrue(agree("literal", "a: |\n  one\n  two\n\n  three\nb: |-\n  x\n\n  y\n"));
        assertTrue(agree("in a list", "a:\n  - k: >-\n      folded\n      text\n    l: 1\n"));
        assertEquals("one two\nthree", FastYamlReader.read("a: >-\n  one\n  two\n\n  three\n").orElseThrow()
                .path("a").textValue());
    }

    @Test
    void readsABlockScalarWhoseHeaderEndsInSpacesOrAComment() {
        for (String text : new String[] {"a: >- # why\n  one\n  two\nb: 1\n", "a: | #x\n  one\n", "a: >   \n  one\n",
                "a: |-  # c: d\n  one\n\n  two\n", "a:\n  - k: > # c\n      x\n"}) {
            assertTrue(agree(text, text), "declined: " + text);
        }
        assertEquals("one two", FastYamlReader.read("a: >- # why\n  one\n  two\n").orElseThrow().path("a").textValue());
        // Not a comment without a space before it, and nothing else may follow the indicators.
        for (String text : new String[] {"a: >-#c\n  x\n", "a: > x\n  y\n", "a: |- - \n  x\n", "a: >-2 # c\n   x\n"}) {
            assertEquals(Optional.empty(), FastYamlReader.read(text), text);
            agree(text, text);
        }
    }

    @Test
    void declinesWhatItDoesNotTakeAndTheReferenceStillReadsIt() {
        for (String text : new String[] {
                "a: 0b101\n", "a: 0x123456789\n", "a: 1_000\n", "a: 1:20\n", "a: .inf\n", "a: \"x\\ty\"\n", "a: b\n  c\n",
                "a: >+\n  x\n", "a: >2\n   x\n", "a: |\n  x\n    y\n", "a: &x 1\n", "a: !t x\n", "? a\n: b\n",
                "---\na: 1\n", "a: 1\n...\n", "a:\n\tb: 1\n", "a: {b: c\n  , d: e}\n", "a: 'x\n  y'\n",
                "a: 1\na: 2\n", "a:\n  - b\n  -\n", "- a\n", "a: [b,]\n", "a: {b}\n", "a: [b: c]\n", "a: 1\r\nb: 2\r\n",
                "a: 99999999999999999999\n", "a: 1e400\n", "a: x: y\n", "  a: 1\n", "a: 1\n b: 2\n"}) {
            assertEquals(Optional.empty(), FastYamlReader.read(text), text);
            agree(text, text);
        }
    }

    @Test
    void agreesOnTheCornersOfTheSubset() {
        String[] handled = {
            "a:\n  b: 1\n # c\n  c: 2\n", "a: >-\n  x\n # c\nb: 1\n", "a: |\n  x\n\n  # not a comment\nb: 1\n", "a: 1",
            "ключ: значение\n", "a: \"x\" # c\nb: [1, 2] # c\n", "a: 'x'' # y'\n", "l:\n- a: 1\n  b: 2\n- c: 3\n",
            "a:\n- x\n- y\nb: 1\n", "a: -1\nb: -x\n", "a: x\n\n\n", "a: b #c: d\n", "a: ''\nb: \"\"\n", "a: >\n  x\n  \n  y", "a: |\n  x\n", "a: |\n  x\n\n", "a: |\n  x\n  ",
            "a:\n  - {b: c, d: [e, 'f', \"g\"]}\n  - [1, 2.5, -3, x y]\n", "\"a b\": 1\n'c''d': 2\n", "a: b:c\nd: http://x/y?z=1#f\n",
            "a: x y  z\n", "a:   x\n", "a:\n    - b: 1\n      c:\n        - d\n", "a: 😀\nb: [é, ü]\n"};
        for (String text : handled) {
            assertTrue(agree(text, text), "declined: " + text);
        }
        String longKey = "k".repeat(1100);
        for (String text : new String[] {longKey + ": 1\n", "'" + longKey + "': 1\n", "a: {" + longKey + ": 1}\n",
                "a: {'" + longKey + "': 1}\n"}) {
            assertEquals(Optional.empty(), FastYamlReader.read(text));
            agree("a long key", text);
        }
        for (String text : new String[] {"a : 1\n", "a: - x\n", "a: x\n  # c\n  y\n", "a:\u00A0b\n", "a: [x\n  , y]\n", "a: |\n\n  x\n"}) {
            agree(text, text);
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsLeftToTheReference() {
        String ok = "a: " + "[".repeat(StrictYamlReader.MAX_DEPTH - 1) + "]".repeat(StrictYamlReader.MAX_DEPTH - 1) + "\n";
        assertTrue(agree("deep", ok));
        String deep = "a: " + "[".repeat(StrictYamlReader.MAX_DEPTH) + "]".repeat(StrictYamlReader.MAX_DEPTH) + "\n";
        assertEquals(Optional.empty(), FastYamlReader.read(deep));
        agree("too deep", deep);
    }

    private static final String[] SCALARS = {
        "yes", "no", "on", "off", "Yes", "NO", "True", "FALSE", "y", "n", "~", "null", "Null", "NULL", "0x1F", "0b101",
        "0o17", "1e3", "1E3", "-1e3", "1e-400", "1e400", ".inf", "-.inf", ".nan", ".NaN", "012", "0", "-0", "+0", "+5",
        "1_000", "1_000.5", "2026-01-01", "2026-01-01T10:00:00Z", "1.10", "1.", ".5", "+.5", "3.0e-5", "1234567890",
        "2147483648", "-2147483648", "+12345678901", "123456789012345678", "1234567890123456789",
        "99999999999999999999", "1:20", "1:20.5", "<<", "=", "-", "- a", "a: b", "a #b", "a#b", "x  ", "''", "\"\"",
        "'it''s'", "\"a\\\"b\"", "\"\\u00e9\"", "[]", "{}", "[a, b]", "{a: 1}", "[a, [b, {c: d}]]", "[a,b]",
        "{a: [1, 2], b: 'x'}", ">-\n  folded\n  text", "|\n  lit\n\n  more", ">\n  a\n\n  b\n", "é", "😀 ok",
        "a\u2028b", "a\u0085b", "https://x.example/a?b=c&d", "R&D", "5*3", "done!", "-x", "?x", ":x", "x:", "%x",
        "@x", "`x`", "'a' b", "\"a\" #c", "[a] #c", "[a]#c", "[a, ]", "[a #c]", "{a: b, a: c}", "{a: }", "{? a}",
        "[a: b]", "|2\n   x", "| # c\n  x", "a \\ b", "\"\\\\\"", "'\\'", "\"\"\"", "'''", "[\"a\", 'b''c']"};

    private static final String[] INSERTS = {
        "\"", "'", ":", ": ", "#", " #", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "!t ", "|", ">", "?", "\\",
        "\t", "\r", "---\n", "...\n", "%", "é", "😀", "\u2028", "\u0085", " ", "  ", "\n", "\n  ", "\n- ", "x: ",
        "\uFEFF", "\0", "\u00A0"};

    @Test
    void agreesOnThousandsOfMutatedCards() throws Exception {
        List<String> bases = new ArrayList<>();
        for (Path f : sample()) {
            bases.add(Files.readString(f));
        }
        List<Path> gen = generated(40);
        for (Path f : gen) {
            bases.add(Files.readString(f));
        }
        // -Dfastyaml.seed=N -Dfastyaml.variants=M explores further than the suite's fixed sample.
        Random random = new Random(Long.getLong("fastyaml.seed", 20261123L));
        int handled = 0;
        int variants = Integer.getInteger("fastyaml.variants", 4000);
        for (int i = 0; i < variants; i++) {
            String text = bases.get(random.nextInt(bases.size()));
            int mutations = 1 + random.nextInt(3);
            StringBuilder how = new StringBuilder();
            for (int m = 0; m < mutations; m++) {
                text = mutate(text, random, how);
            }
            if (random.nextInt(10) == 0) {
                text = text.stripTrailing();
                how.append(" without the last line break");
            }
            if (agree("variant " + i + how + ":\n" + text, text)) {
                handled++;
            }
        }
        // Most single mutations keep a card inside the subset: a fast path that declines them all
        // would pass the comparisons above and pay nothing.
        assertTrue(handled > variants / 5, "the fast path handled only " + handled + " of " + variants);
    }

    @Test
    void agreesOnThousandsOfGeneratedDocuments() {
        // Mutations stay close to the shapes of real cards; these documents nest every block and
        // flow form the fast path takes, in every indentation, with comments and blank lines.
        Random random = new Random(Long.getLong("fastyaml.seed", 7L));
        int handled = 0;
        int documents = Integer.getInteger("fastyaml.variants", 4000) / 2;
        for (int i = 0; i < documents; i++) {
            StringBuilder out = new StringBuilder();
            new Emitter(random, out).mapping(0, 0);
            String text = out.toString();
            if (agree("document " + i + ":\n" + text, text)) {
                handled++;
            }
        }
        assertTrue(handled > documents * 3 / 4, "the fast path handled only " + handled + " of " + documents);
    }

    /** Writes random YAML in the shapes of the subset, now and then a little outside it. */
    private record Emitter(Random r, StringBuilder out) {
        private static final String[] WORDS = {"x", "credit-scorer", "team:ml", "a b", "1.0.0", "2026-01-01", "é ü",
            "https://x.example/a?b", "R&D", "yes", "No", "~", "null", "1.10", "7", "-3", "0", "1e3", "0x1F", "0755",
            "12345678901", "true", "Off", "y", "a#b", "-x", "<<", ".5", "100%", "a,b", "a:b", "😀"};

        void mapping(int indent, int depth) {
            int keys = 1 + r.nextInt(depth == 0 ? 8 : 4);
            for (int k = 0; k < keys; k++) {
                if (k > 0) {
                    out.append(" ".repeat(indent));
                }
                out.append(r.nextInt(8) == 0 ? "'k" + k + "'" : "k" + k).append(':');
                value(indent, depth + 1, true);
                noise(indent);
            }
        }

        private void value(int indent, int depth, boolean inMapping) {
            int step = 1 + r.nextInt(4);
            int kind = depth > 5 ? 0 : r.nextInt(7);
            switch (kind) {
                case 0, 1 -> out.append(' ').append(scalar()).append(comment()).append('\n');
                case 2 -> { // nested mapping
                    out.append(comment()).append('\n');
                    out.append(" ".repeat(indent + step));
                    mapping(indent + step, depth);
                }
                case 3 -> { // block sequence, indented or not
                    out.append(comment()).append('\n');
                    int at = inMapping && r.nextBoolean() ? indent : indent + step;
                    int items = 1 + r.nextInt(3);
                    for (int i = 0; i < items; i++) {
                        out.append(" ".repeat(at)).append('-');
                        if (r.nextInt(3) == 0) {
                            int gap = 1 + r.nextInt(2);
                            out.append(" ".repeat(gap));
                            mapping(at + 1 + gap, depth + 1);
                        } else {
                            value(at, depth + 1, false);
                        }
                    }
                }
                case 4 -> out.append(' ').append(flow(depth)).append(comment()).append('\n');
                case 5 -> { // block scalar
                    if (!inMapping) {
                        out.append(" x\n");
                        return;
                    }
                    out.append(' ').append(r.nextBoolean() ? '>' : '|').append(r.nextBoolean() ? "-" : "").append('\n');
                    int lines = 1 + r.nextInt(4);
                    for (int i = 0; i < lines; i++) {
                        out.append(r.nextInt(4) == 0 && i > 0 ? "\n" : "")
                                .append(" ".repeat(indent + step)).append(WORDS[r.nextInt(WORDS.length)]).append('\n');
                    }
                }
                default -> out.append(' ').append(quoted()).append(comment()).append('\n');
            }
        }

        private String flow(int depth) {
            if (depth > 6 || r.nextInt(3) == 0) {
                return r.nextBoolean() ? scalar() : quoted();
            }
            StringBuilder f = new StringBuilder();
            boolean map = r.nextBoolean();
            f.append(map ? '{' : '[');
            int items = r.nextInt(4);
            for (int i = 0; i < items; i++) {
                f.append(i > 0 ? (r.nextBoolean() ? ", " : ",") : "");
                if (map) {
                    f.append("f").append(i).append(": ");
                }
                f.append(flow(depth + 1));
            }
            return f.append(map ? '}' : ']').toString();
        }

        private String scalar() {
            return WORDS[r.nextInt(WORDS.length)];
        }

        private String quoted() {
            String w = WORDS[r.nextInt(WORDS.length)];
            return r.nextBoolean() ? "\"" + w + "\"" : "'" + w.replace("'", "''") + "'";
        }

        private String comment() {
            return r.nextInt(6) == 0 ? " # note" : "";
        }

        private void noise(int indent) {
            int n = r.nextInt(8);
            if (n == 0) {
                out.append('\n');
            } else if (n == 1) {
                out.append(" ".repeat(r.nextInt(indent + 3))).append("# comment\n");
            }
        }
    }

    private static String mutate(String text, Random r, StringBuilder how) {
        String[] lines = text.split("\n", -1);
        int ln = r.nextInt(lines.length);
        String l = lines[ln];
        switch (r.nextInt(9)) {
            case 0 -> { // indentation
                int d = r.nextInt(5) - 2;
                lines[ln] = d >= 0 ? " ".repeat(d) + l : l.startsWith(" ".repeat(-d)) ? l.substring(-d) : l.stripLeading();
                how.append(" indent ").append(ln).append(' ').append(d);
            }
            case 1, 2, 3 -> { // a special value
                int colon = l.indexOf(": ");
                int dash = l.indexOf("- ");
                int at = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : -1;
                String s = SCALARS[r.nextInt(SCALARS.length)];
                if (at >= 0) {
                    String indent = " ".repeat(l.length() - l.stripLeading().length() + 2);
                    lines[ln] = l.substring(0, at) + s.replace("\n  ", "\n" + indent);
                } else {
                    lines[ln] = l + " " + s;
                }
                how.append(" value ").append(ln).append(' ').append(s);
            }
            case 4, 5 -> { // an insertion
                String s = INSERTS[r.nextInt(INSERTS.length)];
                int at = r.nextInt(l.length() + 1);
                lines[ln] = l.substring(0, at) + s + l.substring(at);
                how.append(" insert ").append(ln).append(':').append(at).append(' ').append(s.replace("\n", "\\n"));
            }
            case 6 -> { // a deletion
                if (!l.isEmpty()) {
                    int at = r.nextInt(l.length());
                    lines[ln] = l.substring(0, at) + l.substring(at + 1);
                    how.append(" delete ").append(ln).append(':').append(at);
                }
            }
            case 7 -> { // a repeated or moved line
                int other = r.nextInt(lines.length);
                if (r.nextBoolean()) {
                    lines[other] = l;
                    how.append(" copy ").append(ln).append(" to ").append(other);
                } else {
                    lines[ln] = lines[other];
                    lines[other] = l;
                    how.append(" swap ").append(ln).append(' ').append(other);
                }
            }
            default -> { // trailing spaces, blank lines, comments
                String[] tails = {"  ", " ", "\n", "\n\n", "\n# note", "\n   ", " # note", "\n  # note"};
                String s = tails[r.nextInt(tails.length)];
                lines[ln] = l + s;
                how.append(" tail ").append(ln).append(' ').append(s.replace("\n", "\\n"));
            }
        }
        return String.join("\n", lines);
    }
}
