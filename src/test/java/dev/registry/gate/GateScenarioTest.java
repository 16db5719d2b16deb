package dev.registry.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Cli;
import dev.registry.testing.GateCards;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull requests in temporary repositories with several authors, judged by {@code registry gate}
 * as CI would run it; the people are {@link GateCards#OWNERS}.
 */
class GateScenarioTest {

    static final String CARD = GateCards.CARD;

    /** scoring-eu: credit-scorer@2.1.0 in prod, eu-west-1. */
    static final String PROD_DEPLOYMENT = """
            apiVersion: registry/v1
            kind: Deployment
            name: scoring-eu
            model: credit-scorer
            version: 2.1.0
            environment: prod
            region: eu-west-1
            """;

    static String card(String stage) {
        return GateCards.ready(stage);
    }

    static String approval(String by, String role) {
        return GateCards.approval(by, role);
    }

    @TempDir
    Path dir;

    GitFixture git;

    @BeforeEach
    void main() {
        git = GitFixture.init(dir);
        Registries.write(dir, "registry.yaml", Registries.REGISTRY);
        Registries.write(dir, "owners.yaml", GateCards.OWNERS);
        git.write(CARD, card("staging"));
        git.commit("alice@example.com", "credit-scorer 2.1.0 in staging");
        git.branch("promote");
    }

    @AfterEach
    void close() {
        git.close();
    }

    private Cli.Result gate(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "gate";
        args[1] = "--base";
        args[2] = "main";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Cli.in(dir).run(args);
    }

    @Test
    void aSecondPersonsApprovalPasses() {
        git.write(CARD, card("production"));
        git.commit("alice@example.com", "promote credit-scorer 2.1.0");
        git.write(CARD, card("production") + "approvals:\n" + approval("carol@example.com", "risk-officer"));
        git.commit("carol@example.com", "approve credit-scorer 2.1.0");

        var r = gate();
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("gate: 1 promotion in 2 commits from "), r.out());
        assertTrue(r.out().contains("  ok       credit-scorer@2.1.0 staging -> production (tier minimal)\n"), r.out());
        assertTrue(r.out().endsWith(", no problems\n"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void anAliasListedInOwnersCountsAsTheApprover() {
        git.write(CARD, card("production"));
        git.commit("alice@example.com", "promote");
        git.write(CARD, card("production") + "approvals:\n" + approval("carol@example.com", "risk-officer"));
        git.commit("carol@users.noreply.example.com", "approve via the web editor");
        assertEquals(0, gate().exit());
    }

    @Test
    void selfApprovalIsBlocked() {
        git.write(CARD, card("production") + "approvals:\n" + approval("alice@example.com", "risk-officer"));
        git.commit("alice@example.com", "promote and approve my own model");

        var r = gate();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("  blocked  credit-scorer@2.1.0 staging -> production (tier minimal)\n"), r.out());
        assertTrue(r.err().contains(CARD + ":19:5: warning: alice@example.com owns credit-scorer@2.1.0, so their approval"
                + " does not count for the production gate [approval-self]"), r.err());
        assertTrue(r.err().contains(CARD + ":18:1: error: credit-scorer@2.1.0 staging -> production: production gate: needs"
                + " 1 distinct approval for production from people who do not own the model, has 0 [gate-approvals-missing]"), r.err());
        assertTrue(r.out().contains("failed: 1 file checked in the range "), r.out());
    }

    @Test
    void theAuthorOfAChangeCannotApproveIt() {
        git.write(CARD, card("production").replace("Scores loan applications.", "Scores loan and card applications."));
        git.commit("erin@example.com", "widen the scope and promote");
        git.write(CARD, card("production").replace("Scores loan applications.", "Scores loan and card applications.")
                + "approvals:\n" + approval("erin@example.com", "risk-officer"));
        git.commit("erin@example.com", "approve");

        var r = gate();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("warning: approval by erin@example.com does not count: they changed the card in this range"
                + " (commit "), r.err());
        assertTrue(r.err().contains("[approval-author]"), r.err());
        assertTrue(r.err().contains("[gate-approvals-missing]"), r.err());
        // The same approval from someone who did not write the change counts.
        assertEquals(0, gate("--approved-by", "carol@example.com").exit());
    }

    @Test
    void anApprovalWrittenBySomeoneElseInTheApproversNameIsBlocked() {
        git.write(CARD, card("production") + "approvals:\n" + approval("carol@example.com", "risk-officer"));
        git.commit("bob@example.com", "promote, carol said yes on chat");

        var r = gate();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains(CARD + ":19:5: error: approval by carol@example.com was added in commit "), r.err());
        assertTrue(r.err().contains(" by bob@example.com; an approval counts only when its approver commits it [approval-forged]\n"
                + "    hint: carol@example.com must add it in a commit of their own"), r.err());
        // Even with another valid approval the forgery blocks the promotion.
        var withReview = gate("--approved-by", "erin@example.com");
        assertEquals(1, withReview.exit(), withReview.toString());
        assertTrue(withReview.err().contains("[approval-forged]"), withReview.err());
    }

    @Test
    void anApprovalRecordedBeforeTheRangeByAnotherHandDoesNotCountButDoesNotBlock() {
        // The registry's first import, before the gate ran in CI: bob recorded carol's approval.
        git.checkout("main");
        git.write(CARD, card("production") + "approvals:\n" + approval("carol@example.com", "risk-officer"));
        git.commit("bob@example.com", "import the inventory, approvals as recorded in the spreadsheet");
        git.branch("deploy");
        git.write("deployments/scoring-eu.yaml", PROD_DEPLOYMENT);
        git.commit("bob@example.com", "deploy to prod");

        var r = gate();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains(CARD + ":19:5: warning: approval by carol@example.com does not count: it was added before"
                + " this range, in commit "), r.err());
        assertTrue(r.err().contains(" by bob@example.com, and counts only when its approver commits it [approval-unverified]"), r.err());
        assertFalse(r.err().contains("[approval-forged]"), r.err());
        assertTrue(r.err().contains("[gate-approvals-missing]"), r.err());

        // carol approves again, herself, in the pull request: the deployment passes, the record stays.
        git.write(CARD, card("production") + "approvals:\n" + approval("carol@example.com", "risk-officer")
                + approval("carol@example.com", "risk-officer").replace("risk-officer, date", "risk-officer, comment: confirmed, date"));
        git.commit("carol@example.com", "approve credit-scorer@2.1.0 for production");
        var again = gate();
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.err().contains("[approval-unverified]"), again.err());
    }

    @Test
    void anEditAfterTheApprovalInvalidatesIt() {
        git.write(CARD, card("production"));
        git.commit("alice@example.com", "promote");
        git.write(CARD, card("production") + "approvals:\n" + approval("carol@example.com", "risk-officer"));
        git.commit("carol@example.com", "approve");
        git.write(CARD, card("production").replace("Roll back to 2.0.0", "No rollback needed")
                + "approvals:\n" + approval("carol@example.com", "risk-officer"));
        git.commit("bob@example.com", "simplify the rollback plan");

        var r = gate();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("warning: approval by carol@example.com (commit "), r.err());
        assertTrue(r.err().contains(") no longer counts: the card changed after it, in commit "), r.err());
        assertTrue(r.err().contains(" by bob@example.com [approval-stale]"), r.err());
        assertTrue(r.err().contains("[gate-approvals-missing]"), r.err());

        // Bob "refreshes" carol's approval himself: it is his from then on, a forgery.
        String plan = card("production").replace("Roll back to 2.0.0", "No rollback needed") + "approvals:\n";
        String reviewed = approval("carol@example.com", "risk-officer").replace("risk-officer, date", "risk-officer, comment: reviewed again, date");
        git.write(CARD, plan + reviewed);
        git.commit("bob@example.com", "carol re-checked it");
        var byBob = gate();
        assertEquals(1, byBob.exit(), byBob.toString());
        assertTrue(byBob.err().contains("[approval-forged]"), byBob.err());

        // Carol approves again herself, with what she re-checked: it counts.
        git.write(CARD, plan + reviewed.replace("reviewed again", "re-checked the new rollback plan"));
        git.commit("carol@example.com", "approve again");
        var again = gate();
        assertEquals(0, again.exit(), again.toString());
    }

    @Test
    void missingEvidenceIsListed() {
        git.write(CARD, card("production").replace("  benchmarks: https://reports/bench\n", "")
                .replace("  rollbackPlan: Roll back to 2.0.0\n", ""));
        git.commit("alice@example.com", "promote without the paperwork");

        var r = gate("--approved-by", "carol@example.com");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains(CARD + ":10:1: error: credit-scorer@2.1.0 staging -> production: production gate: evidence"
                + " `benchmarks` is missing (needed for production) [gate-evidence-missing]"), r.err());
        assertTrue(r.err().contains("production gate: evidence `rollbackPlan` is missing"), r.err());
        assertFalse(r.err().contains("privacyReview"), r.err());
    }

    @Test
    void highTierNeedsTheRegulatedGate() {
        // No declared tier: the risk engine computes high (Annex III 5(b)) under the base policy.
        String high = GateCards.with(card("production"), "capabilities: [classification, creditworthiness]\nuseDomains: [credit]\n");
        git.write(CARD, high);
        git.commit("alice@example.com", "promote");

        var r = gate("--approved-by", "carol@example.com");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("blocked  credit-scorer@2.1.0 staging -> production (tier high)"), r.out());
        assertTrue(r.err().contains("regulated gate: evidence `redTeam` is missing"), r.err());
        assertTrue(r.err().contains("regulated gate: evidence `evidencePack` is missing"), r.err());
        assertTrue(r.err().contains("regulated gate: needs 2 distinct approvals for production from people who do not own"
                + " the model, has 1 (carol@example.com)"), r.err());
        assertTrue(r.err().contains("regulated gate: needs an approval for production from a privacy-officer"), r.err());

        git.write(CARD, high.replace("  rollbackPlan:", "  redTeam: {report: https://reports/redteam}\n"
                + "  evidencePack: https://reports/pack\n  rollbackPlan:"));
        git.commit("alice@example.com", "add regulated evidence");
        var ok = gate("--approved-by", "carol@example.com", "--approved-by", "dan@example.com");
        assertEquals(0, ok.exit(), ok.toString());
    }

    @Test
    void unacceptableNeverPasses() {
        // Emotion recognition at the workplace: Art 5(1)(f), computed, not declared.
        git.write(CARD, GateCards.with(card("production"), "capabilities: [classification, emotion-recognition]\nuseDomains: [workplace]\n"));
        git.commit("alice@example.com", "promote");

        var r = gate("--approved-by", "carol@example.com,dan@example.com,erin@example.com");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("credit-scorer@2.1.0 is of unacceptable risk (EU AI Act Art. 5): it can never be promoted"
                + " above experimental [gate-unacceptable]"), r.err());
    }

    @Test
    void aDeclaredTierCannotLowerTheComputedOne() {
        git.write(CARD, GateCards.with(card("production"), "capabilities: [creditworthiness]\nrisk: {tier: minimal}\n"));
        git.commit("alice@example.com", "promote, calling it minimal");
        var r = gate("--approved-by", "carol@example.com");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("(tier high)"), r.out());
    }

    /** A CV ranker that only prepares a recruiter's assessment: high under Annex III 4(a), derogable under Art 6(3). */
    static String ranker(String derogationBy) {
        return GateCards.with(card("production"), "capabilities: [classification, cv-filtering, preparatory-task]\nuseDomains: [employment]\n"
                + (derogationBy.isEmpty() ? "" : "risk:\n  derogation: {rule: H-4a, reviewer: " + derogationBy
                        + ", date: 2026-01-02, reason: Prepares the recruiter's own assessment}\n"));
    }

    @Test
    void aDerogationCountsOnlyWhenItsReviewerCommittedIt() {
        git.write(CARD, ranker(""));
        git.commit("alice@example.com", "promote the ranker");
        var high = gate("--approved-by", "carol@example.com");
        assertEquals(1, high.exit(), high.toString());
        assertTrue(high.out().contains("(tier high)"), high.out());

        git.write(CARD, ranker("carol@example.com"));
        git.commit("bob@example.com", "carol agreed it is only preparatory");
        var forged = gate("--approved-by", "erin@example.com");
        assertEquals(1, forged.exit(), forged.toString());
        assertTrue(forged.out().contains("(tier high)"), "judged without the derogation: " + forged.out());
        assertTrue(forged.err().contains("error: the derogation from H-4a signed by carol@example.com was added in commit "), forged.err());
        assertTrue(forged.err().contains(" by bob@example.com; it counts only when its reviewer commits it, so the tier is"
                + " judged without it [derogation-forged]"), forged.err());

        git.write(CARD, ranker(""));
        git.commit("bob@example.com", "withdraw");
        git.write(CARD, ranker("carol@example.com"));
        git.commit("carol@example.com", "sign the Art 6(3) derogation");
        var signed = gate("--approved-by", "erin@example.com");
        assertEquals(0, signed.exit(), signed.toString());
        assertTrue(signed.out().contains("(tier minimal)"), signed.out());

        git.write(CARD, ranker("carol@example.com").replace("preparatory-task]", "preparatory-task, ranks-candidates]"));
        git.commit("bob@example.com", "it ranks too");
        var stale = gate("--approved-by", "erin@example.com");
        assertTrue(stale.err().contains("[derogation-stale]"), stale.toString());
        assertTrue(stale.out().contains("(tier high)"), stale.out());
        assertEquals(1, stale.exit(), stale.toString());
    }

    @Test
    void aPullRequestThatWeakensThePolicyIsJudgedByTheOldOne() {
        Registries.write(dir, "registry.yaml", Registries.REGISTRY + """
                policy:
                  gates:
                    sandbox: {evidence: []}
                    production: {evidence: [], evaluations: {minPassed: 0}, approvals: {min: 0, roles: []}}
                """);
        git.write(CARD, card("production").replace("  benchmarks: https://reports/bench\n", ""));
        git.commit("alice@example.com", "relax the production gate and promote");

        assertEquals(0, Cli.in(dir).run("validate").exit(), "the new policy itself is valid");
        var r = gate();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("production gate: evidence `benchmarks` is missing"), r.err());
        assertTrue(r.err().contains("[gate-approvals-missing]"), r.err());
    }

    @Test
    void aPolicyTightenedOnTheBaseBranchApplies() {
        git.checkout("main");
        Registries.write(dir, "registry.yaml", Registries.REGISTRY + """
                policy:
                  gates:
                    production: {approvals: {min: 2}}
                """);
        git.commit("carol@example.com", "two approvers for production");
        git.branch("promote-2");
        git.write(CARD, card("production"));
        git.commit("alice@example.com", "promote");
        var r = gate("--approved-by", "carol@example.com");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("needs 2 distinct approvals for production"), r.err());
        assertEquals(0, gate("--approved-by", "carol@example.com,erin@example.com").exit());
    }

    @Test
    void aNewProdDeploymentOfAnUnapprovedVersionIsBlocked() {
        git.checkout("main");
        git.write(CARD, card("production"));
        git.commit("alice@example.com", "promoted long ago, before the gate was in CI");
        git.branch("deploy");
        git.write("deployments/scoring-eu.yaml", PROD_DEPLOYMENT);
        git.commit("bob@example.com", "deploy to prod");

        var r = gate();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("blocked  prod deployment scoring-eu -> credit-scorer@2.1.0 (tier minimal)"), r.out());
        assertTrue(r.err().contains("deployments/scoring-eu.yaml:5:10: error: prod deployment `scoring-eu` runs credit-scorer@2.1.0:"
                + " production gate: needs 1 distinct approval for production"), r.err());
        assertEquals(0, gate("--approved-by", "carol@example.com").exit());
    }

    @Test
    void aRollbackToADeprecatedVersionIsJudgedByTheProductionGate() {
        git.checkout("main");
        String old = "models/credit-scorer/2.0.0.yaml";
        String oldCard = card("production").replace("version: 2.1.0", "version: 2.0.0");
        git.write(old, oldCard);
        git.write("deployments/scoring-eu.yaml", "apiVersion: registry/v1\nkind: Deployment\nname: scoring-eu\n"
                + "model: credit-scorer\nversion: 2.0.0\nenvironment: prod\nregion: eu-west-1\n");
        git.commit("alice@example.com", "2.0.0, deployed");
        git.write(old, oldCard + "approvals:\n" + approval("carol@example.com", "risk-officer"));
        git.commit("carol@example.com", "approve 2.0.0");
        git.write(CARD, card("production") + "approvals:\n" + approval("carol@example.com", "risk-officer"));
        git.commit("carol@example.com", "approve 2.1.0 (written and approved by carol in one go)");
        git.write(old, oldCard.replace("  stage: production\n", "  stage: deprecated\n  deprecation: {announced: "
                + LocalDate.now() + ", retireAfter: " + LocalDate.now().plusDays(90) + ", replacement: credit-scorer@2.1.0}\n")
                + "approvals:\n" + approval("carol@example.com", "risk-officer"));
        git.write("deployments/scoring-eu.yaml", "apiVersion: registry/v1\nkind: Deployment\nname: scoring-eu\n"
                + "model: credit-scorer\nversion: 2.1.0\nenvironment: prod\nregion: eu-west-1\n");
        git.commit("alice@example.com", "2.1.0 replaces 2.0.0");
        git.branch("rollback");
        var rollback = Cli.in(dir).run("rollback", "scoring-eu");
        assertEquals(0, rollback.exit(), rollback.toString());
        git.commit("bob@example.com", "roll back to 2.0.0");

        var r = gate();
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("ok       prod deployment scoring-eu -> credit-scorer@2.0.0"), r.out());
    }

    @Test
    void aPromotionAndAProdDeploymentOfItInOnePullRequestAreJudgedOnce() {
        git.write(CARD, card("production"));
        git.write("deployments/scoring-eu.yaml", "apiVersion: registry/v1\nkind: Deployment\nname: scoring-eu\n"
                + "model: credit-scorer\nversion: 2.1.0\nenvironment: prod\nregion: eu-west-1\n");
        git.commit("alice@example.com", "promote and deploy");
        var blocked = gate();
        assertEquals(1, blocked.exit(), blocked.toString());
        assertTrue(blocked.out().contains("  blocked  prod deployment scoring-eu -> credit-scorer@2.1.0 (tier minimal)\n"
                + "  blocked  credit-scorer@2.1.0 staging -> production (tier minimal)\n"), blocked.out());
        assertEquals(2, blocked.err().split("\\[gate-", -1).length - 1, "the card's two needs, once: " + blocked.err());
        var ok = gate("--approved-by", "carol@example.com");
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(ok.out().contains("  ok       prod deployment scoring-eu -> credit-scorer@2.1.0"), ok.out());
    }

    @Test
    void aRegistryInASubfolderIsFollowedThroughHistory(@TempDir Path other) {
        try (GitFixture sub = GitFixture.init(other)) {
            Path reg = other.resolve("ai/registry");
            Registries.write(reg, "registry.yaml", Registries.REGISTRY);
            Registries.write(reg, "owners.yaml", GateCards.OWNERS);
            Registries.write(reg, CARD, card("staging"));
            sub.write("README.md", "the registry is in ai/registry\n");
            sub.commit("alice@example.com", "start");
            sub.branch("promote");
            Registries.write(reg, CARD, card("production"));
            sub.commit("alice@example.com", "promote");
            Registries.write(reg, CARD, card("production") + "approvals:\n" + approval("carol@example.com", "risk-officer"));
            sub.commit("bob@example.com", "carol's approval, written by bob");
            var r = Cli.in(other).run("-C", "ai/registry", "gate", "--base", "main");
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.err().contains("ai/registry/" + CARD + ":19:5: error: approval by carol@example.com was added in commit "),
                    r.err());
            Registries.write(reg, CARD, card("production") + "approvals:\n");
            sub.commit("bob@example.com", "withdraw");
            Registries.write(reg, CARD, card("production") + "approvals:\n" + approval("carol@example.com", "risk-officer"));
            sub.commit("carol@example.com", "approve");
            var ok = Cli.in(other.resolve("ai/registry/models")).run("gate", "--base", "main");
            assertEquals(0, ok.exit(), ok.toString());
            var history = Cli.in(other).run("-C", "ai/registry", "history", "credit-scorer@2.1.0");
            assertEquals(0, history.exit(), history.toString());
            assertEquals(5, history.out().lines().filter(l -> !l.startsWith(" ")).count(), history.out());
        }
    }

    @Test
    void defaultBaseIsTheMergeBaseWithMain() {
        git.write(CARD, card("production"));
        git.commit("alice@example.com", "promote");
        git.checkout("main");
        git.write("models/other/1.0.0.yaml", Registries.model("other", "1.0.0"));
        git.commit("bob@example.com", "unrelated work on main");
        git.checkout("promote");

        var r = Cli.in(dir).run("gate");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().startsWith("gate: 1 promotion in 1 commit from "), r.out());
        assertTrue(r.out().contains("(merge base with main)"), r.out());
    }

    @Test
    void aPromotionHiddenInACardTheHeadCannotReadIsBlocked() {
        // A duplicate key makes the card unreadable: without it the gate would see no promotion at all.
        git.write(CARD, card("production") + "provider: internal\n");
        git.commit("alice@example.com", "promote, with a key written twice");

        var r = gate();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains(CARD + ":"), r.err());
        assertTrue(r.err().contains("error: duplicate key `provider`"), r.err());
        assertTrue(r.err().contains("[yaml-duplicate-key]"), r.err());
        assertTrue(r.out().startsWith("gate: no promotions in 1 commit"), r.out());
        assertTrue(r.out().contains("failed: "), r.out());
        assertTrue(gate("--format", "json").out().contains("\"ok\": false"));
    }

    @Test
    void aProdDeploymentTheSchemaRefusesIsBlocked() {
        git.write("deployments/scoring-eu.yaml", """
                apiVersion: registry/v1
                kind: Deployment
                name: scoring-eu
                model: credit-scorer
                version: 2.1.0
                environment: Prod
                region: eu-west-1
                """);
        git.commit("bob@example.com", "deploy a staging version to prod, spelt Prod");

        var r = gate();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("deployments/scoring-eu.yaml:6:14: error: "), r.err());
    }

    @Test
    void anErrorAlreadyOnTheBaseBranchDoesNotBlockAnotherChange() {
        git.checkout("main");
        Registries.write(dir, "models/legacy/1.0.0.yaml", "not: [a card\n");
        git.commit("alice@example.com", "a broken card lands on main");
        git.branch("reword");
        git.write(CARD, card("staging").replace("Scores loan applications.", "Scores consumer loan applications."));
        git.commit("bob@example.com", "reword");

        var r = gate();
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        // validate, by contrast, still reports it.
        assertEquals(1, Cli.in(dir).run("validate").exit());
    }

    @Test
    void nothingPromotedPasses() {
        git.write(CARD, card("staging").replace("Scores loan applications.", "Scores consumer loan applications."));
        git.commit("bob@example.com", "reword");
        var r = gate("--format", "json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"ok\": true"), r.out());
        assertFalse(r.out().contains("gate:"), "json output carries only the report: " + r.out());
    }

    @Test
    void findingsUseTheSharedRenderers() {
        git.write(CARD, card("production"));
        git.commit("alice@example.com", "promote");
        var github = gate("--format", "github");
        assertEquals(1, github.exit());
        assertTrue(github.out().contains("::error file=" + CARD + ",line=17,col=10,title=gate-approvals-missing::"
                + "credit-scorer@2.1.0 staging -> production: production gate: needs 1 distinct approval"), github.out());
        var sarif = gate("--format", "sarif");
        assertEquals(1, sarif.exit());
        assertTrue(sarif.out().contains("\"ruleId\": \"gate-approvals-missing\""), sarif.out());
    }

    @Test
    void aShallowCloneIsReportedNeverPassed() throws Exception {
        git.write(CARD, card("production"));
        git.commit("alice@example.com", "promote");
        git.write(CARD, card("production") + "approvals:\n" + approval("carol@example.com", "risk-officer"));
        git.commit("carol@example.com", "approve");
        String url = "file://" + dir.toAbsolutePath();
        git.checkout("main"); // the origin's default branch, as on a real remote

        Path single = clone(url, "single", "--depth", "1", "--branch", "promote");
        var r = Cli.in(single).run("gate", "--base", "origin/main");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("registry: error: unknown revision `origin/main`; this is a shallow clone, so it may not have been"
                + " fetched: fetch the full history: `git fetch --unshallow`, or in CI check out with `fetch-depth: 0`"
                + " (GitHub Actions) or `GIT_DEPTH: 0` (GitLab CI)\n", r.err());
        assertEquals("", r.out());

        Path all = clone(url, "all", "--depth", "1", "--no-single-branch", "--branch", "promote");
        var r2 = Cli.in(all).run("gate", "--base", "origin/main");
        assertEquals(3, r2.exit(), r2.toString());
        assertTrue(r2.err().startsWith("registry: error: this is a shallow clone: the history before commit "), r2.err());
        assertTrue(r2.err().contains(" is missing, and history checks need all of it; fetch the full history"), r2.err());
        var r2default = Cli.in(all).run("gate");
        assertEquals(3, r2default.exit(), "the default base is found by a merge-base walk: " + r2default);
        assertTrue(r2default.err().startsWith("registry: error: cannot find where "), r2default.err());
        assertTrue(r2default.err().contains(" diverged: this is a shallow clone; fetch the full history"), r2default.err());

        // Deep enough for the range, not for the approval's history: still no pass.
        git.checkout("promote");
        String approved = git.git().getRepository().resolve("HEAD").name();
        git.write("deployments/scoring-eu.yaml", PROD_DEPLOYMENT);
        git.commit("bob@example.com", "deploy");
        Path two = clone(url, "two", "--depth", "2");
        var r3 = Cli.in(two).run("gate", "--base", approved);
        assertEquals(3, r3.exit(), r3.toString());
        assertTrue(r3.err().startsWith("registry: error: this is a shallow clone: the history before commit "
                + approved.substring(0, 7) + " is missing, and history checks need all of it; fetch the full history"), r3.err());

        // The full history passes the same check.
        assertEquals(0, Cli.in(dir).run("gate", "--base", approved).exit());
    }

    private Path clone(String url, String name, String... options) throws Exception {
        Path target = dir.resolveSibling(dir.getFileName() + "-" + name);
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("git", "clone", "-q"));
        cmd.addAll(java.util.List.of(options));
        cmd.addAll(java.util.List.of(url, target.toString()));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("git is not installed: " + e.getMessage());
            throw e;
        }
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertTrue(java.nio.file.Files.exists(target.resolve(".git/shallow")), "not shallow: " + output);
        return target;
    }

    @Test
    void anUnknownBaseIsAnEnvironmentError() {
        var r = Cli.in(dir).run("gate", "--base", "no-such-branch");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("registry: error: unknown revision `no-such-branch`\n", r.err());
    }
}
