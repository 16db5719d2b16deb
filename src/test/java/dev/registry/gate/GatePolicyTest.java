package dev.registry.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatePolicyTest {

    @TempDir
    Path dir;

    @Test
    void defaultsMatchTheSeedRules() {
        GatePolicy p = GatePolicy.defaults();
        Gate sandbox = p.gate("sandbox").orElseThrow();
        assertEquals(Stage.STAGING, sandbox.stage());
        assertEquals(List.of("dataBoundary", "safetyChecks"), sandbox.evidence());
        assertFalse(sandbox.approvals().requiresAny());

        Gate production = p.gate("production").orElseThrow();
        assertEquals(List.of("benchmarks", "privacyReview", "rollbackPlan"), production.evidence());
        assertEquals(new EvaluationRule(1, OptionalInt.of(180), List.of()), production.evaluations());
        assertEquals(new ApprovalRule(1, List.of("risk-officer"), false), production.approvals());

        Gate regulated = p.gate("regulated").orElseThrow();
        assertEquals(Set.of(RiskTier.HIGH), regulated.tiers());
        assertEquals(List.of("redTeam", "evidencePack"), regulated.evidence());
        assertEquals(2, regulated.approvals().min());
    }

    @Test
    void evidenceAddsUpAlongTheWayButApprovalsBelongToTheTargetStage() {
        GatePolicy p = GatePolicy.defaults();
        assertEquals(List.of("sandbox"), names(p.gatesFor(Stage.STAGING, RiskTier.HIGH)));
        assertEquals(List.of("sandbox", "production"), names(p.gatesFor(Stage.PRODUCTION, RiskTier.MINIMAL)));
        assertEquals(List.of("sandbox", "production", "regulated"), names(p.gatesFor(Stage.PRODUCTION, RiskTier.HIGH)));
        assertEquals(List.of("production", "regulated"), names(p.approvalGatesFor(Stage.PRODUCTION, RiskTier.HIGH)));
        assertEquals(List.of("sandbox"), names(p.approvalGatesFor(Stage.STAGING, RiskTier.LIMITED)));
    }

    @Test
    void registryYamlOverridesTheFieldsItSetsAndAddsNewGates() {
        Registries.minimal(dir);
        Registries.write(dir, "registry.yaml", Registries.REGISTRY + """
                policy:
                  gates:
                    production:
                      approvals: {min: 2}
                      evaluations: {maxAgeDays: 30}
                    limited-review:
                      stage: production
                      tiers: [limited]
                      fields: [operations.incidentOwner]
                """);
        Snapshot s = new SnapshotReader().read(new WorkingTreeSource(dir));
        GatePolicy p = GatePolicy.of(s);
        Gate production = p.gate("production").orElseThrow();
        assertEquals(new ApprovalRule(2, List.of("risk-officer"), false), production.approvals());
        assertEquals(new EvaluationRule(1, OptionalInt.of(30), List.of()), production.evaluations());
        assertEquals(List.of("benchmarks", "privacyReview", "rollbackPlan"), production.evidence());
        Gate custom = p.gate("limited-review").orElseThrow();
        assertEquals(List.of("operations.incidentOwner"), custom.fields());
        assertEquals(List.of("sandbox", "production", "limited-review"), names(p.gatesFor(Stage.PRODUCTION, RiskTier.LIMITED)));
        assertEquals(List.of("sandbox", "production"), names(p.gatesFor(Stage.PRODUCTION, RiskTier.MINIMAL)));
        assertEquals(0, Cli.in(dir).run("validate").exit());
    }

    @Test
    void policyIsSchemaValidatedWithLocatedErrors() {
        Registries.minimal(dir);
        Registries.write(dir, "registry.yaml", Registries.REGISTRY + """
                policy:
                  gates:
                    production:
                      evidence: [benchmark]
                      approvals: {min: -1, roles: [risk-oficer]}
                    extra:
                      evidence: [redTeam]
                """);
        var r = Cli.in(dir).run("validate");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("registry.yaml:7:18: error: `policy.gates.production.evidence[0]` must be one of dataBoundary,"), r.err());
        assertTrue(r.err().contains("registry.yaml:8:24: error: `policy.gates.production.approvals.min` must be at least 0, found -1 [schema-minimum]"), r.err());
        assertTrue(r.err().contains("registry.yaml:8:36: error: no one in owners.yaml holds role `risk-oficer`, so nothing could pass gate `production` [gate-policy-role]\n"
                + "    hint: did you mean `risk-officer`?"), r.err());
        assertTrue(r.err().contains("registry.yaml:9:5: error: gate `extra` does not say which stage it guards, so it would never apply [gate-policy-stage]"), r.err());
        assertTrue(r.out().startsWith("failed: 2 files checked in the working tree: 4 errors"), r.out());
    }

    @Test
    void aGateWithoutAStageNeverApplies() {
        GatePolicy p = GatePolicy.fromGates(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .set("extra", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("minPassed", 3)));
        assertEquals(List.of("sandbox", "production", "regulated"), names(p.gates()));
    }

    private static List<String> names(List<Gate> gates) {
        return gates.stream().map(Gate::name).toList();
    }
}
