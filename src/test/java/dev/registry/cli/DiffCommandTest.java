package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.testing.Cli;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    @TempDir
    Path dir;

    /** Two commits: a promotion with its approval, a capability that raises the tier, a new deployment. */
    private RevCommit[] quarter(GitFixture git) {
        Registries.minimal(dir);
        Registries.writeModel(dir, "scorer", "1.0.0");
        Registries.writeModel(dir, "chat", "0.1.0");
        RevCommit first = git.commit("alice@example.com", "register scorer and chat");
        Registries.write(dir, "models/scorer/1.0.0.yaml", Registries.model("scorer", "1.0.0")
                .replace("stage: experimental", "stage: staging")
                + "capabilities: [classification, creditworthiness]\n"
                + "approvals:\n  - {stage: staging, by: carol@example.com, role: risk-officer, date: 2026-01-05}\n");
        Registries.write(dir, "deployments/scorer-stage.yaml", ExportCommandTest.DEPLOYMENT);
        RevCommit second = git.commit("bob@example.com", "promote scorer to staging and deploy it");
        return new RevCommit[] {first, second};
    }

    @Test
    void textReportShowsPromotionTierChangeNewDeploymentAndApproval() {
        try (GitFixture git = GitFixture.init(dir)) {
            RevCommit[] c = quarter(git);
            var r = Cli.in(dir).run("diff", "HEAD~1..HEAD");
            assertEquals(0, r.exit(), r.toString());
            assertEquals("", r.err());
            assertEquals("Inventory changes from HEAD~1 to HEAD\n"
                    + "  from: " + c[0].name().substring(0, 7) + ", 2026-01-05T10:00:00Z, alice@example.com: register scorer and chat\n"
                    + "  to:   " + c[1].name().substring(0, 7) + ", 2026-01-05T11:00:00Z, bob@example.com: promote scorer to staging and deploy it\n"
                    + "  model versions 2 → 2, deployments 0 → 1\n"
                    + "\n"
                    + "Promoted (1)\n"
                    + "  scorer@1.0.0  experimental → staging\n"
                    + "\n"
                    + "Risk tier changes (1)\n"
                    + "  scorer@1.0.0  minimal → high (computed minimal → high)\n"
                    + "\n"
                    + "Deployments added (1)\n"
                    + "  scorer-stage  runs scorer@1.0.0 in stage, eu-west-1\n"
                    + "\n"
                    + "Approvals added (1)\n"
                    + "  scorer@1.0.0  staging by carol@example.com (risk-officer) on 2026-01-05\n"
                    + "\n"
                    + "4 changes.\n", r.out());
        }
    }

    @Test
    void csvAndJsonCarryTheSameChanges() throws Exception {
        try (GitFixture git = GitFixture.init(dir)) {
            RevCommit[] c = quarter(git);
            var csv = Cli.in(dir).run("diff", c[0].name() + ".." + c[1].name(), "--format", "csv");
            assertEquals(0, csv.exit(), csv.toString());
            assertEquals("change,model,version,deployment,from,to,detail\r\n"
                    + "promoted,scorer,1.0.0,,experimental,staging,\r\n"
                    + "tier-changed,scorer,1.0.0,,minimal,high,computed minimal → high\r\n"
                    + "deployment-added,scorer,1.0.0,scorer-stage,,\"scorer@1.0.0 in stage, eu-west-1\",\r\n"
                    + "approval-added,scorer,1.0.0,,,staging,carol@example.com (risk-officer) on 2026-01-05\r\n", csv.out());

            var json = Cli.in(dir).run("diff", c[0].name().substring(0, 8) + "..", "--format", "json", "-o", "q1.json");
            assertEquals(0, json.exit(), json.toString());
            assertEquals("wrote q1.json: 4 changes\n", json.out());
            JsonNode report = new ObjectMapper().readTree(Files.readString(dir.resolve("q1.json")));
            assertEquals(c[0].name(), report.get("from").get("commit").asText());
            assertEquals("HEAD", report.get("to").get("asked").asText());
            assertEquals(1, report.get("after").get("deployments").asInt());
            assertEquals("{\"promoted\":1,\"tier-changed\":1,\"deployment-added\":1,\"approval-added\":1}",
                    report.get("summary").toString());
            JsonNode promoted = report.get("changes").get(0);
            assertEquals("promoted", promoted.get("change").asText());
            assertTrue(promoted.get("deployment").isNull());
            assertEquals("staging", promoted.get("to").asText());
        }
    }

    @Test
    void datesWorkOnBothSidesAndNoChangeIsSaidPlainly() {
        try (GitFixture git = GitFixture.init(dir)) {
            quarter(git);
            var r = Cli.in(dir).run("diff", "2026-01-05T10:30:00Z..2026-01-05");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("\nPromoted (1)\n"), r.out());
            var same = Cli.in(dir).run("diff", "HEAD..HEAD");
            assertEquals(0, same.exit(), same.toString());
            assertTrue(same.out().endsWith("\nNo inventory changes.\n"), same.out());
        }
    }

    @Test
    void badRangesAndRevisionsExitWithTheirCodes() {
        try (GitFixture git = GitFixture.init(dir)) {
            quarter(git);
            var threeDots = Cli.in(dir).run("diff", "HEAD~1...HEAD");
            assertEquals(2, threeDots.exit(), threeDots.toString());
            assertTrue(threeDots.err().startsWith("registry: error: `HEAD~1...HEAD`: write <from>..<to> with two dots"),
                    threeDots.err());
            var noStart = Cli.in(dir).run("diff", "..HEAD");
            assertEquals(2, noStart.exit(), noStart.toString());
            var threePoints = Cli.in(dir).run("diff", "HEAD~1..HEAD..x");
            assertEquals(2, threePoints.exit(), threePoints.toString());
            assertEquals("registry: error: `HEAD~1..HEAD..x` names more than two points: write <from>..<to>, such as"
                    + " 2026-01-01..2026-03-31\n", threePoints.err());
            var unknown = Cli.in(dir).run("diff", "v1..HEAD");
            assertEquals(3, unknown.exit(), unknown.toString());
            assertEquals("registry: error: unknown revision `v1`\n", unknown.err());
            assertEquals("", unknown.out());
            var early = Cli.in(dir).run("diff", "2025-12-31..HEAD");
            assertEquals(3, early.exit(), early.toString());
            assertTrue(early.err().startsWith("registry: error: no commit on or before 2025-12-31"), early.err());
            var format = Cli.in(dir).run("diff", "HEAD~1..", "--format", "sarif");
            assertEquals(2, format.exit(), format.toString());
        }
    }

    @Test
    void anUnreadableCardAtOneEndStopsTheDiff() {
        try (GitFixture git = GitFixture.init(dir)) {
            quarter(git);
            git.write("models/broken/1.0.0.yaml", "name: [unclosed\n");
            git.commit("bob@example.com", "broken card");
            var r = Cli.in(dir).run("diff", "HEAD~1..HEAD");
            assertEquals(1, r.exit(), r.toString());
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("models/broken/1.0.0.yaml:"), r.err());
            assertTrue(r.err().contains("cannot be read, so the diff would leave it out"), r.err());
        }
    }
}
