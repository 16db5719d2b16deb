package dev.registry.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictYamlReaderTest {

    private final StrictYamlReader reader = new StrictYamlReader();

    private YamlDocument parse(String text) {
        StrictYamlReader.Result r = reader.read("card.yaml", text.getBytes(StandardCharsets.UTF_8));
        if (r instanceof StrictYamlReader.Rejected rej) {
            throw new AssertionError("rejected: " + rej.finding());
        }
        return ((StrictYamlReader.Parsed) r).document();
    }

    private Finding reject(String text) {
        return reject(text.getBytes(StandardCharsets.UTF_8));
    }

    private Finding reject(byte[] bytes) {
        StrictYamlReader.Result r = reader.read("card.yaml", bytes);
        return assertInstanceOf(StrictYamlReader.Rejected.class, r, "expected a rejection").finding();
    }

    @Test
    void recordsTheLocationOfEveryKeyAndValueByPointer() {
        YamlDocument doc = parse("""
                # leading comment
                name: credit-scorer
                lifecycle:
                  stage: production
                owners: [team:a, "team:b"]
                """);
        assertEquals("credit-scorer", doc.root().path("name").asText());
        assertEquals(new Location(2, 1), doc.keyAt("/name"));
        assertEquals(new Location(2, 7), doc.valueAt("/name"));
        assertEquals(new Location(4, 3), doc.keyAt("/lifecycle/stage"));
        assertEquals(new Location(4, 10), doc.valueAt("/lifecycle/stage"));
        assertEquals(new Location(5, 10), doc.valueAt("/owners/0"));
        assertEquals(new Location(5, 18), doc.valueAt("/owners/1"));
    }

    @Test
    void aMissingPointerFallsBackToItsNearestAncestor() {
        YamlDocument doc = parse("lifecycle:\n  stage: production\n");
        assertEquals(new Location(2, 3), doc.valueAt("/lifecycle/deprecation/replacement"));
        assertEquals(new Location(1, 1), doc.keyAt("/lifecycle"));
        assertEquals(doc.valueAt("/lifecycle/nope"), doc.keyAt("/lifecycle/nope"));
    }

    @Test
    void keysWithSlashesAndTildesAreEscapedInPointers() {
        YamlDocument doc = parse("\"a/b\": 1\n\"c~d\": 2\n");
        assertEquals(new Location(1, 1), doc.keyAt("/a~1b"));
        assertEquals(new Location(2, 1), doc.keyAt("/c~0d"));
        assertEquals("/x/a~1b~0", YamlDocument.child("/x", "a/b~"));
    }

    @Test
    void plainScalarsThatYamlReadsAsOtherTypesAreRememberedWithTheirText() {
        YamlDocument doc = parse("version: 1.10\nregion: NO\ncommit: 0123456\nquoted: \"1.10\"\nempty:\nnull: ~\n");
        assertEquals(1.1, doc.root().path("version").doubleValue());
        assertEquals("1.10", doc.coerced().get("/version"));
        assertTrue(doc.root().path("region").isBoolean());
        assertEquals("NO", doc.coerced().get("/region"));
        assertEquals("0123456", doc.coerced().get("/commit"));
        assertTrue(doc.root().path("quoted").isTextual());
        assertFalse(doc.coerced().containsKey("/quoted"));
        // An empty value stays an empty string (EMPTY_STRING_AS_NULL off), `~` is null.
        assertEquals("", doc.root().path("empty").textValue());
        assertTrue(doc.root().path("null").isNull());
    }

    @Test
    void integersKeepTheirSize() {
        JsonNode root = parse("small: 7\nlong: 12345678901\nbig: 123456789012345678901234567890\n").root();
        assertTrue(root.path("small").isInt());
        assertTrue(root.path("long").isLong());
        assertTrue(root.path("big").isBigInteger());
    }

    @Test
    void duplicateKeysAreRefusedAtTheSecondKey() {
        Finding f = reject("a: 1\nb:\n  c: 1\n  c: 2\n");
        assertEquals("yaml-duplicate-key", f.ruleId());
        assertEquals(4, f.line());
        assertEquals(3, f.column());
        assertEquals("duplicate key `c` (first defined at line 3)", f.message());
    }

    @Test
    void theSameKeyInDifferentMappingsIsFine() {
        parse("a: {name: x}\nb: {name: y}\n");
    }

    @Test
    void anchorsAliasesAndTagsAreRefusedWhereTheyStand() {
        assertFinding(reject("a: &x 1\n"), "yaml-anchor", 1, 4);
        assertFinding(reject("a: [1, *x]\n"), "yaml-alias", 1, 8);
        assertFinding(reject("a: !!int \"1\"\n"), "yaml-tag", 1, 4);
        assertFinding(reject("a:\n  - !local x\n"), "yaml-tag", 2, 5);
        assertFinding(reject("&k a: 1\n"), "yaml-anchor", 1, 1);
        assertEquals("YAML tag `!local` is not allowed", reject("a: !local x\n").message());
        assertEquals("YAML tag `!!int` is not allowed", reject("a: !!int 1\n").message());
    }

    @Test
    void anchorsOnScalarsAreRefusedWhereverATokenCanStart() {
        // Jackson does not report an anchor on a scalar: the pre-pass does, wherever one can stand.
        assertFinding(reject("a: &x v\n"), "yaml-anchor", 1, 4);
        assertFinding(reject("a: [b, &x v]\n"), "yaml-anchor", 1, 8);
        assertFinding(reject("a: [b,&x v]\n"), "yaml-anchor", 1, 7);
        assertFinding(reject("a: {b: &x v}\n"), "yaml-anchor", 1, 8);
        assertFinding(reject("a:\n  - &x v\n"), "yaml-anchor", 2, 5);
        assertFinding(reject("a: R&D\nb: &x v\n"), "yaml-anchor", 2, 4);
    }

    @Test
    void onlyAnAmpersandStarOrBangThatCouldStartATokenCostsThePrePass() {
        for (String text : new String[] {"a: R&D", "a: 5*3", "a: done!", "a: Q&A!"}) {
            assertFalse(StrictYamlReader.mayHoldAnchorAliasOrTag(text), text);
            assertEquals(text.substring(3), parse(text + "\n").root().path("a").asText());
        }
        for (String text : new String[] {"&a", "a: &x", "a: *x", "a: !t", "a: [&x]", "a: {b: *x}", "a:\t!t", "a: é&x", "a: \"&x\"",
                "- !t", "a,&x", "a:&x"}) {
            assertTrue(StrictYamlReader.mayHoldAnchorAliasOrTag(text), text);
        }
    }

    @Test
    void ampersandsStarsAndBangsInsideStringsAreJustText() {
        JsonNode root = parse("url: \"https://x.example/?a=1&b=2\"\nnote: 'use *bold* text!'\nplain: a & b!\n").root();
        assertEquals("https://x.example/?a=1&b=2", root.path("url").asText());
        assertEquals("use *bold* text!", root.path("note").asText());
        assertEquals("a & b!", root.path("plain").asText());
    }

    @Test
    void nestingIsBounded() {
        String ok = "a: " + "[".repeat(StrictYamlReader.MAX_DEPTH - 1) + "]".repeat(StrictYamlReader.MAX_DEPTH - 1) + "\n";
        parse(ok);
        String deep = "a: " + "[".repeat(StrictYamlReader.MAX_DEPTH) + "]".repeat(StrictYamlReader.MAX_DEPTH) + "\n";
        Finding f = reject(deep);
        assertEquals("yaml-too-deep", f.ruleId());
        assertEquals(1, f.line());
        assertEquals(3 + StrictYamlReader.MAX_DEPTH, f.column());
    }

    @Test
    void sizeIsCheckedBeforeReading() {
        assertTrue(StrictYamlReader.checkSize("x.yaml", StrictYamlReader.MAX_BYTES).isEmpty());
        Finding f = StrictYamlReader.checkSize("x.yaml", StrictYamlReader.MAX_BYTES + 1L).orElseThrow();
        assertEquals("yaml-too-large", f.ruleId());
        assertEquals("x.yaml", f.path());
        byte[] big = ("a: \"" + "x".repeat(StrictYamlReader.MAX_BYTES) + "\"\n").getBytes(StandardCharsets.UTF_8);
        assertEquals("yaml-too-large", reject(big).ruleId());
    }

    @Test
    void encodingProblemsAreLocated() {
        Finding utf8 = reject(new byte[] {'a', ':', ' ', (byte) 0xC3, '\n'});
        assertFinding(utf8, "yaml-encoding", 1, 4);
        // Columns count characters, not bytes: é is two bytes but one column.
        Finding afterAccent = reject(new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, '\n'});
        assertFinding(afterAccent, "yaml-encoding", 1, 5);
        assertFinding(reject(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ':', ' ', '1'}), "yaml-bom", 1, 1);
        assertFinding(reject("a: 1\nb: x\0y\n"), "yaml-encoding", 2, 5);
        // Columns count code points: each emoji is one column, though two UTF-16 chars.
        assertFinding(reject("a: \uD83D\uDE00\uD83D\uDE00 x\0\n"), "yaml-encoding", 1, 8);
    }

    @Test
    void loneSurrogatesFromEscapesAreRefused() {
        Finding value = reject("a: 1\nb: \"x\\ud800y\"\n");
        assertFinding(value, "yaml-encoding", 2, 4);
        assertEquals("the text holds a lone surrogate \\ud800, which is not a character", value.message());
        assertFinding(reject("\"k\\udc00\": 1\n"), "yaml-encoding", 1, 1);
        assertEquals("\uD83D\uDE00", parse("a: \"\\ud83d\\ude00\"\n").root().path("a").asText());
    }

    @Test
    void documentShapeIsChecked() {
        assertFinding(reject(""), "yaml-empty", 1, 1);
        assertFinding(reject("\n# only a comment\n"), "yaml-empty", 1, 1);
        assertFinding(reject("---\n"), "yaml-empty", 1, 1);
        assertFinding(reject("- a\n"), "yaml-not-mapping", 1, 1);
        assertFinding(reject("just text\n"), "yaml-not-mapping", 1, 1);
        assertFinding(reject("a: 1\n---\nb: 2\n"), "yaml-multiple-documents", 3, 1);
        parse("---\na: 1\n...\n");
    }

    @Test
    void syntaxErrorsUseSnakeYamlsPosition() {
        Finding tab = reject("a:\n\tb: 1\n");
        assertFinding(tab, "yaml-syntax", 2, 1);
        assertEquals("YAML indentation must use spaces, not tabs", tab.hint());
        assertFinding(reject("a: [1, 2\nb: 3\n"), "yaml-syntax", 2, 2);
    }

    @Test
    void numbersThatMeanNothingInACardAreRefused() {
        assertFinding(reject("a: .nan\n"), "yaml-non-finite", 1, 4);
        assertFinding(reject("a: -.inf\n"), "yaml-non-finite", 1, 4);
        assertFinding(reject("a: 1e400\n"), "yaml-non-finite", 1, 4);
        Finding longNumber = reject("a: " + "1".repeat(101) + "\n");
        assertFinding(longNumber, "yaml-too-large", 1, 4);
        // Underflow is still a finite number.
        assertEquals(0.0, parse("a: 1e-400\n").root().path("a").doubleValue());
    }

    private static void assertFinding(Finding f, String rule, int line, int column) {
        assertEquals(rule + " at " + line + ":" + column, f.ruleId() + " at " + f.line() + ":" + f.column(), f.toString());
        assertEquals("card.yaml", f.path());
    }
}
