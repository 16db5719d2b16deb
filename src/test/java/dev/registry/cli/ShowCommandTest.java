package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {

    @TempDir
    Path dir;

    @Test
    void oneVersionWithItsRiskDeploymentsApprovalsAndNextStage() {
        QueryFixture.write(dir);
        Registries.write(dir, "models/credit-scorer/3.0.0.yaml", Registries.read(dir.resolve("models/credit-scorer/3.0.0.yaml"))
                + "approvals:\n  - {stage: staging, by: carol@example.com, role: risk-officer, date: \"2026-10-02\"}\n");
        var r = Cli.in(dir).run("show", "credit-scorer@3.0.0");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                credit-scorer@3.0.0  staging  models/credit-scorer/3.0.0.yaml
                  provider       internal
                  owners         team:ml-platform
                  capabilities   classification, creditworthiness
                  use domains    credit
                  data tags      pii, financial
                  residency      eu-west-1
                  risk tier      high (computed high, declared none)
                    rules        H-5b  high  Annex III 5(b): evaluates the creditworthiness of natural persons or establishes their credit score
                  deployments    credit-stage  stage  eu-west-1  =HYPERLINK("http://x")
                  approvals      staging  carol@example.com (risk-officer)  2026-10-02
                  next stage     production
                    still needs  sandbox gate: evidence `dataBoundary` is missing (needed for production)
                                 sandbox gate: evidence `safetyChecks` is missing (needed for production)
                                 production gate: evidence `benchmarks` is missing (needed for production)
                                 production gate: evidence `privacyReview` is missing (needed for production)
                                 production gate: evidence `rollbackPlan` is missing (needed for production)
                                 production gate: needs 1 passed evaluation from the last 180 days, the card has 0
                                 regulated gate: evidence `redTeam` is missing (needed for production)
                                 regulated gate: evidence `evidencePack` is missing (needed for production)
                                 production gate: needs 1 distinct approval for production from people who do not own the model, has 0
                                 production gate: needs an approval for production from a risk-officer who does not own the model
                                 regulated gate: needs 2 distinct approvals for production from people who do not own the model, has 0
                                 regulated gate: needs an approval for production from a risk-officer who does not own the model
                                 regulated gate: needs an approval for production from a privacy-officer who does not own the model
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void withoutAVersionEveryVersionOldestFirst() {
        QueryFixture.write(dir);
        var r = Cli.in(dir).run("show", "credit-scorer");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(3, r.out().lines().filter(l -> l.startsWith("credit-scorer@")).count(), r.out());
        assertTrue(r.out().indexOf("credit-scorer@1.0.0") < r.out().indexOf("credit-scorer@2.0.0")
                && r.out().indexOf("credit-scorer@2.0.0") < r.out().indexOf("credit-scorer@3.0.0"), r.out());
        assertTrue(r.out().contains("  next stage     none (production is the last promotion)\n"), r.out());
    }

    @Test
    void jsonListsWhatTheNextStageStillNeeds() throws Exception {
        QueryFixture.write(dir);
        var r = Cli.in(dir).run("show", "credit-scorer@3.0.0", "--format", "json");
        JsonNode v = new ObjectMapper().readTree(r.out()).get(0);
        assertEquals("staging", v.path("stage").asText());
        assertEquals("high", v.path("tier").asText());
        assertTrue(v.path("declaredTier").isNull());
        assertEquals("H-5b", v.path("risk").path("rules").get(0).path("id").asText());
        assertEquals("production", v.path("nextStage").asText());
        assertEquals(13, v.path("nextStageNeeds").size(), v.toString());
        assertEquals("sandbox gate: evidence `dataBoundary` is missing (needed for production)",
                v.path("nextStageNeeds").get(0).asText());
        assertEquals("credit-stage", v.path("deployments").get(0).path("name").asText());
        assertEquals("3.0.0", v.path("card").path("version").asText());
    }

    @Test
    void unknownModelsAndVersionsAreUsageErrors() {
        QueryFixture.write(dir);
        var r = Cli.in(dir).run("show", "credit-scorr");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("registry: error: no model `credit-scorr` in the registry; did you mean `credit-scorer`?\n", r.err());
        var v = Cli.in(dir).run("show", "credit-scorer@9.9.9");
        assertEquals(2, v.exit(), v.toString());
        assertEquals("registry: error: no version 9.9.9 of credit-scorer; known versions: 1.0.0, 2.0.0, 3.0.0\n", v.err());
    }

    @Test
    void theSampleRegistrysCreditScorer() {
        Path sample = Registries.copyOfSample(dir);
        var r = Cli.in(sample).run("show", "credit-scorer@2.1.0");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("  risk tier      high (computed high, declared high)\n"), r.out());
        assertTrue(r.out().contains("    rules        H-5b  high  Annex III 5(b)"), r.out());
        // Lists of several entries are columns.
        assertTrue(r.out().contains("""
                  deployments    loan-origination-eu-dr    prod  eu-central-1  https://ml.eu-central-1.internal.northwind.example/credit-scorer/v2/score
                                 loan-origination-eu-prod  prod  eu-west-1     https://ml.eu-west-1.internal.northwind.example/credit-scorer/v2/score
                """), r.out());
        assertTrue(r.out().contains("""
                  approvals      staging     pieter.janssens@northwind.example (risk-officer)  2026-08-18
                                 production  anna.schulz@northwind.example (privacy-officer)   2026-09-02
                """), r.out());
    }

    @Test
    void rulesOfSeveralTiersLineUp() {
        Path sample = Registries.copyOfSample(dir);
        var r = Cli.in(sample).run("show", "agent-emotion-monitor@0.2.0");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("""
                    rules        P-f   unacceptable  Art 5(1)(f): infers emotions of people in the workplace or in education, other than for medical or safety reasons
                                 H-1c  high          Annex III 1(c): emotion recognition (where not prohibited)
                """), r.out());
    }

    @Test
    void anObligationIsADutyWithoutATier() throws Exception {
        Path sample = Registries.copyOfSample(dir);
        var r = Cli.in(sample).run("show", "agent-emotion-monitor@0.2.0");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\n    obligations  T-3  Art 50(3): emotion recognition or biometric categorisation;"
                + " inform the people exposed to it\n"), r.out());
        // T-1 gives a tier as well: the tier shows among the rules, the duty among the obligations.
        var chat = Cli.in(sample).run("show", "customer-chatbot@2.0.0");
        assertTrue(chat.out().contains("\n    rules        T-1  limited  Art 50(1): interacts with people"), chat.out());
        assertTrue(chat.out().contains("\n    obligations  T-1  Art 50(1): interacts with people"), chat.out());

        var json = Cli.in(sample).run("show", "agent-emotion-monitor@0.2.0", "--format", "json");
        JsonNode obligation = new ObjectMapper().readTree(json.out()).get(0).path("risk").path("obligations").get(0);
        assertEquals("{\"id\":\"T-3\",\"basis\":\"Art 50(3)\",\"reason\":\"emotion recognition or biometric"
                + " categorisation; inform the people exposed to it\"}", obligation.toString());
    }

    @Test
    void whenNoRuleAppliesTheFallbackSaysSo() {
        Path sample = Registries.copyOfSample(dir);
        var r = Cli.in(sample).run("show", "doc-reranker@1.0.0");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\n    rules        M  minimal  no rule of the policy applies\n"), r.out());
    }
}
