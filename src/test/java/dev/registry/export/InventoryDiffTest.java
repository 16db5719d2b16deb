package dev.registry.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.card.RiskTier;
import dev.registry.testing.MemorySource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryDiffTest {

    static String deployment(String name, String model, String version, String env, String region) {
        return MemorySource.deploymentCard(name, model, version, env).replace("eu-west-1", region);
    }

    private static Inventory inventory(MemorySource source) {
        return Inventory.of(source.snapshot(), Map.of(), java.time.LocalDate.of(2026, 6, 1));
    }

    @Test
    void reportsEveryKindOfChangeInReportOrder() {
        MemorySource a = MemorySource.minimal()
                .model("scorer", "1.0.0", "staging", "")
                .model("scorer", "0.9.0", "production", "")
                .model("chat", "1.0.0", "production", "risk: {tier: limited}\n")
                .model("old", "1.0.0", "experimental", "")
                .model("gone", "1.0.0", "experimental", "")
                .with("deployments/scorer-prod.yaml", deployment("scorer-prod", "scorer", "0.9.0", "prod", "eu-west-1"))
                .with("deployments/chat-dev.yaml", deployment("chat-dev", "chat", "1.0.0", "dev", "eu-west-1"));

        MemorySource b = MemorySource.minimal()
                .model("scorer", "1.0.0", "production", """
                        approvals:
                          - {stage: production, by: carol@example.com, role: risk-officer, date: 2026-03-02}
                        """)
                .model("scorer", "0.9.0", "deprecated", "")
                .model("chat", "1.0.0", "staging", "capabilities: [creditworthiness]\nrisk: {tier: high}\n")
                .model("old", "1.0.0", "experimental", "")
                .model("new", "0.1.0", "experimental", "")
                // The deployment card moved to another file: matched by name, it is a move of version, not remove + add.
                .with("deployments/eu/scorer-prod.yaml", deployment("scorer-prod", "scorer", "1.0.0", "prod", "eu-west-1"))
                .with("deployments/chat-dev.yaml", deployment("chat-dev", "chat", "1.0.0", "dev", "eu-central-1"))
                .with("deployments/new-dev.yaml", deployment("new-dev", "new", "0.1.0", "dev", "us-east-1"));

        InventoryDiff diff = InventoryDiff.between(inventory(a), inventory(b));
        List<String> lines = diff.changes().stream()
                .map(c -> c.kind().id() + " " + c.model().map(Object::toString).orElse("-") + " "
                        + c.deployment().orElse("-") + " [" + c.from() + "] → [" + c.to() + "] " + c.detail())
                .toList();
        assertEquals(List.of(
                "registered new@0.1.0 - [] → [experimental] minimal risk, owners team:ml-platform",
                "promoted scorer@1.0.0 - [staging] → [production] ",
                "demoted chat@1.0.0 - [production] → [staging] ",
                "deprecated scorer@0.9.0 - [production] → [deprecated] ",
                "removed gone@1.0.0 - [experimental] → [] ",
                "tier-changed chat@1.0.0 - [limited] → [high] computed minimal → high; declared limited → high",
                "deployment-added new@0.1.0 new-dev [] → [new@0.1.0 in dev, us-east-1] ",
                "deployment-moved chat@1.0.0 chat-dev [chat@1.0.0 in dev, eu-west-1] → [chat@1.0.0 in dev, eu-central-1] region eu-west-1 → eu-central-1",
                "deployment-moved scorer@1.0.0 scorer-prod [scorer@0.9.0 in prod, eu-west-1] → [scorer@1.0.0 in prod, eu-west-1] version 0.9.0 → 1.0.0",
                "approval-added scorer@1.0.0 - [] → [production] carol@example.com (risk-officer) on 2026-03-02"), lines);
        assertEquals(9, diff.counts().size());
    }

    @Test
    void stageChangesReadAsPromotionsDemotionsAndReinstatements() {
        assertEquals(InventoryDiff.Kind.PROMOTED, InventoryDiff.stageChange(
                dev.registry.card.Stage.EXPERIMENTAL, dev.registry.card.Stage.PRODUCTION).orElseThrow());
        assertEquals(InventoryDiff.Kind.RETIRED, InventoryDiff.stageChange(
                dev.registry.card.Stage.PRODUCTION, dev.registry.card.Stage.RETIRED).orElseThrow());
        assertEquals(InventoryDiff.Kind.REINSTATED, InventoryDiff.stageChange(
                dev.registry.card.Stage.DEPRECATED, dev.registry.card.Stage.PRODUCTION).orElseThrow());
        assertEquals(java.util.Optional.empty(), InventoryDiff.stageChange(
                dev.registry.card.Stage.STAGING, dev.registry.card.Stage.STAGING));
    }

    @Test
    void anEditedApprovalCommentIsNoChange() {
        MemorySource a = MemorySource.minimal().model("m", "1.0.0", "staging",
                "approvals: [{stage: staging, by: carol@example.com, date: 2026-03-02, comment: ok}]\n");
        MemorySource b = MemorySource.minimal().model("m", "1.0.0", "staging",
                "approvals: [{stage: staging, by: carol@example.com, date: 2026-03-02, comment: fine by me}]\n");
        assertEquals(List.of(), InventoryDiff.between(inventory(a), inventory(b)).changes());
    }
}
