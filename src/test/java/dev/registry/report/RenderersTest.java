package dev.registry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.ToolVersion;
import dev.registry.check.ValidationReport;
import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {

    static final Finding OWNER = Finding.error("owner-unknown", "models/credit-scorer/1.0.0.yaml", new Location(6, 10),
            "/owners/0", "owner `team:x` is not defined in owners.yaml", "did you mean `team:y`?").withRelated(List.of("owners.yaml"));
    static final Finding SYNTAX = Finding.error("yaml-syntax", "deployments/a b.yaml", new Location(2, 1), "",
            "invalid YAML: 100% broken, really:\nyes", "");
    static final Finding WARNING = Finding.warning("deployment-deprecated", "deployments/prod.yaml", new Location(5, 10),
            "/version", "prod deployment `prod` runs m@1.0.0, which is deprecated", "move it");

    /** What one render wrote to results and to diagnostics. */
    record Rendered(String results, String diagnostics) {
    }

    static Rendered render(FindingsRenderer renderer, ValidationReport report, String prefix, boolean color) {
        StringWriter results = new StringWriter();
        StringWriter diagnostics = new StringWriter();
        renderer.render(report, new Output(new PrintWriter(results), new PrintWriter(diagnostics), prefix, color));
        return new Rendered(results.toString(), diagnostics.toString());
    }

    static ValidationReport report(Finding... findings) {
        return new ValidationReport("working tree", 4, List.of(findings));
    }

    @Test
    void textPutsDiagnosticsOnStderrInFileOrderAndTheSummaryOnStdout() {
        Rendered r = render(new TextRenderer(), report(OWNER, WARNING, SYNTAX), "reg/", false);
        assertEquals("""
                reg/deployments/a b.yaml:2:1: error: invalid YAML: 100% broken, really:\\nyes [yaml-syntax]
                reg/deployments/prod.yaml:5:10: warning: prod deployment `prod` runs m@1.0.0, which is deprecated [deployment-deprecated]
                    hint: move it
                reg/models/credit-scorer/1.0.0.yaml:6:10: error: owner `team:x` is not defined in owners.yaml [owner-unknown]
                    hint: did you mean `team:y`?
                """, r.diagnostics());
        assertEquals("failed: 4 files checked in the working tree: 2 errors, 1 warning\n", r.results());
    }

    @Test
    void textSummaries() {
        assertEquals("ok: 4 files checked in the working tree, no problems\n", render(new TextRenderer(), report(), "", false).results());
        assertEquals("ok: 4 files checked in the working tree: 0 errors, 1 warning\n",
                render(new TextRenderer(), report(WARNING), "", false).results());
        assertEquals("failed: 1 file checked in the index: 1 error, 0 warnings\n",
                render(new TextRenderer(), new ValidationReport("index", 1, List.of(OWNER)), "", false).results());
    }

    @Test
    void textColoursOnlyTheSeverity() {
        String line = render(new TextRenderer(), report(OWNER), "", true).diagnostics().lines().findFirst().orElseThrow();
        assertEquals("models/credit-scorer/1.0.0.yaml:6:10: \u001b[1;31merror\u001b[0m: owner `team:x` is not defined in owners.yaml"
                + " [owner-unknown]", line);
    }

    @Test
    void textEscapesControlCharacters() {
        assertEquals("a\\nb\\tc\\u001b[2Jd\\u0085e", TextRenderer.printable("a\nb\tc\u001b[2Jd\u0085e"));
        String plain = "plain `text` é ✓";
        assertTrue(plain == TextRenderer.printable(plain));
    }

    @Test
    void jsonHasCountsAndOneObjectPerFinding() throws Exception {
        Rendered r = render(new JsonRenderer(), report(OWNER, WARNING), "reg/", false);
        assertEquals("", r.diagnostics());
        JsonNode root = new ObjectMapper().readTree(r.results());
        assertEquals("working tree", root.path("source").asText());
        assertEquals(4, root.path("files").asInt());
        assertEquals(false, root.path("ok").asBoolean());
        assertEquals(1, root.path("errors").asInt());
        assertEquals(1, root.path("warnings").asInt());
        JsonNode f = root.path("findings").get(1);
        assertEquals("owner-unknown", f.path("ruleId").asText());
        assertEquals("error", f.path("severity").asText());
        assertEquals("models/credit-scorer/1.0.0.yaml", f.path("path").asText());
        assertEquals("reg/models/credit-scorer/1.0.0.yaml", f.path("file").asText());
        assertEquals(6, f.path("line").asInt());
        assertEquals(10, f.path("column").asInt());
        assertEquals("/owners/0", f.path("pointer").asText());
        assertEquals("did you mean `team:y`?", f.path("hint").asText());
        assertEquals("owners.yaml", f.path("related").get(0).asText());
        assertEquals("warning", root.path("findings").get(0).path("severity").asText());
    }

    @Test
    void jsonOfACleanReportIsOk() throws Exception {
        JsonNode root = new ObjectMapper().readTree(render(new JsonRenderer(), report(), "", false).results());
        assertTrue(root.path("ok").asBoolean());
        assertTrue(root.path("findings").isArray());
        assertEquals(0, root.path("findings").size());
    }

    @Test
    void githubWritesWorkflowCommandsWithEscapedData() {
        Rendered r = render(new GithubRenderer(), report(OWNER, SYNTAX, WARNING), "", false);
        List<String> lines = r.results().lines().toList();
        assertEquals("::error file=deployments/a b.yaml,line=2,col=1,title=yaml-syntax::invalid YAML: 100%25 broken, really:%0Ayes",
                lines.get(0));
        assertEquals("::warning file=deployments/prod.yaml,line=5,col=10,title=deployment-deprecated::"
                + "prod deployment `prod` runs m@1.0.0, which is deprecated%0Amove it", lines.get(1));
        assertEquals("::error file=models/credit-scorer/1.0.0.yaml,line=6,col=10,title=owner-unknown::"
                + "owner `team:x` is not defined in owners.yaml%0Adid you mean `team:y`?", lines.get(2));
        assertEquals("failed: 4 files checked in the working tree: 2 errors, 1 warning", lines.get(3));
        assertEquals(4, lines.size());
    }

    @Test
    void githubEscapesPropertySeparatorsInFileNames() {
        Finding odd = Finding.error("x", "models/a,b:c/1.0.0.yaml", new Location(1, 1), "", "m", "");
        assertTrue(render(new GithubRenderer(), report(odd), "", false).results()
                .startsWith("::error file=models/a%2Cb%3Ac/1.0.0.yaml,line=1,col=1,title=x::m\n"));
    }

    @Test
    void sarifHasTheShapeOf210() throws Exception {
        Rendered r = render(new SarifRenderer(), report(OWNER, SYNTAX, WARNING), "reg/", false);
        JsonNode root = new ObjectMapper().readTree(r.results());
        assertEquals("2.1.0", root.path("version").asText());
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", root.path("$schema").asText());
        assertEquals(1, root.path("runs").size());
        JsonNode run = root.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertEquals("registry", driver.path("name").asText());
        assertEquals(ToolVersion.get(), driver.path("version").asText());
        assertEquals(List.of("deployment-deprecated", "owner-unknown", "yaml-syntax"),
                driver.path("rules").findValuesAsText("id"));
        driver.path("rules").forEach(rule -> assertTrue(rule.path("shortDescription").path("text").isTextual()));
        assertEquals("unicodeCodePoints", run.path("columnKind").asText());
        JsonNode results = run.path("results");
        assertEquals(3, results.size());
        JsonNode first = results.get(0);
        assertEquals("yaml-syntax", first.path("ruleId").asText());
        assertEquals("error", first.path("level").asText());
        assertEquals("invalid YAML: 100% broken, really:\nyes", first.path("message").path("text").asText());
        JsonNode location = first.path("locations").get(0).path("physicalLocation");
        assertEquals("reg/deployments/a%20b.yaml", location.path("artifactLocation").path("uri").asText());
        assertEquals(2, location.path("region").path("startLine").asInt());
        assertEquals(1, location.path("region").path("startColumn").asInt());
        assertEquals("warning", results.get(1).path("level").asText());
        assertEquals("owner `team:x` is not defined in owners.yaml (did you mean `team:y`?)",
                results.get(2).path("message").path("text").asText());
    }

    @Test
    void sarifOfACleanReportHasAnEmptyResultsArray() throws Exception {
        JsonNode run = new ObjectMapper().readTree(render(new SarifRenderer(), report(), "", false).results()).path("runs").get(0);
        assertTrue(run.path("results").isArray());
        assertEquals(0, run.path("results").size());
    }

    @Test
    void sarifUrisAreEncodedAndAbsolutePathsAreFileUris() {
        assertEquals("models/caf%C3%A9/1.0.0.yaml", SarifRenderer.uri("models/café/1.0.0.yaml"));
        assertEquals("file:///tmp/my%20reg/owners.yaml", SarifRenderer.uri("/tmp/my reg/owners.yaml"));
    }

    @Test
    void eachFormatHasItsRenderer() {
        assertInstanceOf(TextRenderer.class, Format.TEXT.renderer());
        assertInstanceOf(JsonRenderer.class, Format.JSON.renderer());
        assertInstanceOf(GithubRenderer.class, Format.GITHUB.renderer());
        assertInstanceOf(SarifRenderer.class, Format.SARIF.renderer());
    }
}
