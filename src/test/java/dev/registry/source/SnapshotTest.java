package dev.registry.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.card.Environment;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.finding.Finding;
import dev.registry.testing.MemorySource;
import dev.registry.testing.Registries;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    static final String FULL = """
            apiVersion: registry/v1
            kind: Model
            name: credit-scorer
            version: 2.1.0
            provider: internal
            description: Scores loans.
            modality: [tabular]
            capabilities: [classification, profiling]
            useDomains: [credit]
            owners: [team:ml-platform, alice@example.com]
            dataTags: [pii, financial]
            risk: {tier: high, justification: Annex III 5(b)}
            fallbacks: [credit-scorer@2.0.0]
            compliance: {dataResidency: [eu-west]}
            lifecycle:
              stage: deprecated
              deprecation: {announced: 2026-10-01, retireAfter: 2026-12-30, replacement: credit-scorer@3.0.0, reason: Superseded}
            approvals:
              - {stage: production, by: carol@example.com, role: risk-officer, date: 2026-10-02, comment: ok}
              - {stage: nonsense, by: carol@example.com, date: 2026-10-02}
            """;

    @Test
    void bindsEveryFieldOfAModelCard() {
        Snapshot s = MemorySource.minimal().with("models/credit-scorer/2.1.0.yaml", FULL).snapshot();
        ModelCard m = s.models().get(0);
        assertEquals("models/credit-scorer/2.1.0.yaml", m.path());
        assertEquals(new ModelRef("credit-scorer", "2.1.0"), m.ref());
        assertEquals("internal", m.provider());
        assertEquals("Scores loans.", m.description());
        assertEquals(List.of("tabular"), m.modality());
        assertEquals(List.of("classification", "profiling"), m.capabilities());
        assertEquals(List.of("credit"), m.useDomains());
        assertEquals(List.of("team:ml-platform", "alice@example.com"), m.owners());
        assertEquals(List.of("pii", "financial"), m.dataTags());
        assertEquals(Optional.of(RiskTier.HIGH), m.declaredTier());
        assertEquals(List.of("credit-scorer@2.0.0"), m.fallbacks());
        assertEquals(List.of("eu-west"), m.dataResidency());
        assertEquals(Stage.DEPRECATED, m.stage());
        var d = m.deprecation().orElseThrow();
        assertEquals(Optional.of(LocalDate.of(2026, 10, 1)), d.announced());
        assertEquals(Optional.of(LocalDate.of(2026, 12, 30)), d.retireAfter());
        assertEquals(Optional.of(new ModelRef("credit-scorer", "3.0.0")), d.replacement());
        assertEquals("Superseded", d.reason());
        // The approval for an unknown stage is the schema's to report; binding skips it.
        assertEquals(1, m.approvals().size());
        assertEquals("risk-officer", m.approvals().get(0).role());
        assertEquals(Optional.of(LocalDate.of(2026, 10, 2)), m.approvals().get(0).date());
        assertEquals(2, m.semVer().orElseThrow().major());
    }

    @Test
    void bindsLenientlySoOneTypoDoesNotHideTheRest() {
        Snapshot s = MemorySource.minimal().with("models/x/1.0.0.yaml",
                "name: x\nversion: 1.0.0\nowners: team:a\nlifecycle: {stage: prod}\nrisk: {tier: 3}\n").snapshot();
        ModelCard m = s.models().get(0);
        assertEquals("x", m.name());
        assertEquals(List.of(), m.owners());
        assertEquals(Stage.EXPERIMENTAL, m.stage());
        assertEquals(Optional.empty(), m.declaredTier());
        assertEquals("", m.provider());
    }

    @Test
    void bindsDeploymentsOwnersAndConfig() {
        Snapshot s = MemorySource.minimal()
                .with("registry.yaml", Registries.REGISTRY + "description: Ours\npolicy: {deprecationNoticeDays: 30}\n")
                .model("credit-scorer", "1.0.0", "production", "")
                .deployment("scoring", "credit-scorer", "1.0.0", "prod")
                .snapshot();
        var d = s.deployment("scoring").orElseThrow();
        assertEquals(Optional.of(Environment.PROD), d.environment());
        assertEquals("eu-west-1", d.region());
        assertEquals(new ModelRef("credit-scorer", "1.0.0"), d.modelRef());
        assertEquals(List.of(d), s.deploymentsOf(new ModelRef("credit-scorer", "1.0.0")));
        assertEquals(List.of(), s.deploymentsOf(new ModelRef("credit-scorer", "9.0.0")));
        assertEquals(30, s.deprecationNoticeDays());
        assertEquals("Ours", s.config().orElseThrow().description());
        assertEquals(List.of("alice@example.com", "bob@example.com"), s.owners().team("ml-platform").orElseThrow().members());
        assertTrue(s.owners().resolves("team:ml-platform"));
        assertTrue(s.owners().resolves("CAROL@example.com"));
        assertEquals(List.of("alice@example.com", "bob@example.com"), s.owners().emailsOf("team:ml-platform"));
    }

    @Test
    void theNoticePeriodDefaultsTo90Days() {
        assertEquals(90, MemorySource.minimal().snapshot().deprecationNoticeDays());
        assertEquals(90, MemorySource.empty().snapshot().deprecationNoticeDays());
        assertEquals(90, MemorySource.minimal().with("registry.yaml", Registries.REGISTRY + "policy: {deprecationNoticeDays: x}\n")
                .snapshot().deprecationNoticeDays());
    }

    @Test
    void looksUpModelsByRefAndName() {
        Snapshot s = MemorySource.minimal().model("a", "1.0.0", "experimental", "").model("a", "1.1.0", "experimental", "")
                .model("b", "1.0.0", "experimental", "").snapshot();
        assertEquals("1.1.0", s.model(new ModelRef("a", "1.1.0")).orElseThrow().version());
        assertEquals(Optional.empty(), s.model(new ModelRef("a", "2.0.0")));
        assertEquals(List.of("1.0.0", "1.1.0"), s.versionsOf("a").stream().map(ModelCard::version).toList());
        assertEquals(List.of(), s.versionsOf("c"));
    }

    @Test
    void unreadableFilesBecomeReadFindingsAndOtherFilesAreIgnored() {
        Snapshot s = MemorySource.minimal()
                .model("a", "1.0.0", "experimental", "")
                .with("models/b/1.0.0.yaml", "a: &x 1\n")
                .with("models/README.md", "# notes: [\n")
                .snapshot();
        assertEquals(List.of("models/a/1.0.0.yaml", "owners.yaml", "registry.yaml"), List.copyOf(s.files().keySet()));
        assertEquals(List.of("yaml-anchor"), s.readFindings().stream().map(Finding::ruleId).toList());
        assertEquals("models/b/1.0.0.yaml", s.readFindings().get(0).path());
        assertEquals("memory", s.label());
    }

    @Test
    void aSnapshotCannotBeChanged() {
        Snapshot s = MemorySource.minimal().model("a", "1.0.0", "experimental", "").snapshot();
        assertThrows(UnsupportedOperationException.class, () -> s.models().clear());
        assertThrows(UnsupportedOperationException.class, () -> s.files().clear());
        assertThrows(UnsupportedOperationException.class, () -> s.readFindings().clear());
    }

    @Test
    void modelRefsParseOnlyNameAtVersion() {
        assertEquals(Optional.of(new ModelRef("a", "1.0.0")), ModelRef.parse("a@1.0.0"));
        for (String bad : List.of("a", "@1.0.0", "a@", "a@b@c", "")) {
            assertEquals(Optional.empty(), ModelRef.parse(bad), bad);
        }
        assertEquals("a@1.0.0", new ModelRef("a", "1.0.0").toString());
    }
}
