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

class ResolveCommandTest {

    @TempDir
    Path dir;

    @Test
    void theLatestProductionVersionAllowedInTheRegionWithItsFallbacksAndRejections() {
        QueryFixture.write(dir);
        var r = Cli.in(dir).run("resolve", "--capability", "creditworthiness", "--region", "eu-west-1");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                credit-scorer@2.0.0  production, tier high  models/credit-scorer/2.0.0.yaml
                  runs  credit-eu-prod  prod  eu-west-1  https://eu/credit
                fallbacks:
                  1. credit-scorer@1.0.0  usable
                not chosen:
                  credit-scorer@1.0.0  qualifies, but it is a fallback of another qualifying version
                  credit-scorer@3.0.0  stage is staging, not production
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void residencyOutsideTheRegionAndMissingDeploymentsAreReasons() {
        QueryFixture.write(dir);
        // eu-central-1 is inside `eu` (1.0.0) but not `eu-west` (2.0.0)
        var r = Cli.in(dir).run("resolve", "--capability", "classification", "--region", "eu-central-1", "--env", "prod");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                credit-scorer@1.0.0  production, tier high  models/credit-scorer/1.0.0.yaml
                  runs  credit-eu-dr  prod  eu-central-1  https://dr/credit
                fallbacks: none
                not chosen:
                  credit-scorer@2.0.0  data residency eu-west does not allow eu-central-1; no prod deployment in eu-central-1
                  credit-scorer@3.0.0  stage is staging, not production; data residency eu-west-1 does not allow eu-central-1; no prod deployment in eu-central-1
                  fraud-detector@1.0.0  data residency us-east-1 does not allow eu-central-1; no prod deployment in eu-central-1
                """, r.out());
    }

    @Test
    void aMistypedRegionMatchedByAResidencyPrefixGetsANote() {
        QueryFixture.write(dir);
        // credit-scorer@1.0.0's residency `eu` holds eu-wset-1 by prefix: the answer stands, with a note.
        var r = Cli.in(dir).run("resolve", "--capability", "creditworthiness", "--region", "eu-wset-1");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("credit-scorer@1.0.0  production"), r.out());
        assertEquals("registry: note: no deployment or data residency names region `eu-wset-1`; did you mean `eu-west-1`?\n",
                r.err());
        assertEquals("", Cli.in(dir).run("-q", "resolve", "--capability", "creditworthiness", "--region", "eu-wset-1").err());
        // When nothing qualifies, the note comes before the error.
        var none = Cli.in(dir).run("resolve", "--capability", "creditworthiness", "--region", "us-eats-1");
        assertEquals(1, none.exit(), none.toString());
        assertEquals("""
                registry: note: no deployment or data residency names region `us-eats-1`; did you mean `us-east-1`?
                registry: error: no production version with capability `creditworthiness` satisfies the constraints
                """, none.err());
        // A provider no card names gets the same treatment.
        var provider = Cli.in(dir).run("resolve", "--capability", "creditworthiness", "--provider", "internl");
        assertEquals(1, provider.exit(), provider.toString());
        assertEquals("""
                registry: note: no card names provider `internl`; did you mean `internal`?
                registry: error: no production version with capability `creditworthiness` satisfies the constraints
                """, provider.err());
        assertEquals("", Cli.in(dir).run("resolve", "--capability", "creditworthiness", "--provider", "internal").err());
        // Regions and areas a deployment or residency names are not typos.
        for (String known : new String[] {"eu", "eu-central-1", "EU-West-1", "us-east-1"}) {
            assertEquals("", Cli.in(dir).run("resolve", "--capability", "classification", "--region", known).err(), known);
        }
    }

    @Test
    void nothingQualifyingExitsOneWithEveryReasonInJson() throws Exception {
        QueryFixture.write(dir);
        var r = Cli.in(dir).run("resolve", "--capability", "creditworthiness", "--region", "us-east-1", "--provider", "internal",
                "--format", "json");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("registry: error: no production version with capability `creditworthiness` satisfies the constraints\n", r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.path("chosen").isNull());
        assertEquals("us-east-1", j.path("request").path("region").asText());
        assertEquals(3, j.path("rejected").size());
        assertEquals("[\"data residency eu does not allow us-east-1\"]", j.path("rejected").get(0).path("reasons").toString());
    }

    @Test
    void routersGetTheChoiceEndpointsAndUsableFallbacksAsJson() throws Exception {
        QueryFixture.write(dir);
        var r = Cli.in(dir).run("resolve", "--capability", "creditworthiness", "--region", "eu-west-1", "--env", "prod", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("credit-scorer@2.0.0", j.path("chosen").path("ref").asText());
        assertEquals("https://eu/credit", j.path("chosen").path("deployments").get(0).path("endpoint").asText());
        JsonNode fallback = j.path("fallbacks").get(0);
        assertEquals("credit-scorer@1.0.0", fallback.path("ref").asText());
        assertEquals(false, fallback.path("usable").asBoolean());
        assertEquals("[\"no prod deployment in eu-west-1\"]", fallback.path("reasons").toString());
    }

    @Test
    void aProviderConstraintAndAnUnknownCapability() {
        QueryFixture.write(dir);
        var vendor = Cli.in(dir).run("resolve", "--capability", "classification", "--provider", "vendor");
        assertEquals(0, vendor.exit(), vendor.toString());
        assertTrue(vendor.out().startsWith("fraud-detector@1.0.0  production, tier minimal"), vendor.out());
        var unknown = Cli.in(dir).run("resolve", "--capability", "clasification");
        assertEquals(1, unknown.exit(), unknown.toString());
        assertEquals("no model version qualifies\n", unknown.out());
        assertEquals("registry: error: no model version lists capability `clasification`; did you mean `classification`?\n", unknown.err());
        var env = Cli.in(dir).run("resolve", "--capability", "classification", "--env", "production");
        assertEquals(2, env.exit(), env.toString());
    }

    @Test
    void theSampleRegistryResolvesItsCreditScorerInIreland() throws Exception {
        Path sample = Registries.copyOfSample(dir);
        var r = Cli.in(sample).run("resolve", "--capability", "creditworthiness", "--region", "eu-west-1", "--env", "prod", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("credit-scorer@2.1.0", j.path("chosen").path("ref").asText());
        assertEquals("loan-origination-eu-prod", j.path("chosen").path("deployments").get(0).path("name").asText());
        assertEquals("credit-scorer@2.0.3", j.path("fallbacks").get(0).path("ref").asText());
    }
}
