package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.registry.testing.Cli;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    /** A card whose free text is everything a CSV writer can get wrong. */
    static final String AWKWARD = """
            apiVersion: registry/v1
            kind: Model
            name: scorer
            version: 1.0.0
            provider: internal
            description: "=HYPERLINK(\\"http://x.example\\",\\"click\\"), then \\"quotes\\"\\nand a second line: Zürich ✓"
            capabilities: [classification, creditworthiness]
            intendedUse: ["+1 for underwriters", "@SUM(A1:A2)", "\\tindented", "＝1+1", "-2+3", "-0.5"]
            dataTags: [pii, financial]
            owners: [team:ml-platform, carol@example.com]
            operations:
              performance: {costPerRequestUsd: 0.000004, avgLatencyMs: 120}
            lifecycle:
              stage: staging
            approvals:
              - {stage: staging, by: carol@example.com, role: risk-officer, date: 2026-01-02}
            """;

    static final String DEPLOYMENT = """
            apiVersion: registry/v1
            kind: Deployment
            name: scorer-stage
            model: scorer
            version: 1.0.0
            environment: stage
            region: eu-west-1
            """;

    private Path awkwardRegistry() {
        Registries.minimal(dir);
        Registries.write(dir, "models/scorer/1.0.0.yaml", AWKWARD);
        Registries.write(dir, "deployments/scorer-stage.yaml", DEPLOYMENT);
        Registries.writeModel(dir, "chat", "0.1.0");
        return dir;
    }

    private static List<List<String>> parseCsv(String text) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
            return it.readAll();
        }
    }

    @Test
    void csvRoundTripsThroughAParserWithFormulasNeutralised() throws Exception {
        awkwardRegistry();
        var r = Cli.in(dir).run("export", "--columns", "model,version,description,intendedUse,owners,ownerEmails,"
                + "effectiveTier,costPerRequestUsd,avgLatencyMs,environments,regions,approvalState,approvals");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err(), "no history column was asked for, so git is not consulted");
        String csv = r.out();
        assertFalse(csv.startsWith("\uFEFF"), "no BOM without --excel");
        assertTrue(csv.endsWith("\r\n"), "rows end with CRLF");
        assertFalse(csv.replace("\r\n", "").contains("\r"), "no bare CR outside quoted fields");

        List<List<String>> rows = parseCsv(csv);
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(List.of("model", "version", "description", "intendedUse", "owners", "ownerEmails", "effectiveTier",
                "costPerRequestUsd", "avgLatencyMs", "environments", "regions", "approvalState", "approvals"), rows.get(0));
        assertEquals(List.of("chat", "0.1.0", "", "", "team:ml-platform", "alice@example.com;bob@example.com", "minimal",
                "", "", "", "", "not-required", ""), rows.get(1));
        List<String> scorer = rows.get(2);
        assertEquals("'=HYPERLINK(\"http://x.example\",\"click\"), then \"quotes\"\nand a second line: Zürich ✓", scorer.get(2));
        // Each list item is joined as it is; the cell as a whole is what a spreadsheet evaluates.
        assertEquals("'+1 for underwriters;@SUM(A1:A2);\tindented;＝1+1;-2+3;-0.5", scorer.get(3));
        assertEquals("team:ml-platform;carol@example.com", scorer.get(4));
        assertEquals("alice@example.com;bob@example.com;carol@example.com", scorer.get(5));
        assertEquals("high", scorer.get(6), "creditworthiness is Annex III 5(b)");
        assertEquals("0.000004", scorer.get(7));
        assertEquals("120", scorer.get(8));
        assertEquals("stage", scorer.get(9));
        assertEquals("eu-west-1", scorer.get(10));
        assertEquals("not-required", scorer.get(11), "the built-in sandbox gate asks for no approval");
        assertEquals("staging:carol@example.com:risk-officer:2026-01-02", scorer.get(12));
    }

    @Test
    void everyFormulaPrefixIsNeutralisedButRealNumbersAreNot() throws Exception {
        Registries.minimal(dir);
        String[] texts = {"=1+1", "+1", "-1+1", "@A1", "\tx", "\rx", "\nx", "＝1", "＋1", "－1", "＠A1", "-0.5", "+3", "1e5"};
        for (int i = 0; i < texts.length; i++) {
            String quoted = "\"" + texts[i].replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n") + "\"";
            Registries.write(dir, "models/m" + i + "/1.0.0.yaml",
                    Registries.model("m" + i, "1.0.0") + "description: " + quoted + "\n");
        }
        var r = Cli.in(dir).run("export", "--kind", "models", "--columns", "model,description");
        assertEquals(0, r.exit(), r.toString());
        List<List<String>> rows = parseCsv(r.out());
        java.util.Map<String, String> byModel = new java.util.HashMap<>();
        rows.subList(1, rows.size()).forEach(row -> byModel.put(row.get(0), row.get(1)));
        for (int i = 0; i < texts.length; i++) {
            boolean number = texts[i].matches("[+-]?\\d+(\\.\\d+)?(e\\d+)?");
            assertEquals(number ? texts[i] : "'" + texts[i], byModel.get("m" + i), "description " + i);
        }
    }

    @Test
    void excelAddsAByteOrderMarkAndOutputIsWrittenToAFile() throws Exception {
        awkwardRegistry();
        var r = Cli.in(dir).run("export", "--excel", "--columns", "model,version", "--output", "out/inventory.csv");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("wrote out/inventory.csv: 2 rows\n", r.out());
        byte[] bytes = Files.readAllBytes(dir.resolve("out/inventory.csv"));
        assertEquals("\uFEFFmodel,version\r\nchat,0.1.0\r\nscorer,1.0.0\r\n", new String(bytes, StandardCharsets.UTF_8));
        assertEquals((byte) 0xEF, bytes[0]);
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void jsonIsAnArrayOfObjectsWithEveryKeyInColumnOrder() throws Exception {
        awkwardRegistry();
        var r = Cli.in(dir).run("export", "--format", "json", "--columns", "model,description,dataTags,declaredTier,"
                + "costPerRequestUsd,deployments");
        assertEquals(0, r.exit(), r.toString());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals(2, rows.size());
        JsonNode chat = rows.get(0);
        assertEquals(List.of("model", "description", "dataTags", "declaredTier", "costPerRequestUsd", "deployments"),
                iterable(chat.fieldNames()));
        assertTrue(chat.get("description").isNull());
        assertTrue(chat.get("dataTags").isArray() && chat.get("dataTags").isEmpty());
        JsonNode scorer = rows.get(1);
        assertTrue(scorer.get("description").asText().startsWith("=HYPERLINK"), "JSON is data, not a spreadsheet");
        assertEquals("[\"pii\",\"financial\"]", scorer.get("dataTags").toString());
        assertTrue(scorer.get("costPerRequestUsd").isNumber());
        assertTrue(r.out().contains("\"costPerRequestUsd\": 0.000004"), r.out());
        assertEquals("[\"scorer-stage\"]", scorer.get("deployments").toString());
    }

    @Test
    void approvalStateIsThePromotionGatesJudgementOfTheCard() throws Exception {
        Registries.minimal(dir);
        String production = "lifecycle:\n  stage: production\n";
        // Approved for production by a risk officer who does not own the model.
        Registries.write(dir, "models/good/1.0.0.yaml", Registries.model("good", "1.0.0").replace("lifecycle:\n  stage: experimental\n",
                production + "approvals: [{stage: production, by: carol@example.com, role: risk-officer, date: 2026-01-02}]\n"));
        // Approved by an owner only: the production gate does not count it.
        Registries.write(dir, "models/self/1.0.0.yaml", Registries.model("self", "1.0.0").replace("lifecycle:\n  stage: experimental\n",
                production + "approvals: [{stage: production, by: alice@example.com, date: 2026-01-02}]\n"));
        // Deprecated: judged against the production gate it passed.
        Registries.write(dir, "models/old/1.0.0.yaml", Registries.model("old", "1.0.0").replace("lifecycle:\n  stage: experimental\n",
                "lifecycle:\n  stage: deprecated\n"));
        var r = Cli.in(dir).run("export", "--format", "json", "--columns", "model,stage,approvalState,approvalsMissing,approvedStages");
        assertEquals(0, r.exit(), r.toString());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals("{\"model\":\"good\",\"stage\":\"production\",\"approvalState\":\"approved\",\"approvalsMissing\":[],"
                + "\"approvedStages\":[\"production\"]}", rows.get(0).toString());
        assertEquals("old", rows.get(1).get("model").asText());
        assertEquals("unapproved", rows.get(1).get("approvalState").asText());
        assertEquals("self", rows.get(2).get("model").asText());
        assertEquals("unapproved", rows.get(2).get("approvalState").asText());
        assertTrue(rows.get(2).get("approvalsMissing").get(0).asText().contains("who do not own the model"),
                rows.get(2).get("approvalsMissing").toString());
        assertEquals("[\"production\"]", rows.get(2).get("approvedStages").toString(), "what the card records, counted or not");
    }

    @Test
    void deploymentsKindJoinsTheModelVersion() throws Exception {
        awkwardRegistry();
        var r = Cli.in(dir).run("export", "--kind", "deployments", "--format", "json",
                "--columns", "deployment,reference,environment,region,modelStage,effectiveTier,ownerEmails");
        assertEquals(0, r.exit(), r.toString());
        JsonNode d = new ObjectMapper().readTree(r.out()).get(0);
        assertEquals("scorer-stage", d.get("deployment").asText());
        assertEquals("scorer@1.0.0", d.get("reference").asText());
        assertEquals("staging", d.get("modelStage").asText());
        assertEquals("high", d.get("effectiveTier").asText());
        assertEquals("[\"alice@example.com\",\"bob@example.com\",\"carol@example.com\"]", d.get("ownerEmails").toString(),
                "a deployment without owners is owned by its model version's owners");
    }

    @Test
    void unknownColumnIsAUsageErrorWithASuggestion() {
        awkwardRegistry();
        var r = Cli.in(dir).run("export", "--columns", "model,efectiveTier");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("registry: error: unknown column `efectiveTier` for --kind inventory; did you mean `effectiveTier`?"
                + " (`registry export --kind inventory --list-columns` lists them all)\n", r.err());
        var twice = Cli.in(dir).run("export", "--columns", "model,model");
        assertEquals(2, twice.exit(), twice.toString());
        assertEquals("registry: error: column `model` is given twice in --columns\n", twice.err());
    }

    @Test
    void otherUsageErrorsExitTwo() {
        awkwardRegistry();
        var excelJson = Cli.in(dir).run("export", "--format", "json", "--excel");
        assertEquals(2, excelJson.exit(), excelJson.toString());
        assertTrue(excelJson.err().contains("--excel adds a byte order mark"), excelJson.err());
        var profile = Cli.in(dir).run("export", "--kind", "deployments", "--profile", "eu-ai-act");
        assertEquals(2, profile.exit(), profile.toString());
        assertEquals("registry: error: --profile eu-ai-act describes model versions; use --kind inventory or --kind models\n",
                profile.err());
        var kind = Cli.in(dir).run("export", "--kind", "model");
        assertEquals(2, kind.exit(), kind.toString());
        assertEquals("registry: error: unknown kind `model`; expected inventory, models or deployments\n", kind.err());
        var date = Cli.in(dir).run("export", "--at", "2026-02-30");
        assertEquals(2, date.exit(), date.toString());
        assertTrue(date.err().startsWith("registry: error: `2026-02-30` is not a valid date"), date.err());
    }

    @Test
    void listColumnsNamesEveryColumnWithADescription() {
        awkwardRegistry();
        var r = Cli.in(dir).run("export", "--kind", "deployments", "--list-columns");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("deployment\tdeployment name\nmodel\tmodel it runs\n"), r.out());
        assertTrue(r.out().contains("\nlastChangeDate\twhen that commit landed (UTC)\n"), r.out());
    }

    @Test
    void euAiActProfileCarriesTheAnnexColumns() throws Exception {
        Registries.minimal(dir);
        Registries.write(dir, "models/scorer/1.0.0.yaml", AWKWARD.replace("lifecycle:", """
                compliance:
                  certificate: "EU-TD 0123/2026, expires 2031-01-01, notified body 0123"
                  instructionsForUse: https://docs.example/scorer/ifu
                  humanOversight: Underwriters confirm every decline.
                  postMarketMonitoring: Quarterly back-test and drift review.
                lineage:
                  baseModel: xgboost@1.7.6
                  trainingData: [{name: loans, version: "2024-09"}]
                evaluations:
                  - {suite: holdout, date: 2026-01-01, passed: true}
                lifecycle:""").replace("stage: staging", "stage: production"));
        Registries.write(dir, "deployments/scorer-prod.yaml", DEPLOYMENT.replace("stage", "prod"));
        assertEquals(0, Cli.in(dir).run("validate").exit(), Cli.in(dir).run("validate").toString());
        var r = Cli.in(dir).run("export", "--profile", "eu-ai-act", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode row = new ObjectMapper().readTree(r.out()).get(0);
        assertEquals(List.of("provider", "reference", "model", "version", "intendedUse", "useDomains", "description",
                "modality", "dataTags", "capabilities", "effectiveTier", "riskBasis", "transparencyObligations",
                "marketStatus", "certificate", "regions", "instructionsForUse", "baseModel", "thirdPartyModels",
                "artifactSha256", "trainingData", "evaluations", "humanOversight", "postMarketMonitoring",
                "incidentOwner", "approvals", "lastChangeCommit", "lastChangeDate"), iterable(row.fieldNames()));
        assertEquals("scorer@1.0.0", row.get("reference").asText());
        assertEquals("in-service", row.get("marketStatus").asText());
        assertTrue(row.get("riskBasis").toString().contains("III 5(b)"), row.get("riskBasis").toString());
        assertEquals("https://docs.example/scorer/ifu", row.get("instructionsForUse").asText());
        assertEquals("[\"xgboost@1.7.6\"]", row.get("thirdPartyModels").toString());
        assertEquals("[\"loans@2024-09\"]", row.get("trainingData").toString());
        assertEquals("[\"holdout@2026-01-01:passed\"]", row.get("evaluations").toString());
        assertEquals("Underwriters confirm every decline.", row.get("humanOversight").asText());
    }

    @Test
    void atReturnsTheStageBeforeAPromotionCommit() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            Registries.writeModel(dir, "scorer", "1.0.0");
            RevCommit registered = git.commit("alice@example.com", "register scorer");
            Registries.write(dir, "models/scorer/1.0.0.yaml", Registries.model("scorer", "1.0.0")
                    .replace("stage: experimental", "stage: staging"));
            RevCommit promoted = git.commit("bob@example.com", "promote scorer to staging");
            // An uncommitted edit shows in a working-tree export, never in --at.
            Registries.write(dir, "models/scorer/1.0.0.yaml", Registries.model("scorer", "1.0.0")
                    .replace("stage: experimental", "stage: production"));

            String columns = "model,stage,lastChangeCommit,lastChangeDate,lastChangeAuthor";
            var before = Cli.in(dir).run("export", "--at", "HEAD~1", "--columns", columns);
            assertEquals(0, before.exit(), before.toString());
            assertEquals("", before.err());
            assertEquals("model,stage,lastChangeCommit,lastChangeDate,lastChangeAuthor\r\n"
                    + "scorer,experimental," + registered.name() + ",2026-01-05T10:00:00Z,alice@example.com\r\n", before.out());

            var atHead = Cli.in(dir).run("export", "--at", "HEAD", "--columns", columns);
            assertEquals("scorer,staging," + promoted.name() + ",2026-01-05T11:00:00Z,bob@example.com\r\n",
                    atHead.out().lines().skip(1).findFirst().orElseThrow() + "\r\n");
            var now = Cli.in(dir).run("export", "--columns", columns);
            assertTrue(now.out().contains("scorer,production," + promoted.name()), now.out());
        }
    }

    @Test
    void atADateTakesTheLastCommitOnOrBeforeIt() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            Registries.writeModel(dir, "scorer", "1.0.0");
            commitAt(git, "2026-03-30T16:00:00Z", "register");
            Registries.write(dir, "models/scorer/1.0.0.yaml", Registries.model("scorer", "1.0.0")
                    .replace("stage: experimental", "stage: staging"));
            commitAt(git, "2026-04-01T08:00:00Z", "promote");

            var q1 = Cli.in(dir).run("export", "--at", "2026-03-31", "--columns", "model,stage");
            assertEquals(0, q1.exit(), q1.toString());
            assertEquals("model,stage\r\nscorer,experimental\r\n", q1.out());
            var q2 = Cli.in(dir).run("export", "--at", "2026-04-01", "--columns", "model,stage");
            assertEquals("model,stage\r\nscorer,staging\r\n", q2.out());
            var instant = Cli.in(dir).run("export", "--at", "2026-04-01T09:59:00+02:00", "--columns", "model,stage");
            assertEquals("model,stage\r\nscorer,experimental\r\n", instant.out(), "07:59 UTC is before the promotion");

            var early = Cli.in(dir).run("export", "--at", "2026-03-29");
            assertEquals(3, early.exit(), early.toString());
            assertEquals("", early.out());
            assertTrue(early.err().startsWith("registry: error: no commit on or before 2026-03-29: the history of HEAD starts at "),
                    early.err());
        }
    }

    @Test
    void unknownRevisionAndNoGitAreEnvironmentErrors() {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            git.commit("alice@example.com", "registry");
            var r = Cli.in(dir).run("export", "--at", "v9.9");
            assertEquals(3, r.exit(), r.toString());
            assertEquals("registry: error: unknown revision `v9.9`\n", r.err());
            assertEquals("", r.out());
        }
        Path plain = Registries.minimal(elsewhere);
        var r = Cli.in(plain).run("export", "--at", "HEAD");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().startsWith("registry: error: not a git repository"), r.err());
    }

    @Test
    void aShallowCloneLeavesOutWhatItCannotDateAndRefusesDatesBeyondIt() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            Registries.writeModel(dir, "old", "1.0.0");
            git.commit("alice@example.com", "registry");
            Registries.writeModel(dir, "scorer", "1.0.0");
            git.commit("alice@example.com", "register scorer");
            Registries.write(dir, "models/scorer/1.0.0.yaml", Registries.model("scorer", "1.0.0")
                    .replace("stage: experimental", "stage: staging"));
            git.commit("bob@example.com", "promote scorer");
            Path clone = elsewhere.resolve("clone");
            org.eclipse.jgit.api.Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(clone.toFile())
                    .setDepth(1).call().close();

            var r = Cli.in(clone).run("export", "--columns", "model,lastChangeCommit");
            assertEquals(0, r.exit(), r.toString());
            // Without the boundary commit's parent, not even its own changes are known: nothing is dated.
            assertEquals("model,lastChangeCommit\r\nold,\r\nscorer,\r\n", r.out());
            assertEquals("registry: note: the lastChange columns are empty for 4 files: this shallow clone does not reach"
                    + " the commits that last changed them; fetch the full history: `git fetch --unshallow`, or in CI"
                    + " check out with `fetch-depth: 0` (GitHub Actions) or `GIT_DEPTH: 0` (GitLab CI)\n", r.err());
            var early = Cli.in(clone).run("export", "--at", "2026-01-05T10:30:00Z");
            assertEquals(3, early.exit(), early.toString());
            assertTrue(early.err().startsWith("registry: error: no commit on or before 2026-01-05T10:30:00Z in this shallow clone;"
                    + " fetch the full history: `git fetch --unshallow`"), early.err());
        }
    }

    @Test
    void outsideGitTheLastChangeColumnsAreEmptyWithANote() {
        Registries.minimal(dir);
        Registries.writeModel(dir, "scorer", "1.0.0");
        var r = Cli.in(dir).run("export", "--columns", "model,lastChangeCommit");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("model,lastChangeCommit\r\nscorer,\r\n", r.out());
        assertTrue(r.err().startsWith("registry: note: the lastChange columns are empty: not a git repository"), r.err());
        assertEquals("", Cli.in(dir).run("-q", "export", "--columns", "model,lastChangeCommit").err());
    }

    @Test
    void anUnreadableCardStopsTheExport() {
        Registries.minimal(dir);
        Registries.writeModel(dir, "scorer", "1.0.0");
        Registries.write(dir, "models/broken/1.0.0.yaml", "name: [unclosed\n");
        var r = Cli.in(dir).run("export");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("models/broken/1.0.0.yaml:"), r.err());
        assertTrue(r.err().endsWith("registry: error: 1 file in the working tree cannot be read, so the export would leave it out\n"),
                r.err());
    }

    @Test
    void sampleRegistryExportsEveryVersion() throws Exception {
        Path sample = Registries.copyOfSample(dir);
        var r = Cli.in(sample).run("-q", "export", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals(38, rows.size());
        JsonNode credit = null;
        for (JsonNode row : rows) {
            if (row.get("model").asText().equals("credit-scorer") && row.get("version").asText().equals("2.1.0")) {
                credit = row;
            }
        }
        assertEquals("high", credit.get("effectiveTier").asText());
        assertEquals("[\"prod\"]", credit.get("environments").toString());
        assertEquals("[\"eu-central-1\",\"eu-west-1\"]", credit.get("regions").toString());
    }

    @Test
    void filtersKeepWhatListKeeps() throws Exception {
        Path sample = Registries.copyOfSample(dir);
        String[][] cases = {
                {"--tier", "high", "--env", "prod"},
                {"--stage", "production,deprecated", "--region", "eu"},
                {"--owner", "team:genai-platform", "--data-tag", "pii"},
                {"--provider", "huggingface", "--capability", "embedding"}};
        for (String[] filter : cases) {
            var list = Cli.in(sample).run(concat(new String[] {"list", "--format", "csv"}, filter));
            assertEquals(0, list.exit(), list.toString());
            List<String> listed = parseCsv(list.out()).stream().skip(1).map(r -> r.get(0) + "@" + r.get(1)).toList();
            var export = Cli.in(sample).run(concat(new String[] {"-q", "export", "--columns", "reference"}, filter));
            assertEquals(0, export.exit(), export.toString());
            List<String> exported = parseCsv(export.out()).stream().skip(1).map(r -> r.get(0)).toList();
            assertEquals(listed, exported, String.join(" ", filter));
            assertFalse(exported.isEmpty(), "the sample has matches for " + String.join(" ", filter));
        }
        var deployments = Cli.in(sample).run("-q", "export", "--kind", "deployments", "--region", "us", "--columns", "deployment,region");
        assertEquals(0, deployments.exit(), deployments.toString());
        assertEquals("deployment,region\r\ncode-assistant-agent-dev,us-east-1\r\ncode-assistant-us-prod,us-east-1\r\n",
                deployments.out());
        var bad = Cli.in(sample).run("export", "--tier", "hihg");
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("did you mean `high`?"), bad.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void commitAt(GitFixture git, String instant, String message) throws Exception {
        git.add();
        PersonIdent who = new PersonIdent("alice", "alice@example.com", Date.from(Instant.parse(instant)),
                TimeZone.getTimeZone("UTC"));
        git.git().commit().setAuthor(who).setCommitter(who).setMessage(message).setSign(false).call();
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
