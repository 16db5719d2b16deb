package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.edit.ModelField;
import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void registry() {
        Registries.minimal(dir);
    }

    private void csv(String text) {
        Registries.write(dir, "models.csv", text);
    }

    private long cards() throws IOException {
        if (!Files.exists(dir.resolve("models"))) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir.resolve("models"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).count();
        }
    }

    @Test
    void importsASpreadsheetExportWithBomCrlfQuotesAndLineBreaks() throws IOException {
        csv("\ufeffName,Version,Provider,Owner,Use Domain,data_tags,Description,contextWindow,fallbacks\r\n"
                + "credit-scorer,1.0.0,internal,team:ml-platform,credit,pii; financial,\"Scores \"\"loans\"\",\nfor humans\",,\r\n"
                + "credit-scorer,1.1.0,internal,alice@example.com;team:ml-platform,credit,,,,credit-scorer@1.0.0\r\n"
                + "\r\n"
                + "chat,2.0.0,openai,team:ml-platform,,,,128000,\r\n");
        var r = Cli.in(dir).run("import", "--csv", "models.csv");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("imported 3 model versions from models.csv\n", r.out());
        assertEquals("", r.err());
        assertEquals("""
                apiVersion: registry/v1
                kind: Model
                name: credit-scorer
                version: 1.0.0
                provider: internal
                description: "Scores \\"loans\\",\\nfor humans"
                useDomains: [credit]
                owners: [team:ml-platform]
                dataTags: [pii, financial]
                lifecycle:
                  stage: experimental
                """, Registries.read(dir.resolve("models/credit-scorer/1.0.0.yaml")));
        assertTrue(Registries.read(dir.resolve("models/credit-scorer/1.1.0.yaml"))
                .contains("owners: [alice@example.com, team:ml-platform]\nfallbacks: [credit-scorer@1.0.0]\n"));
        assertTrue(Registries.read(dir.resolve("models/chat/2.0.0.yaml")).contains("contextWindow: 128000\n"));
        assertEquals(0, Cli.in(dir).run("validate").exit());
    }

    @Test
    void aListItemHoldingASemicolonSurvivesExportAndImport(@TempDir Path other) throws IOException {
        csv("name,version,provider,owners,intendedUse\n"
                + "chat,1.0.0,internal,team:ml-platform,Answering questions (links to the form\\; takes no claims);Summaries\n");
        assertEquals(0, Cli.in(dir).run("import", "--csv", "models.csv").exit());
        assertTrue(Registries.read(dir.resolve("models/chat/1.0.0.yaml"))
                .contains("intendedUse:\n  - \"Answering questions (links to the form; takes no claims)\"\n  - Summaries\n"),
                Registries.read(dir.resolve("models/chat/1.0.0.yaml")));

        var exported = Cli.in(dir).run("export", "--kind", "models", "--columns", "model,version,provider,owners,intendedUse");
        assertEquals(0, exported.exit(), exported.toString());
        assertTrue(exported.out().contains("chat,1.0.0,internal,team:ml-platform,Answering questions (links to the form\\; takes no claims);Summaries\r\n"),
                exported.out());
        Registries.minimal(other);
        Registries.write(other, "models.csv", exported.out());
        assertEquals(0, Cli.in(other).run("import", "--csv", "models.csv").exit());
        assertEquals(Registries.read(dir.resolve("models/chat/1.0.0.yaml")), Registries.read(other.resolve("models/chat/1.0.0.yaml")));
    }

    @Test
    void unknownAndMissingColumnsRefuseTheFile() throws IOException {
        csv("name,versoin,provider,owners,colour\ncredit-scorer,1.0.0,internal,team:ml-platform,red\n");
        var r = Cli.in(dir).run("import", "--csv", "models.csv");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("""
                models.csv:1:1: error: missing required column version [csv-column-missing]
                    hint: every model card needs name, version, provider and owners
                models.csv:1:6: error: unknown column `versoin` [csv-column-unknown]
                    hint: did you mean `version`?
                models.csv:1:30: error: unknown column `colour` [csv-column-unknown]
                    hint: known columns: name, version, provider, description, modality, capabilities, useDomains, intendedUse, disallowedUse, owners, dataTags, contextWindow, dataResidency, fallbacks, stage
                registry: error: nothing was written: import 1 model versions from models.csv was refused (3 errors)
                """, r.err());
        assertEquals(0, cards());
    }

    @Test
    void aSemicolonSeparatedFileIsSaidToBeOneWithHowToSaveItCommaSeparated() throws IOException {
        csv("Name;Version;Provider;Owner\ncredit-scorer;1.0.0;internal;team:ml-platform\n");
        var r = Cli.in(dir).run("import", "--csv", "models.csv");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("""
                models.csv:1:1: error: unknown column `Name;Version;Provider;Owner`: the file looks semicolon-separated, and import reads comma-separated files (`;` separates the items of a list cell) [csv-column-unknown]
                    hint: save it with `,` between cells: LibreOffice: Save As > Text CSV > Edit filter settings > Field delimiter `,`; Google Sheets: File > Download > CSV; Excel writes the list separator of the system's region settings, so set that to `,` or save from one of the others
                registry: error: nothing was written: import 1 model versions from models.csv was refused (1 error)
                """, r.err());
        assertEquals(0, cards());
        // A comma-separated header that merely holds a `;` is not taken for one.
        csv("name,version,provider,owners,capabilities;x\ncredit-scorer,1.0.0,internal,team:ml-platform,a\n");
        var comma = Cli.in(dir).run("import", "--csv", "models.csv");
        assertEquals(1, comma.exit(), comma.toString());
        assertTrue(comma.err().startsWith("models.csv:1:30: error: unknown column `capabilities;x` [csv-column-unknown]\n"), comma.err());
    }

    @Test
    void everyBadRowIsReportedAtItsCellAndNothingIsWritten() throws IOException {
        csv("name,version,provider,owners,modality\n"
                + "good,1.0.0,internal,team:ml-platform,text\n"
                + "typo,1.0.0,internal,team:ml-platfrom,text\n"
                + "numbery,1.10,internal,team:ml-platform,text\n"
                + "short,1.0.0\n"
                + "vocab,1.0.0,internal,team:ml-platform,txet\n"
                + "good,1.0.0,internal,team:ml-platform,text\n");
        var r = Cli.in(dir).run("import", "--csv", "models.csv");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("""
                models.csv:3:21: error: owner `team:ml-platfrom` is not defined in owners.yaml [owner-unknown]
                    hint: did you mean `team:ml-platform`?
                models.csv:4:9: error: version `1.10` is not a SemVer 2.0 version (MAJOR.MINOR.PATCH, such as 2.1.0 or 1.0.0-rc.1); did you mean 1.10.0? [csv-value]
                models.csv:5:1: error: row has 2 cells; the header has 5 [csv-row-width]
                    hint: check for a missing or extra comma, or an unquoted comma inside a cell
                models.csv:6:39: error: `modality[0]` must be one of text, image, audio, video, tabular, multimodal, embedding; found `txet` [schema-enum]
                    hint: did you mean `text`?
                models.csv:7:6: error: good@1.0.0 is also on line 2 [csv-duplicate]
                    hint: each row registers a different version
                registry: error: nothing was written: import 6 model versions from models.csv was refused (5 errors)
                """, r.err());
        assertEquals(0, cards());
    }

    @Test
    void skipInvalidWritesTheGoodRowsAndReportsTheRest() throws IOException {
        csv("name,version,provider,owners,fallbacks\n"
                + "base,1.0.0,internal,team:ml-platform,\n"
                + "broken,1.0.0,internal,team:nobody,\n"
                + "leans-on-broken,1.0.0,internal,team:ml-platform,broken@1.0.0\n"
                + "leans-on-base,1.0.0,internal,team:ml-platform,base@1.0.0\n");
        var r = Cli.in(dir).run("import", "--csv", "models.csv", "--skip-invalid");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("imported 2 model versions from models.csv; skipped 2 rows, reported above\n", r.out());
        assertEquals("""
                models.csv:3:23: error: owner `team:nobody` is not defined in owners.yaml [owner-unknown]
                    hint: add the team or person to owners.yaml
                models.csv:4:49: error: fallback broken@1.0.0 is not in the registry [reference-unknown]
                    hint: register the model first
                """, r.err());
        assertEquals(2, cards());
        assertTrue(Files.exists(dir.resolve("models/leans-on-base/1.0.0.yaml")));
        assertEquals(0, Cli.in(dir).run("validate").exit());
    }

    @Test
    void skipInvalidWithDryRunCountsTheRowsItWouldSkip() throws IOException {
        csv("name,version,provider,owners\n"
                + "good,1.0.0,internal,team:ml-platform\n"
                + "broken,1.0.0,internal,team:nobody\n"
                + "also-good,1.0.0,internal,team:ml-platform\n");
        var r = Cli.in(dir).run("import", "--csv", "models.csv", "--skip-invalid", "--dry-run");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("+++ b/models/good/1.0.0.yaml\n") && r.out().contains("+++ b/models/also-good/1.0.0.yaml\n"),
                r.out());
        assertEquals("""
                models.csv:3:23: error: owner `team:nobody` is not defined in owners.yaml [owner-unknown]
                    hint: add the team or person to owners.yaml
                dry run: nothing written; 2 new files would be written; 1 row of models.csv would be skipped, reported above
                """, r.err());
        assertEquals(0, cards());
        var written = Cli.in(dir).run("import", "--csv", "models.csv", "--skip-invalid");
        assertEquals("imported 2 model versions from models.csv; skipped 1 row, reported above\n", written.out());
    }

    @Test
    void aVersionAlreadyInTheRegistryIsRefusedAtItsCell() throws IOException {
        Registries.writeModel(dir, "credit-scorer", "1.0.0");
        csv("name,version,provider,owners\ncredit-scorer,1.0.0,internal,team:ml-platform\n");
        var r = Cli.in(dir).run("import", "--csv", "models.csv");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("models.csv:2:15: error: credit-scorer@1.0.0 is already registered"
                + " (models/credit-scorer/1.0.0.yaml); import never overwrites a version [version-exists]\n"), r.err());
        assertEquals(1, cards());
    }

    @Test
    void brokenQuotingAndEncodingAreLocated() {
        csv("name,version,provider,owners\n\"credit-scorer,1.0.0,internal,team:ml-platform\n");
        var quote = Cli.in(dir).run("import", "--csv", "models.csv");
        assertEquals(1, quote.exit(), quote.toString());
        assertTrue(quote.err().startsWith("models.csv:2:1: error: this quoted cell is never closed [csv-quote]\n"), quote.err());
        Registries.write(dir, "models.csv", "name,version,provider,owners\ncaf\u00e9,1.0.0\n".getBytes(StandardCharsets.ISO_8859_1));
        var encoding = Cli.in(dir).run("import", "--csv", "models.csv");
        assertEquals(1, encoding.exit(), encoding.toString());
        assertTrue(encoding.err().startsWith("models.csv:2:4: error: invalid UTF-8 byte 0xE9 [csv-encoding]\n"), encoding.err());
    }

    @Test
    void dryRunPrintsTheCardsAndWritesNothing() throws IOException {
        csv("name,version,provider,owners\na,1.0.0,internal,team:ml-platform\nb,1.0.0,internal,team:ml-platform\n");
        var r = Cli.in(dir).run("import", "--csv", "models.csv", "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("--- /dev/null\n+++ b/models/a/1.0.0.yaml\n@@ -0,0 +1,8 @@\n+apiVersion: registry/v1\n"), r.out());
        assertTrue(r.out().contains("+++ b/models/b/1.0.0.yaml\n"), r.out());
        assertEquals("dry run: nothing written; 2 new files would be written\n", r.err());
        assertEquals(0, cards());
    }

    @Test
    void tenThousandRowsImportInOneValidatedWrite() throws IOException {
        StringBuilder b = new StringBuilder("name,version,provider,owners,capabilities,dataTags,description\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("model-").append(i / 10).append(",1.").append(i % 10).append(".0,internal,team:ml-platform,")
                    .append("classification;reranking,pii,\"Model ").append(i).append(", generated\"\n");
        }
        csv(b.toString());
        var r = Cli.in(dir).run("import", "--csv", "models.csv");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("imported 10000 model versions from models.csv\n", r.out());
        assertEquals(10_000, cards());

        // One bad row among 10,000 more: reported alone, and nothing written.
        StringBuilder more = new StringBuilder("name,version,provider,owners\n");
        for (int i = 0; i < 10_000; i++) {
            more.append("other-").append(i).append(",1.0.0,internal,").append(i == 9_998 ? "team:nobody" : "team:ml-platform").append('\n');
        }
        csv(more.toString());
        var bad = Cli.in(dir).run("import", "--csv", "models.csv");
        assertEquals(1, bad.exit(), bad.toString().substring(0, Math.min(2000, bad.toString().length())));
        assertTrue(bad.err().startsWith("models.csv:10000:27: error: owner `team:nobody` is not defined in owners.yaml"
                + " [owner-unknown]\n"), bad.err());
        assertEquals(10_000, cards());
    }

    @Test
    void helpDocumentsEveryColumn() {
        var r = Cli.in(dir).run("import", "--help");
        assertEquals(0, r.exit(), r.toString());
        for (ModelField f : ModelField.values()) {
            assertTrue(r.out().contains("  " + f.column() + " "), () -> f.column() + " missing from\n" + r.out());
        }
        assertFalse(r.out().contains("--version <"), "no --version option to confuse with a model version");
    }
}
