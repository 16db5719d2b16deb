package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

    @TempDir
    Path dir;

    @Test
    void aTableOfEveryVersionSortedByNameAndVersion() {
        QueryFixture.write(dir);
        assertEquals(0, Cli.in(dir).run("validate").exit(), Cli.in(dir).run("validate").toString());
        var r = Cli.in(dir).run("list");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                MODEL           VERSION  STAGE       TIER     PROVIDER  OWNERS             DEPLOYED
                credit-scorer   1.0.0    production  high     internal  team:ml-platform   prod:1
                credit-scorer   2.0.0    production  high     internal  team:ml-platform   prod:1
                credit-scorer   3.0.0    staging     high     internal  team:ml-platform   stage:1
                fraud-detector  1.0.0    production  minimal  vendor    carol@example.com  prod:1
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void filtersNarrowEachOtherAndTheirValuesAreAlternatives() {
        QueryFixture.write(dir);
        assertEquals(List.of("credit-scorer@1.0.0", "credit-scorer@2.0.0"), refs("--stage", "production", "--tier", "high"));
        // credit-scorer@1.0.0 runs only in eu-central-1, outside both areas
        assertEquals(List.of("credit-scorer@2.0.0", "credit-scorer@3.0.0", "fraud-detector@1.0.0"), refs("--stage", "staging", "--provider", "vendor,internal",
                "--stage", "production", "--tier", "minimal,high", "--env", "stage,prod", "--region", "us,eu-west"));
        // an email matches the models of the teams the person belongs to
        assertEquals(List.of("credit-scorer@1.0.0", "credit-scorer@2.0.0", "credit-scorer@3.0.0"), refs("--owner", "alice@example.com"));
        assertEquals(List.of("fraud-detector@1.0.0"), refs("--owner", "carol@example.com"));
        // an area holds its regions; region and environment must hold for the same deployment
        assertEquals(List.of("credit-scorer@1.0.0", "credit-scorer@2.0.0"), refs("--region", "eu", "--env", "prod"));
        assertEquals(List.of("credit-scorer@3.0.0"), refs("--region", "eu-west-1", "--env", "stage"));
        assertEquals(List.of(), refs("--region", "eu-we"));
        assertEquals(List.of("fraud-detector@1.0.0"), refs("--data-tag", "financial", "--capability", "classification", "--provider", "vendor"));
    }

    @Test
    void anEmptyResultNamesTheFilterValuesTheRegistryDoesNotKnow() {
        QueryFixture.write(dir);
        var typo = Cli.in(dir).run("list", "--capability", "clasification", "--provider", "vendr");
        assertEquals(0, typo.exit(), typo.toString());
        assertEquals("MODEL  VERSION  STAGE  TIER  PROVIDER  OWNERS  DEPLOYED\n", typo.out());
        assertEquals("""
                no model versions match
                registry: note: `clasification` is not a capability of the vocabulary; did you mean `classification`?
                registry: note: no card names provider `vendr`; did you mean `vendor`?
                """, typo.err());
        var owner = Cli.in(dir).run("list", "--deployments", "--format", "csv", "--owner", "team:ml-platfrom", "--data-tag", "pi");
        assertEquals(0, owner.exit(), owner.toString());
        assertEquals("""
                registry: note: `pi` is not a data tag of the vocabulary; did you mean `pii`?
                registry: note: owner `team:ml-platfrom` is not defined in owners.yaml; did you mean `team:ml-platform`?
                """, owner.err());
        // Known values that match nothing are no typo.
        var known = Cli.in(dir).run("list", "--capability", "classification", "--provider", "vendor", "--stage", "retired");
        assertEquals("no model versions match\n", known.err());
    }

    @Test
    void aRegionNoDeploymentOrResidencyNamesGetsANoteWithTheNearestKnownOne() {
        QueryFixture.write(dir);
        var typo = Cli.in(dir).run("list", "--region", "eu-wset-1");
        assertEquals(0, typo.exit(), typo.toString());
        assertEquals("MODEL  VERSION  STAGE  TIER  PROVIDER  OWNERS  DEPLOYED\n", typo.out());
        assertEquals("""
                no model versions match
                registry: note: no deployment or data residency names region `eu-wset-1`; did you mean `eu-west-1`?
                """, typo.err());
        // An area is suggested too, and a region far from every known one gets the note without a guess.
        var area = Cli.in(dir).run("list", "--deployments", "--format", "csv", "--region", "eu-wset,ap-south-1");
        assertEquals(0, area.exit(), area.toString());
        assertEquals("deployment,model,version,environment,region,stage,tier,app,endpoint,owners,path\r\n", area.out());
        assertEquals("""
                registry: note: no deployment or data residency names region `eu-wset`; did you mean `eu-west`?
                registry: note: no deployment or data residency names region `ap-south-1`
                """, area.err());
        // Regions and areas the registry uses are no typo, even when nothing else matches.
        var known = Cli.in(dir).run("list", "--region", "eu,us-east-1", "--stage", "retired");
        assertEquals("no model versions match\n", known.err());
        assertEquals("", Cli.in(dir).run("-q", "list", "--region", "eu-wset-1").err());
    }

    private List<String> refs(String... filters) {
        List<String> args = new ArrayList<>(List.of("list", "--format", "json"));
        args.addAll(List.of(filters));
        var r = Cli.in(dir).run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        List<String> out = new ArrayList<>();
        try {
            new ObjectMapper().readTree(r.out()).forEach(n -> out.add(n.path("model").asText() + "@" + n.path("version").asText()));
        } catch (java.io.IOException e) {
            throw new AssertionError(r.out(), e);
        }
        return out;
    }

    @Test
    void jsonCarriesTiersListsAndDeployments() throws Exception {
        QueryFixture.write(dir);
        var r = Cli.in(dir).run("list", "--format", "json", "--provider", "internal", "--stage", "production", "--region", "eu-west-1");
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertEquals(1, a.size(), r.out());
        JsonNode m = a.get(0);
        assertEquals("credit-scorer", m.path("model").asText());
        assertEquals("2.0.0", m.path("version").asText());
        assertEquals("high", m.path("tier").asText());
        assertEquals("high", m.path("computedTier").asText());
        assertTrue(m.path("declaredTier").isNull());
        assertEquals("[\"eu-west\"]", m.path("dataResidency").toString());
        assertEquals("[\"credit-eu-prod\"]", m.path("deployments").toString());
        assertEquals("models/credit-scorer/2.0.0.yaml", m.path("path").asText());
    }

    @Test
    void deploymentsAsCsvWithCrlfAndFormulasNeutralised() {
        QueryFixture.write(dir);
        var r = Cli.in(dir).run("list", "--deployments", "--format", "csv", "--region", "eu");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("deployment,model,version,environment,region,stage,tier,app,endpoint,owners,path\r\n"
                + "credit-eu-dr,credit-scorer,1.0.0,prod,eu-central-1,production,high,,https://dr/credit,,deployments/credit-eu-dr.yaml\r\n"
                + "credit-eu-prod,credit-scorer,2.0.0,prod,eu-west-1,production,high,,https://eu/credit,,deployments/credit-eu-prod.yaml\r\n"
                + "credit-stage,credit-scorer,3.0.0,stage,eu-west-1,staging,high,,\"'=HYPERLINK(\"\"http://x\"\")\",,deployments/credit-stage.yaml\r\n",
                r.out());
    }

    @Test
    void deploymentsTableFilteredByTheModelTheyRun() {
        QueryFixture.write(dir);
        var r = Cli.in(dir).run("list", "--deployments", "--tier", "minimal");
        assertEquals("""
                DEPLOYMENT     MODEL                 ENV   REGION     STAGE       TIER     APP  ENDPOINT
                fraud-us-prod  fraud-detector@1.0.0  prod  us-east-1  production  minimal       https://us/fraud
                """, r.out());
        var none = Cli.in(dir).run("list", "--deployments", "--env", "dev");
        assertEquals(0, none.exit());
        assertEquals("DEPLOYMENT  MODEL  ENV  REGION  STAGE  TIER  APP  ENDPOINT\n", none.out());
        assertEquals("no deployments match\n", none.err());
    }

    @Test
    void unknownFilterValuesAreUsageErrorsWithASuggestion() {
        QueryFixture.write(dir);
        var r = Cli.in(dir).run("list", "--tier", "hihg");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("registry: error: --tier `hihg` is not one of minimal, limited, high, unacceptable; did you mean `high`?\n", r.err());
        var f = Cli.in(dir).run("list", "--format", "xml");
        assertEquals(2, f.exit(), f.toString());
    }

    @Test
    void theSampleRegistrysHighRiskModelsInProduction() {
        Path sample = Registries.copyOfSample(dir);
        var r = Cli.in(sample).run("list", "--stage", "production", "--tier", "high", "--format", "csv");
        assertEquals(0, r.exit(), r.toString());
        List<String> models = r.out().lines().skip(1).map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))).toList();
        assertEquals(List.of("credit-scorer,2.1.0", "cv-screener,1.2.0", "health-premium-pricer,3.1.0"), models);
        var prodEu = Cli.in(sample).run("list", "--deployments", "--env", "prod", "--region", "eu-central", "--format", "json");
        assertTrue(prodEu.out().contains("\"deployment\": \"loan-origination-eu-dr\""), prodEu.out());
        assertTrue(!prodEu.out().contains("\"region\": \"eu-west-1\""), prodEu.out());
    }
}
