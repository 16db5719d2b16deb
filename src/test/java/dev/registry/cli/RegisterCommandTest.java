package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterCommandTest {

    @TempDir
    Path dir;

    private static final String[] CREDIT = {"register", "--name", "credit-scorer", "--version", "1.0.0",
            "--provider", "internal", "--owner", "team:ml-platform", "--capability", "classification,creditworthiness",
            "--use-domain", "credit", "--data-tag", "pii", "--data-tag", "financial",
            "--intended-use", "Score loan applications, for human underwriters", "--description", "Scores: loans"};

    private static final String CREDIT_CARD = """
            apiVersion: registry/v1
            kind: Model
            name: credit-scorer
            version: 1.0.0
            provider: internal
            description: "Scores: loans"
            capabilities: [classification, creditworthiness]
            useDomains: [credit]
            intendedUse:
              - "Score loan applications, for human underwriters"
            owners: [team:ml-platform]
            dataTags: [pii, financial]
            lifecycle:
              stage: experimental
            """;

    private Path card(String version) {
        return dir.resolve("models/credit-scorer/" + version + ".yaml");
    }

    @Test
    void flagsBecomeACardInSchemaOrderThatValidates() {
        Registries.minimal(dir);
        var r = Cli.in(dir).run(CREDIT);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("created models/credit-scorer/1.0.0.yaml\n", r.out());
        assertEquals("", r.err());
        assertEquals(CREDIT_CARD, Registries.read(card("1.0.0")));
        assertEquals(0, Cli.in(dir).run("validate").exit());
    }

    @Test
    void versionsThatYamlWouldReadAsNumbersAreQuoted() {
        Registries.minimal(dir);
        var r = Cli.in(dir).run("register", "--name", "m", "--version", "1.0.0", "--provider", "internal",
                "--owner", "team:ml-platform", "--description", "no", "--intended-use", "0755");
        assertEquals(0, r.exit(), r.toString());
        String text = Registries.read(dir.resolve("models/m/1.0.0.yaml"));
        assertTrue(text.contains("description: \"no\"\n") && text.contains("intendedUse: [\"0755\"]\n"), text);
    }

    @Test
    void anUnknownOwnerIsRefusedWithASuggestionAndNothingIsWritten() {
        Registries.minimal(dir);
        var r = Cli.in(dir).run("register", "--name", "credit-scorer", "--version", "1.0.0", "--provider", "internal",
                "--owner", "team:ml-platfrom");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("""
                models/credit-scorer/1.0.0.yaml:6:10: error: owner `team:ml-platfrom` is not defined in owners.yaml [owner-unknown]
                    hint: did you mean `team:ml-platform`?
                registry: error: nothing was written: register credit-scorer@1.0.0 was refused (1 error)
                """, r.err());
        assertFalse(Files.exists(dir.resolve("models")));
    }

    @Test
    void aVocabularyTypoIsRefusedWithASuggestion() {
        Registries.minimal(dir);
        var r = Cli.in(dir).run("register", "--name", "credit-scorer", "--version", "1.0.0", "--provider", "internal",
                "--owner", "team:ml-platform", "--modality", "tabluar", "--stage", "prodution");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("error: `modality[0]` must be one of text, image, audio, video, tabular, multimodal,"
                + " embedding; found `tabluar` [schema-enum]\n    hint: did you mean `tabular`?"), r.err());
        assertTrue(r.err().contains("found `prodution` [schema-enum]\n    hint: did you mean `production`?"), r.err());
        assertFalse(Files.exists(dir.resolve("models")));
    }

    @Test
    void capabilityDomainAndTagTyposAreRefusedWithSuggestions() {
        Registries.minimal(dir);
        var r = Cli.in(dir).run("register", "--name", "credit-scorer", "--version", "1.0.0", "--provider", "internal",
                "--owner", "team:ml-platform", "--capability", "creditworthyness", "--use-domain", "credt", "--data-tag", "financal");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("""
                models/credit-scorer/1.0.0.yaml:6:16: error: unknown capability `creditworthyness` [vocabulary-unknown]
                    hint: did you mean `creditworthiness`?
                models/credit-scorer/1.0.0.yaml:7:14: error: unknown domain `credt` [vocabulary-unknown]
                    hint: did you mean `credit`?
                models/credit-scorer/1.0.0.yaml:9:12: error: unknown data tag `financal` [vocabulary-unknown]
                    hint: did you mean `financial`?
                registry: error: nothing was written: register credit-scorer@1.0.0 was refused (3 errors)
                """, r.err());
        assertFalse(Files.exists(dir.resolve("models")));
    }

    @Test
    void anInvalidVersionIsAUsageError() {
        Registries.minimal(dir);
        var r = Cli.in(dir).run("register", "--name", "credit-scorer", "--version", "1.10", "--provider", "internal",
                "--owner", "team:ml-platform");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("registry: error: --version `1.10` is not a SemVer 2.0 version (MAJOR.MINOR.PATCH, such as 2.1.0"
                + " or 1.0.0-rc.1); did you mean 1.10.0?\n", r.err());
        assertFalse(Files.exists(dir.resolve("models")));
    }

    @Test
    void aNameThatWouldLeaveTheFolderIsAUsageError() {
        Registries.minimal(dir);
        var r = Cli.in(dir).run("register", "--name", "../../etc", "--version", "1.0.0", "--provider", "internal",
                "--owner", "team:ml-platform");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("registry: error: model name `../../etc` must be lowercase kebab-case"), r.err());
    }

    @Test
    void anExistingVersionIsNeverOverwritten() {
        Registries.minimal(dir);
        Path existing = Registries.writeModel(dir, "credit-scorer", "1.0.0");
        String before = Registries.read(existing);
        var r = Cli.in(dir).run(CREDIT);
        assertEquals(1, r.exit(), r.toString());
        assertEquals("""
                models/credit-scorer/1.0.0.yaml:4:10: error: credit-scorer@1.0.0 is already registered; `register` never overwrites a version [version-exists]
                    hint: register a new version instead: `registry register --from credit-scorer@1.0.0 --bump major|minor|patch` copies the latest forward, or give another --version
                registry: error: nothing was written: register credit-scorer@1.0.0 was refused (1 error)
                """, r.err());
        assertEquals(before, Registries.read(existing));
    }

    @Test
    void missingRequiredValuesOutsideATerminalAreAUsageError() {
        Registries.minimal(dir);
        var r = Cli.in(dir).run("register", "--name", "credit-scorer", "--provider", "internal");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("registry: error: missing --version, --owner; give them, or run `registry register` in a terminal"
                + " to be asked\n", r.err());
    }

    @Test
    void inATerminalMissingValuesAreAskedForWithKnownChoicesAndTyposAskedAgain() {
        Registries.minimal(dir);
        var r = Cli.in(dir).interactive()
                .stdin("credit-scorer\n1.10\n1.0.0\ninternal\nteam:ml-platfrom\nteam:ml-platform\nScores loans\n"
                        + "tabular\nclasification\nclassification\ncredit\npii, financial\n")
                .run("register");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("created models/credit-scorer/1.0.0.yaml\n", r.out());
        assertTrue(r.err().contains("owners [team:ml-platform, alice@example.com, bob@example.com, carol@example.com,"
                + " dan@example.com]: "), r.err());
        assertTrue(r.err().contains("  `team:ml-platfrom` is not in owners.yaml; did you mean `team:ml-platform`?\n"), r.err());
        assertTrue(r.err().contains("  version `1.10` is not a SemVer 2.0 version"), r.err());
        assertTrue(r.err().contains("  `clasification` is not known here; did you mean `classification`?\n"), r.err());
        assertTrue(r.err().contains("modality (optional, comma-separated) [text, image, audio, video, tabular, multimodal,"
                + " embedding]: "), r.err());
        assertEquals("""
                apiVersion: registry/v1
                kind: Model
                name: credit-scorer
                version: 1.0.0
                provider: internal
                description: Scores loans
                modality: [tabular]
                capabilities: [classification]
                useDomains: [credit]
                owners: [team:ml-platform]
                dataTags: [pii, financial]
                lifecycle:
                  stage: experimental
                """, Registries.read(card("1.0.0")));
    }

    @Test
    void promptsGiveUpAtTheEndOfInput() {
        Registries.minimal(dir);
        var r = Cli.in(dir).interactive().stdin("credit-scorer\n").run("register");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().endsWith("registry: error: no answer for --version (end of input)\n"), r.err());
        assertFalse(Files.exists(dir.resolve("models")));
    }

    static final String RELEASED = """
            # Credit scorer: reviewed every quarter.
            apiVersion: registry/v1
            kind: Model
            name: credit-scorer
            version: "2.0.3"   # quoted on purpose
            provider: internal
            owners: [team:ml-platform]
            capabilities:
              - classification   # main use
            evaluations:
              - {suite: holdout-2024, date: "2026-09-30", passed: true}
            lifecycle:
              stage: production   # since October
            # Who signed it off.
            approvals:
              - {stage: production, by: carol@example.com, role: risk-officer, date: "2026-10-02"}
            """;

    @Test
    void fromCopiesACardForwardKeepingCommentsAndResettingItsLifecycle() {
        Registries.minimal(dir);
        Registries.write(dir, "models/credit-scorer/2.0.3.yaml", RELEASED);
        var r = Cli.in(dir).run("register", "--from", "credit-scorer@2.0.3", "--bump", "minor");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("created models/credit-scorer/2.1.0.yaml\n", r.out());
        assertEquals("""
                # Credit scorer: reviewed every quarter.
                apiVersion: registry/v1
                kind: Model
                name: credit-scorer
                version: "2.1.0"   # quoted on purpose
                provider: internal
                owners: [team:ml-platform]
                capabilities:
                  - classification   # main use
                lifecycle:
                  stage: experimental   # since October
                # Who signed it off.
                """, Registries.read(card("2.1.0")));
        assertEquals(RELEASED, Registries.read(card("2.0.3")));
        assertEquals(0, Cli.in(dir).run("validate").exit());
    }

    @Test
    void fromClearsASignedDerogationWhichWasAboutTheOldVersion() {
        Registries.minimal(dir);
        Registries.write(dir, "models/triage/1.0.0.yaml", Registries.model("triage", "1.0.0") + """
                risk:
                  tier: minimal   # see derogation
                  derogation: {rule: H-5d, reviewer: carol@example.com, date: "2026-10-01", reason: "Preparatory sorting only."}
                """);
        var r = Cli.in(dir).run("register", "--from", "triage@1.0.0", "--bump", "patch");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(Registries.model("triage", "1.0.1") + "risk:\n  tier: minimal   # see derogation\n",
                Registries.read(dir.resolve("models/triage/1.0.1.yaml")));
    }

    @Test
    void fromClearsTheOldVersionsEvidenceAndArtifactSoTheNewOneMeetsNoGateOnThem() {
        Registries.minimal(dir);
        Registries.write(dir, "models/credit-scorer/2.0.3.yaml", """
                apiVersion: registry/v1
                kind: Model
                name: credit-scorer
                version: 2.0.3
                provider: internal
                owners: [team:ml-platform]
                lineage:
                  baseModel: xgboost@2.1.1   # pinned
                  artifact: {uri: "s3://models/credit-scorer/2.0.3/model.ubj", sha256: "%s"}   # the validated binary
                  trainingData:
                    - {name: loans-2019-2025, version: "2026-03"}   # frozen snapshot
                evidence:   # reviewed by model risk
                  dataBoundary: EU customer data only
                  safetyChecks: https://reports/safety
                  benchmarks: https://reports/bench   # MRM-2026-031
                  redTeam: {report: https://reports/red-team, date: "2026-08-30"}
                compliance:
                  dataResidency: [eu-west-1]   # DPIA-2026-011
                lifecycle:
                  stage: production
                """.formatted("ab".repeat(32)));
        var r = Cli.in(dir).run("register", "--from", "credit-scorer@2.0.3", "--bump", "minor");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                apiVersion: registry/v1
                kind: Model
                name: credit-scorer
                version: 2.1.0
                provider: internal
                owners: [team:ml-platform]
                lineage:
                  baseModel: xgboost@2.1.1   # pinned
                  trainingData:
                    - {name: loans-2019-2025, version: "2026-03"}   # frozen snapshot
                compliance:
                  dataResidency: [eu-west-1]   # DPIA-2026-011
                lifecycle:
                  stage: experimental
                """, Registries.read(card("2.1.0")));
        // Not even the sandbox gate is met on the old version's word.
        var promote = Cli.in(dir).run("promote", "credit-scorer@2.1.0", "--to", "staging");
        assertEquals(1, promote.exit(), promote.toString());
        assertTrue(promote.err().contains("sandbox gate: evidence `dataBoundary` is missing (needed for staging) [gate-evidence-missing]"),
                promote.err());
    }

    @Test
    void fromWithAnExplicitVersionAndOverrides() {
        Registries.minimal(dir);
        Registries.write(dir, "models/credit-scorer/2.0.3.yaml", RELEASED);
        var r = Cli.in(dir).run("register", "--from", "credit-scorer@2.0.3", "--version", "3.0.0-rc.1",
                "--capability", "classification,profiling", "--owner", "alice@example.com");
        assertEquals(0, r.exit(), r.toString());
        String text = Registries.read(card("3.0.0-rc.1"));
        assertTrue(text.contains("version: \"3.0.0-rc.1\"   # quoted on purpose\n"), text);
        assertTrue(text.contains("owners: [alice@example.com]\n"), text);
        assertTrue(text.contains("capabilities:\n  - classification\n  - profiling\n"), text);
    }

    @Test
    void fromRefusesAnExistingTargetAndAnUnknownSource() {
        Registries.minimal(dir);
        Registries.write(dir, "models/credit-scorer/2.0.3.yaml", RELEASED);
        var r = Cli.in(dir).run("register", "--from", "credit-scorer@2.0.3", "--version", "2.0.3");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("[version-exists]"), r.err());
        var unknown = Cli.in(dir).run("register", "--from", "credit-scorer@9.9.9", "--bump", "patch");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertEquals("registry: error: --from credit-scorer@9.9.9: no such model version (known versions: 2.0.3)\n", unknown.err());
        var both = Cli.in(dir).run("register", "--from", "credit-scorer@2.0.3", "--bump", "patch", "--version", "2.0.4");
        assertEquals(2, both.exit(), both.toString());
    }

    @Test
    void dryRunPrintsTheNewCardAndWritesNothing() {
        Registries.minimal(dir);
        var r = Cli.in(dir).run(withArg(CREDIT, "--dry-run"));
        assertEquals(0, r.exit(), r.toString());
        StringBuilder patch = new StringBuilder("--- /dev/null\n+++ b/models/credit-scorer/1.0.0.yaml\n@@ -0,0 +1,14 @@\n");
        CREDIT_CARD.lines().forEach(l -> patch.append('+').append(l).append('\n'));
        assertEquals(patch.toString(), r.out());
        assertEquals("dry run: nothing written; 1 new file would be written\n", r.err());
        assertFalse(Files.exists(dir.resolve("models")));
        assertFalse(Files.exists(dir.resolve(".registry")), "a dry run does not even take the lock");
    }

    @Test
    void anUnrelatedBrokenCardDoesNotBlockARegistrationButIsMentioned() {
        Registries.minimal(dir);
        Registries.write(dir, "models/other/1.0.0.yaml", Registries.model("other", "1.0.0").replace("team:ml-platform", "team:nobody"));
        var r = Cli.in(dir).run(CREDIT);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("warning: the registry already has 1 error in other files, unrelated to this change;"
                + " run `registry validate`\n", r.err());
    }

    @Test
    void twoConcurrentRegistrationsBothLandIntact() throws Exception {
        Registries.minimal(dir);
        for (int round = 0; round < 4; round++) {
            String a = "1." + round + ".0";
            String b = "2." + round + ".0";
            List<Cli.Result> results = concurrently(
                    () -> Cli.in(dir).run("register", "--name", "credit-scorer", "--version", a, "--provider", "internal",
                            "--owner", "team:ml-platform"),
                    () -> Cli.in(dir).run("register", "--name", "credit-scorer", "--version", b, "--provider", "internal",
                            "--owner", "team:ml-platform"));
            results.forEach(r -> assertEquals(0, r.exit(), r.toString()));
            assertTrue(Registries.read(card(a)).contains("version: " + a + "\n"));
            assertTrue(Registries.read(card(b)).contains("version: " + b + "\n"));
        }
        var v = Cli.in(dir).run("validate");
        assertEquals("ok: 10 files checked in the working tree, no problems\n", v.out(), v.toString());
    }

    @Test
    void twoConcurrentRegistrationsOfTheSameVersionLetExactlyOneWin() throws Exception {
        Registries.minimal(dir);
        for (int round = 0; round < 4; round++) {
            String version = "1." + round + ".0";
            List<Cli.Result> results = concurrently(
                    () -> Cli.in(dir).run("register", "--name", "credit-scorer", "--version", version, "--provider", "internal",
                            "--owner", "team:ml-platform", "--description", "first"),
                    () -> Cli.in(dir).run("register", "--name", "credit-scorer", "--version", version, "--provider", "internal",
                            "--owner", "team:ml-platform", "--description", "second"));
            List<Cli.Result> won = results.stream().filter(r -> r.exit() == 0).toList();
            List<Cli.Result> lost = results.stream().filter(r -> r.exit() != 0).toList();
            assertEquals(1, won.size(), results.toString());
            assertEquals(1, lost.get(0).exit(), lost.get(0).toString());
            assertTrue(lost.get(0).err().contains("[version-exists]"), lost.get(0).toString());
            String text = Registries.read(card(version));
            String winner = won.get(0) == results.get(0) ? "first" : "second";
            assertTrue(text.contains("description: " + winner + "\n"), text);
        }
    }

    @SafeVarargs
    private static List<Cli.Result> concurrently(Callable<Cli.Result>... runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Cli.Result>> futures = new ArrayList<>();
            for (Callable<Cli.Result> run : runs) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return run.call();
                }));
            }
            start.countDown();
            List<Cli.Result> out = new ArrayList<>();
            for (Future<Cli.Result> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static String[] withArg(String[] args, String... more) {
        String[] out = new String[args.length + more.length];
        System.arraycopy(args, 0, out, 0, args.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }
}
