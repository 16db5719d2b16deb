package dev.registry.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    /** A staging card with everything the default production gate asks for, less approvals. */
    static final String READY = """
            apiVersion: registry/v1
            kind: Model
            name: credit-scorer
            version: 2.1.0
            provider: internal
            owners: [team:ml-platform]
            evaluations:
              - {suite: holdout, date: 2026-02-01, passed: true}
            evidence:
              dataBoundary: EU customer data only
              safetyChecks: https://reports/safety
              benchmarks: https://reports/bench
              privacyReview: {report: https://reports/privacy, date: 2026-01-20, reviewer: dan@example.com}
              rollbackPlan: Roll back to 2.0.0
            lifecycle:
              stage: staging
            """;

    @TempDir
    Path dir;

    private Snapshot snapshot(String card) {
        Registries.minimal(dir);
        Registries.write(dir, "models/credit-scorer/2.1.0.yaml", card);
        return new SnapshotReader().read(new WorkingTreeSource(dir));
    }

    private ModelCard card(Snapshot s) {
        return s.model(new ModelRef("credit-scorer", "2.1.0")).orElseThrow();
    }

    private static List<String> rules(List<Need> needs) {
        return needs.stream().map(Need::ruleId).toList();
    }

    @Test
    void missingEvidenceIsListedOnePerItem() {
        Snapshot s = snapshot(READY.replace("  benchmarks: https://reports/bench\n", "").replace("  dataBoundary: EU customer data only\n", "  dataBoundary: '  '\n"));
        Verdict v = new GateCheck(GatePolicy.of(s), s.owners(), TODAY).check(card(s), Stage.PRODUCTION, RiskTier.MINIMAL,
                List.of(new Approver("carol@example.com", List.of("risk-officer"), "")));
        assertEquals(List.of("gate-evidence-missing", "gate-evidence-missing"), rules(v.needs()), v.toString());
        assertEquals("/evidence/dataBoundary", v.needs().get(0).pointer());
        assertEquals("sandbox gate: evidence `dataBoundary` is missing (needed for production)", v.needs().get(0).message());
        assertEquals("production gate: evidence `benchmarks` is missing (needed for production)", v.needs().get(1).message());
        assertFalse(v.passes());
    }

    @Test
    void staleEvaluationsDoNotCount() {
        Snapshot s = snapshot(READY.replace("date: 2026-02-01", "date: 2025-06-01"));
        Verdict v = new GateCheck(GatePolicy.of(s), s.owners(), TODAY).check(card(s), Stage.PRODUCTION, RiskTier.MINIMAL,
                List.of(new Approver("carol@example.com", List.of("risk-officer"), "")));
        assertEquals(List.of("gate-evaluation-stale"), rules(v.needs()));
        assertEquals("production gate: needs 1 passed evaluation from the last 180 days, the card has 0;"
                + " the newest passed one is from 2025-06-01", v.needs().get(0).message());
    }

    @Test
    void ownersDoNotCountAsApproversAndTheRoleMustBeCovered() {
        Snapshot s = snapshot(READY);
        GateCheck check = new GateCheck(GatePolicy.of(s), s.owners(), TODAY);
        Verdict self = check.check(card(s), Stage.PRODUCTION, RiskTier.MINIMAL,
                List.of(new Approver("alice@example.com", List.of("model-owner"), "/approvals/0")));
        assertEquals(List.of("gate-approvals-missing", "gate-approval-role"), rules(self.needs()));
        assertEquals(List.of("approval-self"), rules(self.notes()));
        assertEquals("production gate: needs an approval for production from a risk-officer who does not own the model",
                self.needs().get(1).message());
        assertEquals("can approve: carol@example.com (`registry approve credit-scorer@2.1.0 --stage production`)",
                self.needs().get(1).hint());

        Verdict other = check.check(card(s), Stage.PRODUCTION, RiskTier.MINIMAL,
                List.of(new Approver("dan@example.com", List.of("privacy-officer"), "")));
        assertEquals(List.of("gate-approval-role"), rules(other.needs()));
        assertTrue(check.check(card(s), Stage.PRODUCTION, RiskTier.MINIMAL,
                List.of(new Approver("carol@example.com", List.of("risk-officer"), ""))).passes());
    }

    @Test
    void highTierAddsTheRegulatedGate() {
        Snapshot s = snapshot(READY);
        Verdict v = new GateCheck(GatePolicy.of(s), s.owners(), TODAY).check(card(s), Stage.PRODUCTION, RiskTier.HIGH,
                List.of(new Approver("carol@example.com", List.of("risk-officer"), "")));
        assertEquals(List.of("gate-evidence-missing", "gate-evidence-missing", "gate-approvals-missing", "gate-approval-role"),
                rules(v.needs()), v.toString());
        assertTrue(v.needs().stream().allMatch(n -> n.gate().equals("regulated")), v.toString());
        assertEquals("regulated gate: needs 2 distinct approvals for production from people who do not own the model,"
                + " has 1 (carol@example.com)", v.needs().get(2).message());
    }

    @Test
    void unacceptableIsNeverPromotedWhateverTheCardSays() {
        Snapshot s = snapshot(READY);
        Verdict v = new GateCheck(GatePolicy.of(s), s.owners(), TODAY).check(card(s), Stage.STAGING, RiskTier.UNACCEPTABLE,
                List.of(new Approver("carol@example.com", List.of("risk-officer"), "")));
        assertEquals(List.of("gate-unacceptable"), rules(v.needs()));
    }

    @Test
    void readinessReadsApprovalsFromTheCardAndNamesTheNextStage() {
        Snapshot s = snapshot(READY + """
                approvals:
                  - {stage: production, by: carol@example.com, role: privacy-officer, date: 2026-02-02}
                  - {stage: production, by: nobody@example.com, date: 2026-02-02}
                  - {stage: staging, by: carol@example.com, date: 2026-02-02}
                """);
        Readiness r = Readiness.forNextStage(s, card(s), RiskTier.MINIMAL, TODAY);
        assertEquals(Optional.of(Stage.PRODUCTION), r.target());
        assertEquals(List.of("gate-approvals-missing", "gate-approval-role"), rules(r.needs()));
        assertEquals(List.of("approval-role", "approval-unknown"), rules(r.notes()));
        assertEquals("/approvals/0/role", r.notes().get(0).pointer());
        assertFalse(r.ready());

        Snapshot fixed = snapshot(READY + """
                approvals:
                  - {stage: production, by: carol@example.com, role: risk-officer, date: 2026-02-02}
                """);
        assertTrue(Readiness.forNextStage(fixed, card(fixed), RiskTier.MINIMAL, TODAY).ready());
    }

    @Test
    void readinessComputesTheTierWithTheRiskEngine() {
        Snapshot s = snapshot(READY.replace("owners: [team:ml-platform]\n",
                "owners: [team:ml-platform]\ncapabilities: [creditworthiness]\n") + """
                approvals:
                  - {stage: production, by: carol@example.com, role: risk-officer, date: 2026-02-02}
                """);
        Readiness r = Readiness.forNextStage(s, card(s), TODAY);
        assertEquals(RiskTier.HIGH, r.tier());
        assertTrue(r.needs().stream().allMatch(n -> n.gate().equals("regulated")), r.toString());
        assertEquals(List.of("gate-evidence-missing", "gate-evidence-missing", "gate-approvals-missing", "gate-approval-role"),
                rules(r.needs()));
    }

    @Test
    void showAsksTheGateWhatTheNextStageNeeds() {
        Snapshot s = snapshot(READY.replace("  benchmarks: https://reports/bench\n", ""));
        var facts = new dev.registry.query.ModelQuery(s, TODAY).facts(card(s), Readiness.promotionNeeds(TODAY));
        assertEquals(Optional.of(Stage.PRODUCTION), facts.nextStage());
        assertEquals(Optional.of(List.of(
                "production gate: evidence `benchmarks` is missing (needed for production)",
                "production gate: needs 1 distinct approval for production from people who do not own the model, has 0",
                "production gate: needs an approval for production from a risk-officer who does not own the model")),
                facts.nextStageNeeds());
        Snapshot ready = snapshot(READY + """
                approvals:
                  - {stage: production, by: carol@example.com, role: risk-officer, date: 2026-02-02}
                """);
        assertEquals(Optional.of(List.of()), new dev.registry.query.ModelQuery(ready, TODAY)
                .facts(card(ready), Readiness.promotionNeeds(TODAY)).nextStageNeeds());
    }

    @Test
    void productionHasNoNextStage() {
        Snapshot s = snapshot(READY.replace("stage: staging", "stage: production"));
        Readiness r = Readiness.forNextStage(s, card(s), RiskTier.MINIMAL, TODAY);
        assertEquals(Optional.empty(), r.target());
        assertFalse(r.ready());
    }
}
