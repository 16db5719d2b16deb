package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {

    @TempDir
    Path dir;

    static final String COMMENTED = """
            # Loan origination in the EU. Pager: credit-oncall.
            apiVersion: registry/v1
            kind: Deployment
            name: loans-eu-prod
            model: credit-scorer
            version: 1.0.0        # pinned after the Q3 review
            environment: prod
            region: eu-west-1     # Dublin
            endpoint: https://scoring.internal/eu/v1
            rollout: {strategy: canary, percent: 100}
            """;

    @BeforeEach
    void registry() {
        Registries.minimal(dir);
        Registries.write(dir, "models/credit-scorer/1.0.0.yaml", Registries.model("credit-scorer", "1.0.0").replace("experimental", "production"));
        Registries.write(dir, "models/credit-scorer/2.0.0.yaml", Registries.model("credit-scorer", "2.0.0").replace("experimental", "production"));
        Registries.write(dir, "models/credit-scorer/3.0.0.yaml", Registries.model("credit-scorer", "3.0.0").replace("experimental", "staging"));
    }

    private Path deployment() {
        return dir.resolve("deployments/loans-eu-prod.yaml");
    }

    @Test
    void createsADeploymentCard() {
        var r = Cli.in(dir).run("deploy", "--name", "loans-eu-prod", "--model", "credit-scorer", "--version", "1.0.0",
                "--env", "prod", "--region", "eu-west-1", "--endpoint", "https://scoring.internal/eu/v1", "--app", "loan-origination",
                "--owner", "team:ml-platform");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("created deployments/loans-eu-prod.yaml\n", r.out());
        assertEquals("", r.err());
        assertEquals("""
                apiVersion: registry/v1
                kind: Deployment
                name: loans-eu-prod
                model: credit-scorer
                version: 1.0.0
                environment: prod
                region: eu-west-1
                endpoint: https://scoring.internal/eu/v1
                app: loan-origination
                owners: [team:ml-platform]
                """, Registries.read(deployment()));
        assertEquals(0, Cli.in(dir).run("validate").exit());
    }

    @Test
    void refusesAProdDeploymentOfAVersionNotInProduction() {
        var r = Cli.in(dir).run("deploy", "--name", "loans-eu-prod", "--model", "credit-scorer@3.0.0", "--env", "prod",
                "--region", "eu-west-1");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("""
                deployments/loans-eu-prod.yaml:5:10: error: prod deployment `loans-eu-prod` runs credit-scorer@3.0.0, which is staging, not production [deployment-stage]
                    hint: promote the version first (`registry promote credit-scorer@3.0.0 --to production`) or deploy to dev/stage
                registry: error: nothing was written: deploy credit-scorer@3.0.0 to loans-eu-prod was refused (1 error)
                """, r.err());
        assertFalse(Files.exists(dir.resolve("deployments")));
        assertEquals(0, Cli.in(dir).run("deploy", "--name", "loans-eu-stage", "--model", "credit-scorer@3.0.0", "--env", "stage",
                "--region", "eu-west-1").exit());
    }

    @Test
    void anUpdateChangesOnlyTheGivenLinesAndKeepsComments() {
        Registries.write(dir, "deployments/loans-eu-prod.yaml", COMMENTED);
        var r = Cli.in(dir).run("deploy", "--name", "loans-eu-prod", "--version", "2.0.0", "--app", "loan-origination");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("updated deployments/loans-eu-prod.yaml\n", r.out());
        assertEquals(COMMENTED.replace("version: 1.0.0        # pinned", "version: 2.0.0        # pinned")
                .replace("eu/v1\n", "eu/v1\napp: loan-origination\n"), Registries.read(deployment()));
    }

    @Test
    void dryRunOfAnUpdatePrintsAUnifiedDiff() {
        Registries.write(dir, "deployments/loans-eu-prod.yaml", COMMENTED);
        var r = Cli.in(dir).run("deploy", "--name", "loans-eu-prod", "--version", "2.0.0", "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                --- a/deployments/loans-eu-prod.yaml
                +++ b/deployments/loans-eu-prod.yaml
                @@ -3,7 +3,7 @@
                 kind: Deployment
                 name: loans-eu-prod
                 model: credit-scorer
                -version: 1.0.0        # pinned after the Q3 review
                +version: 2.0.0        # pinned after the Q3 review
                 environment: prod
                 region: eu-west-1     # Dublin
                 endpoint: https://scoring.internal/eu/v1
                """, r.out());
        assertEquals("dry run: nothing written; 1 changed file would be written\n", r.err());
        assertEquals(COMMENTED, Registries.read(deployment()));
    }

    @Test
    void anUpdateToAnUnknownOrStagingVersionIsRefusedAndTheCardKept() {
        Registries.write(dir, "deployments/loans-eu-prod.yaml", COMMENTED);
        var unknown = Cli.in(dir).run("deploy", "--name", "loans-eu-prod", "--version", "9.0.0");
        assertEquals(1, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().startsWith("deployments/loans-eu-prod.yaml:6:10: error: deployed model credit-scorer@9.0.0 is not"
                + " in the registry [reference-unknown]\n    hint: known versions of credit-scorer: 1.0.0, 2.0.0, 3.0.0\n"), unknown.err());
        var staging = Cli.in(dir).run("deploy", "--name", "loans-eu-prod", "--version", "3.0.0");
        assertEquals(1, staging.exit(), staging.toString());
        assertTrue(staging.err().contains("[deployment-stage]"), staging.err());
        assertEquals(COMMENTED, Registries.read(deployment()));
    }

    @Test
    void aBadDeploymentNameIsCalledADeploymentName() {
        var r = Cli.in(dir).run("deploy", "--name", "../x", "--model", "credit-scorer@1.0.0", "--env", "dev",
                "--region", "eu-west-1");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("registry: error: deployment name `../x` must be lowercase kebab-case: a-z, 0-9 and inner dashes,"
                + " 1 to 64 characters (such as loan-origination-eu-prod)\n", r.err());
        assertFalse(Files.exists(dir.resolve("x.yaml")));
        // A bad --model is still a model name.
        var model = Cli.in(dir).run("deploy", "--name", "loans-dev", "--model", "Credit_Scorer", "--version", "1.0.0",
                "--env", "dev", "--region", "eu-west-1");
        assertEquals(2, model.exit(), model.toString());
        assertEquals("registry: error: model name `Credit_Scorer` must be lowercase kebab-case: a-z, 0-9 and inner dashes,"
                + " 1 to 64 characters (such as credit-scorer)\n", model.err());
    }

    @Test
    void anEnvironmentTypoGetsASuggestion() {
        var r = Cli.in(dir).run("deploy", "--name", "loans-eu-prod", "--model", "credit-scorer@1.0.0", "--env", "prd",
                "--region", "eu-west-1");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("`environment` must be one of dev, stage, prod; found `prd` [schema-enum]\n"
                + "    hint: did you mean `prod`?"), r.err());
    }

    @Test
    void aNewDeploymentNeedsItsRequiredFieldsAndAnUpdateNeedsAChange() {
        var r = Cli.in(dir).run("deploy", "--name", "loans-eu-prod", "--model", "credit-scorer@1.0.0");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("registry: error: deployment `loans-eu-prod` is new; it needs --env, --region\n", r.err());
        Registries.write(dir, "deployments/loans-eu-prod.yaml", COMMENTED);
        var nothing = Cli.in(dir).run("deploy", "--name", "loans-eu-prod");
        assertEquals(2, nothing.exit(), nothing.toString());
        var same = Cli.in(dir).run("deploy", "--name", "loans-eu-prod", "--version", "1.0.0");
        assertEquals(0, same.exit(), same.toString());
        assertEquals("unchanged: nothing to write\n", same.out());
        assertEquals(COMMENTED, Registries.read(deployment()));
    }
}
