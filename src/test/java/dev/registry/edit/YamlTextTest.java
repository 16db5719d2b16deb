package dev.registry.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.card.CardKind;
import dev.registry.source.StrictYamlReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlTextTest {

    /** Strings YAML 1.1 or a careless writer would turn into numbers, booleans, nulls or syntax. */
    static final List<String> TRICKY = List.of("1.10", "1.0", "no", "NO", "Yes", "off", "On", "y", "N", "true", "null",
            "~", "", " leading", "trailing ", "0755", "0123456", "1e3", "0x1F", ".inf", "-.inf", ".NaN", "1:20",
            "2026-10-02", "- item", "a: b", "ends:", "#hash", "x #comment", "@at", "`tick", "'single'", "\"double\"",
            "[list]", "{map}", "a, b", "what?", "!tag", "&anchor", "*alias", "|", ">", "%percent", "=SUM(A1)",
            "line\nbreak", "tab\there", "back\\slash", "nul\u0000x", "bell\u0007", "\u2028sep", "\ufeffbom", "é ünïcode 🚀",
            "2.1.0", "1.0.0-rc.1", "1.0.0+build.5", "team:credit-ml", "carol@example.com", "s3://bucket/key?x=1",
            "Plain words with spaces.", "credit-scorer@2.0.3");

    @Test
    void everyStringReadsBackAsTheSameString() {
        StrictYamlReader reader = new StrictYamlReader();
        for (String s : TRICKY) {
            String block = "a: " + YamlText.scalar(YamlValue.text(s)) + "\n";
            String flow = "a: [" + YamlText.scalar(YamlValue.text(s)) + ", x]\n";
            for (String doc : List.of(block, flow)) {
                var r = reader.read("t.yaml", doc.getBytes(StandardCharsets.UTF_8));
                assertTrue(r instanceof StrictYamlReader.Parsed, () -> "`" + s + "` rendered as " + doc + " fails: " + r);
                JsonNode a = ((StrictYamlReader.Parsed) r).document().root().path("a");
                JsonNode v = a.isArray() ? a.get(0) : a;
                assertTrue(v.isTextual(), () -> "`" + s + "` rendered as " + doc + " reads as " + v.getNodeType());
                assertEquals(s, v.textValue(), doc);
            }
        }
    }

    @Test
    void versionsAndIdsStayPlainOnlyWhenSafe() {
        assertEquals("2.1.0", YamlText.scalar(YamlValue.text("2.1.0")));
        assertEquals("\"1.10\"", YamlText.scalar(YamlValue.text("1.10")));
        assertEquals("\"0123456\"", YamlText.scalar(YamlValue.text("0123456")));
        assertEquals("\"no\"", YamlText.scalar(YamlValue.text("no")));
        assertEquals("\"2026-10-02\"", YamlText.scalar(YamlValue.text("2026-10-02")));
        assertEquals("team:credit-ml", YamlText.scalar(YamlValue.text("team:credit-ml")));
    }

    @Test
    void newCardFollowsTheSchemaKeyOrderWhateverTheInputOrder() {
        Map<String, YamlValue> f = new LinkedHashMap<>();
        f.put("lifecycle", new YamlValue.Mapping(Map.of("stage", YamlValue.text("experimental"))));
        f.put("owners", YamlValue.strings(List.of("team:ml-platform")));
        f.put("intendedUse", YamlValue.strings(List.of("Score loan applications", "Explain scores")));
        f.put("version", YamlValue.text("1.0.0"));
        f.put("name", YamlValue.text("credit-scorer"));
        f.put("kind", YamlValue.text("Model"));
        f.put("apiVersion", YamlValue.text("registry/v1"));
        f.put("provider", YamlValue.text("internal"));
        f.put("contextWindow", new YamlValue.Int(128000));
        String text = YamlText.document(List.of("a comment"), new YamlValue.Mapping(f), KeyOrder.of(CardKind.MODEL));
        assertEquals("""
                # a comment
                apiVersion: registry/v1
                kind: Model
                name: credit-scorer
                version: 1.0.0
                provider: internal
                intendedUse:
                  - Score loan applications
                  - Explain scores
                owners: [team:ml-platform]
                contextWindow: 128000
                lifecycle:
                  stage: experimental
                """, text);
    }

    @Test
    void keyOrderComesFromTheSchema() {
        KeyOrder o = KeyOrder.of(CardKind.MODEL);
        assertEquals(List.of("stage", "deprecation"), o.keys(List.of("lifecycle")));
        assertEquals(List.of("stage", "by", "role", "date", "comment"), o.keys(List.of("approvals", KeyOrder.ITEMS)));
        assertEquals(List.of("uri", "sha256"), o.keys(List.of("lineage", "artifact")));
        assertEquals(List.of(), o.keys(List.of("nonsense")));
    }
}
