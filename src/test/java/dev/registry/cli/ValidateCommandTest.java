package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.testing.Cli;
import dev.registry.testing.GitFixture;
import dev.registry.testing.MemorySource;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void cleanRegistryExitsZeroWithSummaryOnStdout() {
        Registries.minimal(dir);
        Registries.writeModel(dir, "credit-scorer", "1.0.0");
        var r = Cli.in(dir).run("validate");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("ok: 3 files checked in the working tree, no problems\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void unknownOwnerIsLocatedOnStderrAndExitsOne() {
        Registries.minimal(dir);
        Registries.write(dir, "models/credit-scorer/1.0.0.yaml",
                Registries.model("credit-scorer", "1.0.0").replace("team:ml-platform", "team:ml-platfrom"));
        var r = Cli.in(dir).run("validate");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("models/credit-scorer/1.0.0.yaml:6:10: error: owner `team:ml-platfrom` is not defined"
                + " in owners.yaml [owner-unknown]\n    hint: did you mean `team:ml-platform`?\n", r.err());
        assertEquals("failed: 3 files checked in the working tree: 1 error, 0 warnings\n", r.out());
    }

    @Test
    void warningsAloneExitZero() {
        Registries.minimal(dir);
        Registries.write(dir, "models/m/1.0.0.yaml", Registries.model("m", "1.0.0").replace("stage: experimental", """
                stage: deprecated
                  deprecation: {announced: 2026-01-01, retireAfter: 2099-01-01, replacement: m@2.0.0}"""));
        Registries.write(dir, "models/m/2.0.0.yaml", Registries.model("m", "2.0.0").replace("experimental", "production"));
        Registries.write(dir, "deployments/d.yaml", MemorySource.deploymentCard("d", "m", "1.0.0", "prod"));
        var r = Cli.in(dir).run("validate");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("deployments/d.yaml:5:10: warning: prod deployment `d` runs m@1.0.0, which is deprecated"
                + " [deployment-deprecated]\n    hint: move it to m@2.0.0 before 2099-01-01\n", r.err());
        assertEquals("ok: 5 files checked in the working tree: 0 errors, 1 warning\n", r.out());
    }

    @Test
    void theReadmeTourOfABrokenSampleCopyIsWhatUsersSee() {
        Path broken = Registries.copyOfSample(dir.resolve("broken"));
        edit(broken.resolve("deployments/loan-origination-eu-prod.yaml"), "\nregion: ", "\nregoin: ");
        edit(broken.resolve("models/credit-scorer/2.1.0.yaml"), "\nversion: 2.1.0\n", "\nversion: 2.10\n");
        edit(broken.resolve("models/credit-scorer/2.1.0.yaml"), "\nowners: [team:credit-risk-ml]", "\nowners: [team:credit-risk-m]");
        var r = Cli.in(dir).run("-C", "broken", "validate");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("""
                broken/deployments/loan-origination-eu-prod.yaml:8:1: error: unknown field `regoin` [schema-unknown-field]
                    hint: did you mean `region`?
                broken/models/credit-scorer/2.1.0.yaml:4:10: error: `version` must be a string, found the number 2.1 [schema-type]
                    hint: YAML reads the unquoted 2.10 as the number 2.1; quote it: "2.10"
                broken/models/credit-scorer/2.1.0.yaml:21:10: error: owner `team:credit-risk-m` is not defined in owners.yaml [owner-unknown]
                    hint: did you mean `team:credit-risk-ml`?
                """, r.err());
        assertTrue(r.out().matches("failed: \\d+ files checked in the working tree: 3 errors, 0 warnings\n"), r.out());
        var sample = Cli.in(Registries.sample().getParent()).run("-C", "sample-registry", "validate");
        assertEquals(0, sample.exit(), sample.toString());
        assertEquals("", sample.err());
    }

    private static void edit(Path file, String from, String to) {
        String text = Registries.read(file);
        assertTrue(text.contains(from), file + " no longer contains " + from.strip() + ": update the README tour");
        Registries.write(file.getParent(), file.getFileName().toString(), text.replace(from, to));
    }

    /** Two broken cards, a deployment of one of them, and an unrelated good card. */
    private Path brokenRegistry() {
        Registries.minimal(dir);
        Registries.write(dir, "models/a/1.0.0.yaml", Registries.model("a", "1.0.0").replace("team:ml-platform", "team:nobody"));
        Registries.write(dir, "models/b/1.0.0.yaml", Registries.model("b", "1.0.0") + "colour: red\n");
        Registries.writeModel(dir, "c", "1.0.0");
        Registries.write(dir, "deployments/a-prod.yaml", MemorySource.deploymentCard("a-prod", "a", "1.0.0", "prod"));
        Registries.write(dir, "models/README.md", "not a card\n");
        return dir;
    }

    @Test
    void withPathsReportsOnlyTheNamedFilesAndTheCrossFileRulesTheyTakePartIn() {
        brokenRegistry();
        var all = Cli.in(dir).run("validate");
        assertEquals(1, all.exit());
        assertEquals(3, all.err().lines().filter(l -> l.contains(": error: ")).count(), all.toString());

        var b = Cli.in(dir).run("validate", "models/b/1.0.0.yaml");
        assertEquals(1, b.exit(), b.toString());
        assertEquals("models/b/1.0.0.yaml:9:1: error: unknown field `colour` [schema-unknown-field]",
                b.err().lines().findFirst().orElseThrow());
        assertEquals(2, b.err().lines().count(), b.err());
        assertEquals("failed: 1 file checked in the working tree: 1 error, 0 warnings\n", b.out());

        // a's card takes part in the deployment rule: the prod deployment's finding names it.
        var a = Cli.in(dir).run("validate", "models/a/1.0.0.yaml");
        assertEquals(1, a.exit(), a.toString());
        List<String> lines = a.err().lines().filter(l -> !l.startsWith("    hint:")).toList();
        assertEquals(List.of(
                "deployments/a-prod.yaml:5:10: error: prod deployment `a-prod` runs a@1.0.0, which is experimental, not production [deployment-stage]",
                "models/a/1.0.0.yaml:6:10: error: owner `team:nobody` is not defined in owners.yaml [owner-unknown]"), lines);

        var c = Cli.in(dir).run("validate", "models/c/1.0.0.yaml", "models/README.md");
        assertEquals(0, c.exit(), c.toString());
        assertEquals("ok: 1 file checked in the working tree, no problems\n", c.out());
    }

    @Test
    void aFolderStandsForTheFilesInIt() {
        brokenRegistry();
        var r = Cli.in(dir.resolve("models")).run("validate", "b", "c");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("../models/b/1.0.0.yaml:9:1: error: unknown field `colour` [schema-unknown-field]",
                r.err().lines().findFirst().orElseThrow());
        assertEquals(2, r.err().lines().count(), r.err());
        assertEquals("failed: 2 files checked in the working tree: 1 error, 0 warnings\n", r.out());
    }

    @Test
    void aPathThatMatchesNothingOrLiesOutsideIsAUsageError() {
        brokenRegistry();
        var missing = Cli.in(dir).run("validate", "models/zzz/1.0.0.yaml");
        assertEquals(2, missing.exit(), missing.toString());
        assertEquals("registry: error: no registry file matches models/zzz/1.0.0.yaml\n", missing.err());
        assertEquals("", missing.out());

        var outside = Cli.in(dir).run("validate", "../elsewhere.yaml");
        assertEquals(2, outside.exit(), outside.toString());
        assertTrue(outside.err().startsWith("registry: error: ../elsewhere.yaml is outside the registry at "), outside.err());
    }

    @Test
    void pathsAreShownFromWhereTheUserIs() {
        Registries.minimal(dir.resolve("reg"));
        Registries.write(dir.resolve("reg"), "models/b/1.0.0.yaml", Registries.model("b", "1.0.0") + "colour: red\n");
        var above = Cli.in(dir).run("-C", "reg", "validate");
        assertTrue(above.err().startsWith("reg/models/b/1.0.0.yaml:9:1: error: "), above.err());
        var inside = Cli.in(dir.resolve("reg/models/b")).run("validate");
        assertTrue(inside.err().startsWith("../../models/b/1.0.0.yaml:9:1: error: "), inside.err());
        var elsewhere = Cli.in(Registries.write(dir, "elsewhere/x.txt", "").getParent()).run("-C", "../reg", "validate");
        assertTrue(elsewhere.err().startsWith("../reg/models/b/1.0.0.yaml:9:1: error: "), elsewhere.err());
    }

    @Test
    void noRegistryYamlIsAUsageError() {
        var r = Cli.in(dir).run("validate");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("registry: error: no registry.yaml found in " + dir + " or any folder above it;"
                + " run `registry init` to create a registry, or pass -C <dir>\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aBadOptionIsAUsageError() {
        Registries.minimal(dir);
        var r = Cli.in(dir).run("validate", "--bogus");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("registry: error: Unknown option: '--bogus'\nRun `registry validate --help` for usage.\n", r.err());
        assertEquals("", r.out());

        var format = Cli.in(dir).run("validate", "--format", "xml");
        assertEquals(2, format.exit());
        assertTrue(format.err().startsWith("registry: error: Invalid value for option '--format': expected one of text, json,"
                + " github, sarif but was 'xml'\n"), format.err());

        var both = Cli.in(dir).run("validate", "--staged", "--rev", "HEAD");
        assertEquals(2, both.exit());
        assertTrue(both.err().startsWith("registry: error: --staged, --rev=<rev> are mutually exclusive"), both.err());
    }

    @Test
    void jsonFormat() throws IOException {
        brokenRegistry();
        var r = Cli.in(dir).run("validate", "--format", "json", "models/b/1.0.0.yaml");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1, root.path("errors").asInt());
        assertEquals("schema-unknown-field", root.path("findings").get(0).path("ruleId").asText());
        assertEquals(9, root.path("findings").get(0).path("line").asInt());
    }

    @Test
    void githubFormat() {
        brokenRegistry();
        var r = Cli.in(dir).run("validate", "--format=github", "models/b/1.0.0.yaml");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.err());
        assertEquals("""
                ::error file=models/b/1.0.0.yaml,line=9,col=1,title=schema-unknown-field::unknown field `colour`%0Aknown fields here: \
                apiVersion, kind, name, version, provider, description, modality, capabilities, useDomains, intendedUse, \
                disallowedUse, owners, dataTags, contextWindow, parameters, tools, risk, lineage, evaluations, evidence, \
                compliance, operations, fallbacks, lifecycle, approvals
                failed: 1 file checked in the working tree: 1 error, 0 warnings
                """, r.out());
    }

    @Test
    void sarifFormat() throws IOException {
        brokenRegistry();
        var r = Cli.in(dir).run("validate", "--format", "SARIF");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("2.1.0", root.path("version").asText());
        assertEquals(3, root.path("runs").get(0).path("results").size());
    }

    @Test
    void outputWritesTheResultsToAFileAtomically() throws IOException {
        brokenRegistry();
        Path report = dir.resolve("out/report.json");
        var r = Cli.in(dir).run("validate", "--format", "json", "--output", "out/report.json");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("", r.err());
        assertEquals(3, new ObjectMapper().readTree(report.toFile()).path("errors").asInt());

        // Replaced whole, with no temporary file left beside it.
        Files.writeString(report, "old content that is longer than the new one ".repeat(200));
        var again = Cli.in(dir).run("validate", "--format", "json", "-o", report.toString(), "models/c/1.0.0.yaml");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(new ObjectMapper().readTree(report.toFile()).path("ok").asBoolean());
        try (Stream<Path> files = Files.list(report.getParent())) {
            assertEquals(List.of("report.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void textOutputToAFileKeepsDiagnosticsOnStderr() throws IOException {
        brokenRegistry();
        var r = Cli.in(dir).run("validate", "-o", "summary.txt", "models/b/1.0.0.yaml");
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("models/b/1.0.0.yaml:9:1: error: unknown field `colour`"), r.err());
        assertEquals("failed: 1 file checked in the working tree: 1 error, 0 warnings\n", Files.readString(dir.resolve("summary.txt")));
    }

    @Test
    void anOutputThatCannotBeWrittenIsAnEnvironmentErrorAndTouchesNothing() throws IOException {
        brokenRegistry();
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("keep.txt"), "keep");
        var r = Cli.in(dir).run("validate", "-o", "busy");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("registry: error: cannot write " + busy + ": "), r.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
        assertEquals("keep", Files.readString(busy.resolve("keep.txt")));
    }

    @Test
    void quietDropsTheSummaryButNotTheDiagnostics() {
        brokenRegistry();
        var r = Cli.in(dir).run("validate", "-q", "models/b/1.0.0.yaml");
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("models/b/1.0.0.yaml:9:1: error: "), r.err());
        var ok = Cli.in(dir).run("-q", "validate", "models/c/1.0.0.yaml");
        assertEquals(0, ok.exit());
        assertEquals("", ok.out() + ok.err());
    }

    @Test
    void verboseReportsTheTimeOnStderr() {
        Registries.minimal(dir);
        var r = Cli.in(dir).run("validate", "-v");
        assertEquals(0, r.exit());
        assertTrue(r.err().matches("read and checked 2 files from the working tree in \\d+ ms\n"
                + "cache: 0 hits, 2 misses in .*\\.cache, saved in \\d+ ms\n"), r.err());
        var again = Cli.in(dir).run("validate", "-v", "--no-cache");
        assertTrue(again.err().endsWith("\ncache: off, saved in 0 ms\n"), again.err());
    }

    @Test
    void colourFollowsTheOptionAndNoColor() {
        brokenRegistry();
        assertTrue(Cli.in(dir).run("validate", "--color=always", "models/b/1.0.0.yaml").err().contains("\u001b[1;31merror\u001b[0m"));
        assertFalse(Cli.in(dir).interactive().run("validate", "models/b/1.0.0.yaml").err().contains("\u001b"));
        assertTrue(Cli.in(dir).interactive().withoutEnv("NO_COLOR").run("validate", "models/b/1.0.0.yaml").err().contains("\u001b"));
        assertFalse(Cli.in(dir).withoutEnv("NO_COLOR").run("validate", "models/b/1.0.0.yaml").err().contains("\u001b"));
        assertFalse(Cli.in(dir).interactive().withoutEnv("NO_COLOR").run("validate", "--color", "never", "models/b/1.0.0.yaml")
                .err().contains("\u001b"));
    }

    @Test
    void revChecksAnOldCommitWithoutCheckout() {
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            Registries.writeModel(dir, "credit-scorer", "1.0.0");
            git.commit("alice@example.com", "good");
            git.write("models/credit-scorer/1.0.0.yaml", "kind: Model\n");
            git.commit("bob@example.com", "broken");
            assertEquals(1, Cli.in(dir).run("validate").exit());
            var r = Cli.in(dir).run("validate", "--rev", "HEAD~1");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().matches("ok: 3 files checked in the commit [0-9a-f]{7} \\(HEAD~1\\), no problems\n"), r.out());
            assertEquals("", r.err());
            var head = Cli.in(dir).run("validate", "--rev", "main");
            assertEquals(1, head.exit(), head.toString());
            assertTrue(head.err().startsWith("models/credit-scorer/1.0.0.yaml:1:1: error: missing required field `apiVersion`"),
                    head.err());
        }
    }
}
