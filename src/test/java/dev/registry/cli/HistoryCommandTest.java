package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.testing.Cli;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {

    @TempDir
    Path dir;

    private void story(GitFixture git) {
        Registries.minimal(dir);
        String v1 = Registries.model("scorer", "1.0.0");
        git.write("models/scorer/1.0.0.yml", v1);
        git.commit("alice@example.com", "register scorer 1.0.0");
        git.write("models/other/1.0.0.yaml", Registries.model("other", "1.0.0"));
        git.commit("bob@example.com", "an unrelated model");
        String staged = v1.replace("experimental", "staging") + "evidence:\n  dataBoundary: internal data\n  safetyChecks: done\n";
        git.write("models/scorer/1.0.0.yml", staged);
        git.commit("bob@example.com", "promote to staging");
        git.delete("models/scorer/1.0.0.yml");
        String described = staged.replace("provider: internal\n", "provider: internal\ndescription: Scores.\nrisk: {tier: high}\n");
        git.write("models/scorer/1.0.0.yaml", described);
        git.commit("alice@example.com", "rename to .yaml, describe and declare the tier");
        git.write("models/scorer/1.0.0.yaml", described.replace("safetyChecks: done", "safetyChecks: https://reports/safety")
                + "approvals:\n  - {stage: production, by: carol@example.com, role: risk-officer, date: 2026-01-06}\n");
        git.commit("carol@example.com", "approve");
        git.write("models/scorer/2.0.0.yaml", Registries.model("scorer", "2.0.0"));
        git.commit("alice@example.com", "scorer 2.0.0");
    }

    @Test
    void textShowsEachCommitThatTouchedTheVersionAndWhatChanged() {
        try (GitFixture git = GitFixture.init(dir)) {
            story(git);
            var r = Cli.in(dir).run("history", "scorer@1.0.0");
            assertEquals(0, r.exit(), r.toString());
            String[] lines = r.out().split("\n");
            assertEquals(16, lines.length, r.out());
            assertTrue(lines[0].matches("[0-9a-f]{7} 2026-01-05 14:00 \\+0000 carol <carol@example.com>: approve"), lines[0]);
            assertEquals("  scorer@1.0.0 changed (models/scorer/1.0.0.yaml)", lines[1]);
            assertEquals("    approvals: + production by carol@example.com (risk-officer)", lines[2]);
            assertEquals("    evidence: ~ safetyChecks", lines[3]);
            assertTrue(lines[4].endsWith(" alice <alice@example.com>: rename to .yaml, describe and declare the tier"), lines[4]);
            assertEquals("  scorer@1.0.0 changed (models/scorer/1.0.0.yaml, moved from models/scorer/1.0.0.yml)", lines[5]);
            assertEquals("    tier: (none) -> high", lines[6]);
            assertEquals("    changed: description", lines[7]);
            assertTrue(lines[8].endsWith(" bob <bob@example.com>: promote to staging"), lines[8]);
            assertEquals("    stage: experimental -> staging", lines[10]);
            assertEquals("    evidence: + dataBoundary, + safetyChecks", lines[11]);
            assertTrue(lines[12].endsWith(" alice <alice@example.com>: register scorer 1.0.0"), lines[12]);
            assertEquals("  scorer@1.0.0 created (models/scorer/1.0.0.yml)", lines[13]);
            assertEquals("    stage: (none) -> experimental", lines[14]);
            assertEquals("    fields: apiVersion, kind, name, version, provider, owners", lines[15]);
            assertEquals("", r.err());
        }
    }

    @Test
    void jsonListsEveryVersionWhenNoneIsNamed() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            story(git);
            var r = Cli.in(dir).run("history", "scorer", "--format", "json");
            assertEquals(0, r.exit(), r.toString());
            JsonNode root = new ObjectMapper().readTree(r.out());
            assertEquals(5, root.path("count").asInt());
            assertEquals("scorer@2.0.0", root.at("/revisions/0/model").asText());
            assertEquals("created", root.at("/revisions/0/change").asText());
            JsonNode approve = root.at("/revisions/1");
            assertEquals("carol@example.com", approve.at("/author/email").asText());
            assertEquals("production by carol@example.com (risk-officer)", approve.at("/approvals/added/0").asText());
            assertTrue(approve.path("stage").isNull());
            assertEquals("experimental", root.at("/revisions/3/stage/from").asText());
            assertEquals("staging", root.at("/revisions/3/stage/to").asText());
            assertEquals("high", root.at("/revisions/2/tier/to").asText());
            assertTrue(root.at("/revisions/2/tier/from").isNull());
            assertEquals("2026-01-05T13:00Z", root.at("/revisions/2/date").asText());
        }
    }

    private static String deployment(String name, String version, String extra) {
        return """
                apiVersion: registry/v1
                kind: Deployment
                name: %s
                model: scorer
                version: %s
                environment: prod
                region: eu-west-1
                %s""".formatted(name, version, extra);
    }

    /** The story's model, deployed: a canary, a full rollout, a move of the file, a rollback. */
    private void deployments(GitFixture git) {
        story(git);
        git.write("deployments/scoring.yaml", deployment("scoring", "1.0.0", "rollout: {strategy: canary, percent: 5}\n"));
        git.commit("alice@example.com", "deploy scorer 1.0.0 to scoring");
        git.write("models/scorer/2.0.0.yaml", Registries.model("scorer", "2.0.0").replace("experimental", "production"));
        git.commit("alice@example.com", "scorer 2.0.0 in production");
        git.write("deployments/scoring.yaml", deployment("scoring", "2.0.0",
                "endpoint: https://scoring/v2\nrollout: {strategy: canary, percent: 100}\n"));
        git.commit("bob@example.com", "deploy scorer 2.0.0 to scoring");
        git.delete("deployments/scoring.yaml");
        git.write("deployments/scoring.yml", deployment("scoring", "2.0.0",
                "endpoint: https://scoring/v2\nrollout: {strategy: canary, percent: 100}\napp: loans\n"));
        git.commit("bob@example.com", "name the app");
        git.write("deployments/scoring.yml", deployment("scoring", "1.0.0",
                "endpoint: https://scoring/v2\nrollout: {strategy: canary, percent: 100}\napp: loans\n"));
        git.commit("dan@example.com", "rollback scoring to scorer@1.0.0 (from scorer@2.0.0)");
    }

    @Test
    void aDeploymentsTrailShowsEveryDeployAndRollback() {
        try (GitFixture git = GitFixture.init(dir)) {
            deployments(git);
            var r = Cli.in(dir).run("history", "scoring");
            assertEquals(0, r.exit(), r.toString());
            assertEquals("", r.err());
            String[] lines = r.out().split("\n");
            assertTrue(lines[0].endsWith(" dan <dan@example.com>: rollback scoring to scorer@1.0.0 (from scorer@2.0.0)"), lines[0]);
            assertEquals("  deployment scoring changed (deployments/scoring.yml)", lines[1]);
            assertEquals("    version: scorer@2.0.0 -> scorer@1.0.0", lines[2]);
            assertTrue(lines[3].endsWith(" bob <bob@example.com>: name the app"), lines[3]);
            assertEquals("  deployment scoring changed (deployments/scoring.yml, moved from deployments/scoring.yaml)", lines[4]);
            assertEquals("    changed: app", lines[5]);
            assertTrue(lines[6].endsWith(" bob <bob@example.com>: deploy scorer 2.0.0 to scoring"), lines[6]);
            assertEquals("  deployment scoring changed (deployments/scoring.yaml)", lines[7]);
            assertEquals("    version: scorer@1.0.0 -> scorer@2.0.0", lines[8]);
            assertEquals("    endpoint: (none) -> https://scoring/v2", lines[9]);
            assertEquals("    rollout: canary 5% -> canary 100%", lines[10]);
            assertTrue(lines[11].endsWith(" alice <alice@example.com>: deploy scorer 1.0.0 to scoring"), lines[11]);
            assertEquals("  deployment scoring created (deployments/scoring.yaml)", lines[12]);
            assertEquals("    version: (none) -> scorer@1.0.0", lines[13]);
            assertEquals("    environment: (none) -> prod", lines[14]);
            assertEquals("    region: (none) -> eu-west-1", lines[15]);
            assertEquals("    rollout: (none) -> canary 5%", lines[16]);
            assertEquals("    fields: apiVersion, kind, name", lines[17]);
            assertEquals(18, lines.length, r.out());
        }
    }

    @Test
    void aDeploymentsTrailAsJson() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            deployments(git);
            var r = Cli.in(dir).run("history", "scoring", "--format", "json");
            assertEquals(0, r.exit(), r.toString());
            JsonNode root = new ObjectMapper().readTree(r.out());
            assertTrue(root.path("model").isNull(), r.out());
            assertEquals("scoring", root.path("deployment").asText());
            assertEquals(4, root.path("count").asInt());
            JsonNode rollback = root.at("/revisions/0");
            assertEquals("dan@example.com", rollback.at("/author/email").asText());
            assertEquals("scoring", rollback.path("deployment").asText());
            assertEquals("changed", rollback.path("change").asText());
            assertEquals("scorer@2.0.0", rollback.at("/version/from").asText());
            assertEquals("scorer@1.0.0", rollback.at("/version/to").asText());
            assertTrue(rollback.path("region").isNull());
            assertEquals("deployments/scoring.yaml", root.at("/revisions/1/movedFrom").asText());
            assertEquals("app", root.at("/revisions/1/fields/0").asText());
            assertEquals("canary 100%", root.at("/revisions/2/rollout/to").asText());
        }
    }

    @Test
    void aNameThatIsBothAModelAndADeploymentShowsBothNewestFirst() {
        try (GitFixture git = GitFixture.init(dir)) {
            story(git);
            git.write("deployments/scorer.yaml", deployment("scorer", "1.0.0", ""));
            git.commit("bob@example.com", "a deployment named like the model");
            var r = Cli.in(dir).run("history", "scorer");
            assertEquals(0, r.exit(), r.toString());
            List<String> subjects = r.out().lines().filter(l -> !l.startsWith(" ")).map(l -> l.substring(l.indexOf(">: ") + 3)).toList();
            assertEquals(List.of("a deployment named like the model", "scorer 2.0.0", "approve",
                    "rename to .yaml, describe and declare the tier", "promote to staging", "register scorer 1.0.0"), subjects);
            assertTrue(r.out().contains("\n  deployment scorer created (deployments/scorer.yaml)\n"), r.out());
        }
    }

    @Test
    void aNameThatIsNeitherIsAUsageErrorWithASuggestion() {
        try (GitFixture git = GitFixture.init(dir)) {
            deployments(git);
            var r = Cli.in(dir).run("history", "scorng");
            assertEquals(2, r.exit(), r.toString());
            assertEquals("", r.out());
            assertEquals("registry: error: `scorng` is neither a model nor a deployment in the history of HEAD; did you mean"
                    + " `scoring`?\n", r.err());
        }
    }

    @Test
    void anUnknownModelIsAUsageError() {
        try (GitFixture git = GitFixture.init(dir)) {
            story(git);
            var r = Cli.in(dir).run("history", "scorer@9.9.9");
            assertEquals(2, r.exit(), r.toString());
            assertEquals("registry: error: no commit in the history of HEAD has a card for scorer@9.9.9\n", r.err());
            assertEquals(2, Cli.in(dir).run("history", "scorer@").exit());
        }
    }
}
