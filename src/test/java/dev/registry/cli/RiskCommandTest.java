package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.testing.Cli;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskCommandTest {

    static final String DAY = "2026-12-15";

    @TempDir
    Path dir;

    static String model(String name, String version, String body) {
        return Registries.model(name, version) + body;
    }

    /** Four systems across the tiers, one with a signed derogation, one with an unsigned claim. */
    private void registry() {
        Registries.minimal(dir);
        Registries.write(dir, "models/cv-ranker/1.0.0.yaml", model("cv-ranker", "1.0.0", """
                capabilities: [classification, cv-filtering, preparatory-task]
                useDomains: [employment]
                dataTags: [pii]
                risk: {tier: high}
                """));
        Registries.write(dir, "models/cv-ranker/1.1.0.yaml", model("cv-ranker", "1.1.0", """
                capabilities: [classification, cv-filtering, preparatory-task]
                useDomains: [employment]
                dataTags: [pii]
                risk:
                  tier: minimal
                  derogation:
                    rule: H-4a
                    reviewer: carol@example.com
                    date: 2026-10-01
                    reason: Ranks CVs for recruiters who read every application.
                """));
        Registries.write(dir, "models/mood/0.1.0.yaml", model("mood", "0.1.0", """
                capabilities: [emotion-recognition]
                useDomains: [workplace]
                dataTags: [biometric]
                """));
        Registries.write(dir, "models/chat/10.0.0.yaml", model("chat", "10.0.0", """
                capabilities: [text-generation, interacts-with-humans, generates-text, gpai-model]
                useDomains: [consumer]
                """));
        Registries.write(dir, "models/chat/3.0.0.yaml", model("chat", "3.0.0", """
                capabilities: [text-generation, generates-text]
                """));
        Registries.write(dir, "models/spam/1.0.0.yaml", model("spam", "1.0.0", "capabilities: [classification]\n"));
    }

    @Test
    void tableShowsEveryVersionWithDeclaredAndComputedTierAndBasis() {
        registry();
        var r = Cli.in(dir).run("risk", "--as-of", DAY);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                MODEL      VERSION  DECLARED  COMPUTED      BASIS                                   NOTES
                chat       3.0.0    -         limited       T-2 Art 50(2)
                chat       10.0.0   -         limited       T-1 Art 50(1), T-2 Art 50(2)            flags: gpai-model
                cv-ranker  1.0.0    high      high          H-4a Annex III 4(a), D-63 Art 6(3)-(4)  needs review: D-63
                cv-ranker  1.1.0    minimal   minimal       D-63 Art 6(3)-(4)
                mood       0.1.0    -         unacceptable  P-f Art 5(1)(f), H-1c Annex III 1(c)
                spam       1.0.0    -         minimal       no rule applies
                6 model versions (computed tier: 1 unacceptable, 1 high, 2 limited, 2 minimal); 1 need review; 0 declared below computed
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void theSampleRegistryValidatesAndShowsEveryTier() {
        Path sample = Registries.sample();
        var validate = Cli.in(sample).run("validate");
        assertEquals(0, validate.exit(), validate.toString());
        var r = Cli.in(sample).run("risk");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        List<String> rows = r.out().lines().skip(1).filter(l -> !l.contains("model versions (computed tier")).toList();
        List<String> computed = rows.stream().map(l -> l.split("\\s+")[3]).distinct().sorted().toList();
        assertEquals(List.of("high", "limited", "minimal", "unacceptable"), computed);
        assertTrue(rows.stream().noneMatch(l -> l.contains("declared below computed")), r.out());
        assertTrue(r.out().contains(" 0 declared below computed\n"), r.out());
    }

    @Test
    void oneModelOrOneVersion() {
        registry();
        var all = Cli.in(dir).run("risk", "chat", "--as-of", DAY);
        assertEquals(0, all.exit(), all.toString());
        assertEquals(4, all.out().lines().count(), all.out());
        var one = Cli.in(dir).run("risk", "chat@10.0.0", "--as-of", DAY);
        assertEquals(3, one.out().lines().count(), one.out());
        assertTrue(one.out().contains("chat   10.0.0"), one.out());
    }

    @Test
    void explainWalksThroughFiredNearlyFiredAndDerogatedRules() {
        registry();
        var r = Cli.in(dir).run("risk", "cv-ranker@1.1.0", "--explain", "--as-of", DAY);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                cv-ranker@1.1.0 (models/cv-ranker/1.1.0.yaml)
                  declared tier:  minimal
                  computed tier:  minimal
                  effective tier: minimal
                  policy: eu-ai-act (default)

                  H-4a  high  Annex III 4(a)  derogated (lowered by an Art 6(3) derogation signed by carol@example.com on 2026-10-01)
                    recruitment or selection of people, including targeted job ads, CV filtering and candidate evaluation
                    holds     domain employment
                    holds     capability targeted-job-ads, cv-filtering or candidate-evaluation

                  D-63  minimal  Art 6(3)-(4)  fired (derogation from H-4a signed by carol@example.com on 2026-10-01)
                    Art 6(3) derogation from H-4a signed off by carol@example.com on 2026-10-01: Ranks CVs for recruiters who read every application.
                    holds     not capability profiling
                    holds     capability narrow-procedural-task, improves-completed-human-activity, detects-decision-pattern-deviations or preparatory-task

                  obligations: none
                  needs review: none
                  flags: none
                """, r.out());
        assertEquals("", r.err());

        var spam = Cli.in(dir).run("risk", "spam", "--explain", "--as-of", DAY);
        assertTrue(spam.out().contains("""

                  M  minimal  fired
                    no rule of the policy applies

                """), spam.out());

        var mood = Cli.in(dir).run("risk", "mood", "--explain", "--as-of", DAY);
        assertTrue(mood.out().contains("""
                  P-f  unacceptable  Art 5(1)(f)  fired
                    infers emotions of people in the workplace or in education, other than for medical or safety reasons
                    holds     capability emotion-recognition
                    holds     domain workplace or education
                    holds     not capability medical-or-safety-purpose
                """), mood.out());
        assertTrue(mood.out().contains("""
                  obligations:
                    T-3 (Art 50(3)): emotion recognition or biometric categorisation; inform the people exposed to it
                """), mood.out());
    }

    @Test
    void explainShowsWhatANearMissLacks() {
        Registries.minimal(dir);
        Registries.write(dir, "models/call-mood/1.0.0.yaml", model("call-mood", "1.0.0", """
                capabilities: [emotion-recognition, speech-to-text, profiling, preparatory-task]
                useDomains: [consumer]
                dataTags: [biometric]
                """));
        var r = Cli.in(dir).run("risk", "call-mood", "--explain", "--as-of", DAY);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("""
                  P-f  unacceptable  Art 5(1)(f)  nearly fired
                    infers emotions of people in the workplace or in education, other than for medical or safety reasons
                    holds     capability emotion-recognition
                    missing   domain workplace or education
                    holds     not capability medical-or-safety-purpose
                """), r.out());
        assertTrue(r.out().contains("""
                  D-63  high  Art 6(3)-(4)  nearly fired
                """), r.out());
        assertTrue(r.out().contains("    excluded  capability profiling is declared\n"), r.out());
        assertTrue(r.out().contains("  needs review:\n    R-emotion-customers: emotion recognition outside the workplace"), r.out());
    }

    @Test
    void jsonIsAnArrayWithTheDocumentedKeys() throws Exception {
        registry();
        var r = Cli.in(dir).run("risk", "--format", "json", "--as-of", DAY);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertTrue(root.isArray());
        assertEquals(6, root.size());
        JsonNode cv = root.get(2);
        List<String> keys = new ArrayList<>();
        cv.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("model", "version", "path", "declaredTier", "computedTier", "effectiveTier", "rules", "obligations",
                "needsReview", "flags"), keys);
        assertEquals("cv-ranker", cv.get("model").asText());
        assertEquals("1.0.0", cv.get("version").asText());
        assertEquals("high", cv.get("declaredTier").asText());
        assertEquals("high", cv.get("computedTier").asText());
        assertEquals("H-4a", cv.get("rules").get(0).get("id").asText());
        assertEquals("high", cv.get("rules").get(0).get("tier").asText());
        assertEquals("Annex III 4(a)", cv.get("rules").get(0).get("basis").asText());
        assertTrue(cv.get("rules").get(0).get("reason").asText().startsWith("recruitment or selection"));
        assertTrue(cv.get("needsReview").get(0).asText().startsWith("D-63: "));
        assertTrue(root.get(0).get("declaredTier").isNull());
        assertEquals("gpai-model", root.get(1).get("flags").get(0).asText());
        assertEquals("T-1", root.get(1).get("obligations").get(0).get("id").asText());
        // A duty gives no tier, so an obligation has none, even one (T-1) whose rule also gives limited.
        for (JsonNode obligation : root.get(1).get("obligations")) {
            List<String> obligationKeys = new ArrayList<>();
            obligation.fieldNames().forEachRemaining(obligationKeys::add);
            assertEquals(List.of("id", "basis", "reason"), obligationKeys, obligation.toString());
        }
        JsonNode mood = root.get(4);
        assertEquals("T-3", mood.get("obligations").get(0).get("id").asText());
        assertEquals("Art 50(3)", mood.get("obligations").get(0).get("basis").asText());
        assertTrue(mood.get("rules").findValues("id").stream().noneMatch(id -> id.asText().equals("T-3")), mood.toString());

        var explained = Cli.in(dir).run("risk", "mood", "--format", "json", "--explain", "--as-of", DAY);
        JsonNode steps = new ObjectMapper().readTree(explained.out()).get(0).get("explanation");
        assertEquals("P-f", steps.get(0).get("id").asText());
        assertEquals("fired", steps.get(0).get("status").asText());
        assertEquals("domain workplace or education", steps.get(0).get("conditions").get(1).get("condition").asText());
        assertTrue(steps.get(0).get("conditions").get(1).get("holds").asBoolean());
    }

    @Test
    void unknownModelOrVersionIsAUsageError() {
        registry();
        var r = Cli.in(dir).run("risk", "chta");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("registry: error: no model `chta` in the registry; did you mean `chat`?\n", r.err());
        var v = Cli.in(dir).run("risk", "chat@9.0.0");
        assertEquals(2, v.exit());
        assertEquals("registry: error: no version 9.0.0 of chat; known versions: 3.0.0, 10.0.0\n", v.err());
        var both = Cli.in(dir).run("risk", "--explain", "--policy-diff", "HEAD");
        assertEquals(2, both.exit());
        assertEquals("registry: error: --explain and --policy-diff cannot be combined\n", both.err());
        var format = Cli.in(dir).run("risk", "--format", "sarif");
        assertEquals(2, format.exit());
        assertTrue(format.err().startsWith("registry: error: Invalid value for option '--format'"), format.err());
    }

    @Test
    void unknownIdentifiersAreReportedAndExitOne() {
        Registries.minimal(dir);
        Registries.write(dir, "models/cv/1.0.0.yaml", model("cv", "1.0.0", "capabilities: [cv-filtering]\nuseDomains: [employmnet]\n"));
        var r = Cli.in(dir).run("risk", "--as-of", DAY);
        assertEquals(1, r.exit(), r.toString());
        assertEquals("models/cv/1.0.0.yaml:10:14: error: unknown domain `employmnet` [vocabulary-unknown]\n"
                + "    hint: did you mean `employment`?\n", r.err());
        assertTrue(r.out().contains("cv     1.0.0    -         minimal"), r.out());
    }

    @Test
    void anInvalidPolicyStopsWithLocatedDiagnostics() {
        registry();
        Registries.write(dir, "registry.yaml", Registries.REGISTRY + """
                policy:
                  risk:
                    disable: [T-7]
                    rules:
                      - id: no-basis
                        tier: high
                        reason: forgot the basis
                        when: {capability: classification}
                """);
        var r = Cli.in(dir).run("risk");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("""
                registry.yaml:6:15: error: no rule `T-7` in the policy [policy-rule-unknown]
                    hint: did you mean `H-7`?
                registry.yaml:8:9: error: missing required field `basis` in `policy.risk.rules[0]` [schema-required]
                registry: error: the risk policy in registry.yaml is invalid; no tier can be trusted until it is fixed
                """, r.err());
    }

    @Test
    void policyDiffShowsWhichModelsAPolicyChangeMoves() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            registry();
            Registries.write(dir, "models/churn/1.0.0.yaml", model("churn", "1.0.0", """
                    capabilities: [classification, makes-decisions-about-people]
                    dataTags: [pii]
                    """));
            git.commit("alice@example.com", "registry without organisation rules");
            Registries.write(dir, "registry.yaml", Registries.REGISTRY + """
                    policy:
                      risk:
                        disable: [T-2]
                        rules:
                          - id: people-decisions-pii
                            tier: high
                            basis: Acme AI policy 4.2
                            reason: decides about people using their personal data
                            when:
                              all: [{capability: makes-decisions-about-people}, {dataTag: pii}]
                    """);

            var r = Cli.in(dir).run("risk", "--policy-diff", "HEAD", "--as-of", DAY);
            assertEquals(0, r.exit(), r.toString());
            assertEquals("", r.err());
            List<String> lines = r.out().lines().toList();
            assertEquals(List.of(
                    "MODEL  VERSION  DECLARED  BEFORE   AFTER    RULES",
                    "chat   3.0.0    -         limited  minimal  -T-2 (Art 50(2)), no rule applies now",
                    "churn  1.0.0    -         minimal  high     +people-decisions-pii (Acme AI policy 4.2), no rule applied before"),
                    lines.subList(0, 3));
            assertTrue(lines.get(3).matches("2 of 7 model versions change tier between the policy in the commit [0-9a-f]{7} \\(HEAD\\)"
                    + " and the policy now"), lines.get(3));

            var json = Cli.in(dir).run("risk", "--policy-diff", "HEAD", "--format", "json", "--as-of", DAY);
            JsonNode changes = new ObjectMapper().readTree(json.out());
            assertEquals(2, changes.size());
            assertEquals("churn", changes.get(1).get("model").asText());
            assertEquals("minimal", changes.get(1).get("before").asText());
            assertEquals("high", changes.get(1).get("after").asText());
            assertEquals("people-decisions-pii", changes.get(1).get("added").get(0).get("id").asText());

            git.commit("carol@example.com", "organisation rule: decisions about people with PII are high risk");
            var same = Cli.in(dir).run("risk", "--policy-diff", "HEAD", "--as-of", DAY);
            assertTrue(same.out().startsWith("no model version changes tier between the policy in the commit "), same.out());
            var earlier = Cli.in(dir).run("risk", "churn", "--policy-diff", "HEAD~1", "--as-of", DAY);
            assertEquals(3, earlier.out().lines().count(), earlier.out());
            assertTrue(earlier.out().contains("churn  1.0.0    -         minimal  high"), earlier.out());
        }
    }

    @Test
    void policyDiffAgainstACommitWithoutRegistryYamlUsesTheDefaultPolicyAndSaysSo() {
        try (GitFixture git = GitFixture.init(dir)) {
            git.write("README.md", "registry to come\n");
            git.commit("alice@example.com", "start");
            registry();
            var r = Cli.in(dir).run("risk", "--policy-diff", "HEAD", "--as-of", DAY);
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.err().matches("registry: note: there is no registry.yaml in the commit [0-9a-f]{7} \\(HEAD\\); comparing with"
                    + " the default policy alone\n"), r.err());
            assertTrue(r.out().startsWith("no model version changes tier"), r.out());
        }
    }

    @Test
    void policyDiffNeedsAKnownRevisionInAGitRepository() {
        registry();
        var notGit = Cli.in(dir).run("risk", "--policy-diff", "HEAD");
        assertEquals(3, notGit.exit(), notGit.toString());
        assertEquals("", notGit.out());
        assertTrue(notGit.err().startsWith("registry: error: not a git repository"), notGit.err());
        try (GitFixture git = GitFixture.init(dir)) {
            git.commit("alice@example.com", "registry");
            var r = Cli.in(dir).run("risk", "--policy-diff", "no-such-branch");
            assertEquals(3, r.exit(), r.toString());
            assertEquals("", r.out());
            assertEquals("registry: error: unknown revision `no-such-branch`\n", r.err());
        }
    }
}
