package dev.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.card.Approval;
import dev.registry.card.Deployment;
import dev.registry.card.Environment;
import dev.registry.card.ModelCard;
import dev.registry.card.Owners;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample registry is what a new user runs first and the fixture of the README tour: it must
 * validate cleanly and keep covering every feature the tour and later commands demonstrate.
 */
class SampleRegistryTest {

    private static Snapshot sample;

    @BeforeAll
    static void readSample() {
        sample = new SnapshotReader().read(new WorkingTreeSource(Registries.sample()));
    }

    @Test
    void validatesCleanlyAsText() {
        var r = Cli.in(Registries.sample()).run("validate");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("ok: "), r.out());
        assertTrue(r.out().contains("no problems"), r.out());
    }

    @Test
    void validatesCleanlyAsJson() throws Exception {
        var r = Cli.in(Registries.sample().getParent()).run("-C", "sample-registry", "validate", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertTrue(report.path("ok").asBoolean(), r.out());
        assertEquals(0, report.path("findings").size(), r.out());
        assertEquals(sample.files().size(), report.path("files").asInt(), r.out());
    }

    @Test
    void everyFileParses() {
        assertEquals(List.of(), sample.readFindings());
        assertTrue(sample.config().isPresent());
    }

    @Test
    void isLargeEnoughToLookLikeARealEstate() {
        long models = sample.models().stream().map(ModelCard::name).distinct().count();
        assertTrue(models >= 12, "models: " + models);
        assertTrue(sample.models().size() >= 25, "versions: " + sample.models().size());
        assertTrue(sample.deployments().size() >= 10, "deployments: " + sample.deployments().size());
        Set<Environment> envs = sample.deployments().stream().map(d -> d.environment().orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Environment.class)));
        assertEquals(EnumSet.allOf(Environment.class), envs);
        Set<String> regions = sample.deployments().stream().map(Deployment::region).collect(Collectors.toSet());
        assertTrue(regions.size() >= 3, "regions: " + regions);
    }

    @Test
    void coversEveryStage() {
        Set<Stage> stages = sample.models().stream().map(ModelCard::stage)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Stage.class)));
        assertEquals(EnumSet.allOf(Stage.class), stages);
    }

    @Test
    void everyCardDeclaresATierAndEveryTierIsPresent() {
        List<String> undeclared = sample.models().stream().filter(m -> m.declaredTier().isEmpty())
                .map(m -> m.ref().toString()).toList();
        assertEquals(List.of(), undeclared);
        Set<RiskTier> tiers = sample.models().stream().map(m -> m.declaredTier().orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RiskTier.class)));
        assertEquals(EnumSet.allOf(RiskTier.class), tiers);
    }

    @Test
    void unacceptableModelsNeverLeftExperimentalAndAreNotDeployed() {
        List<ModelCard> unacceptable = sample.models().stream()
                .filter(m -> m.declaredTier().equals(Optional.of(RiskTier.UNACCEPTABLE))).toList();
        assertFalse(unacceptable.isEmpty());
        for (ModelCard m : unacceptable) {
            assertEquals(Stage.EXPERIMENTAL, m.stage(), m.ref().toString());
            assertEquals(List.of(), sample.deploymentsOf(m.ref()), m.ref().toString());
        }
    }

    @Test
    void hasTheModelKindsTheTourShows() {
        assertTrue(sample.models().stream().anyMatch(m -> m.document().path("lineage").path("adapter").asText().equals("lora")),
                "a LoRA adapter");
        assertTrue(sample.models().stream().anyMatch(m -> m.capabilities().contains("embedding")), "an embedding model");
        assertTrue(sample.models().stream().anyMatch(m -> m.capabilities().contains("reranking")), "a reranker");
        assertTrue(sample.models().stream().anyMatch(m -> m.document().has("contextWindow")
                && m.document().path("lineage").has("promptTemplates") && !m.fallbacks().isEmpty()), "an LLM with prompts and fallbacks");
    }

    @Test
    void ownersHoldTheThreeGateRoles() {
        Set<String> roles = sample.owners().people().stream().flatMap(p -> p.roles().stream()).collect(Collectors.toSet());
        assertTrue(roles.containsAll(Set.of("model-owner", "risk-officer", "privacy-officer")), "roles: " + roles);
        assertTrue(sample.owners().people().stream().anyMatch(p -> !p.aliases().isEmpty()), "someone commits under an alias");
    }

    /** The gate demos rely on this: high-risk production needs two independent sign-offs, one from risk. */
    @Test
    void highRiskProductionVersionsHaveTwoIndependentApprovalsIncludingRisk() {
        List<ModelCard> highInProduction = sample.models().stream()
                .filter(m -> m.stage() == Stage.PRODUCTION && m.declaredTier().equals(Optional.of(RiskTier.HIGH))).toList();
        assertFalse(highInProduction.isEmpty());
        for (ModelCard m : highInProduction) {
            Set<String> owners = new HashSet<>();
            m.owners().forEach(o -> owners.addAll(sample.owners().emailsOf(o)));
            List<Approval> independent = m.approvals().stream()
                    .filter(a -> a.stage() == Stage.PRODUCTION && !owners.contains(a.by())).toList();
            assertTrue(independent.stream().map(Approval::by).distinct().count() >= 2, m.ref() + ": " + independent);
            assertTrue(independent.stream().anyMatch(a -> sample.owners().person(a.by())
                    .map(Owners.Person::roles).orElse(List.of()).contains("risk-officer")), m.ref() + " lacks a risk-officer approval");
        }
    }

    /**
     * `export --profile eu-ai-act` is for high-risk systems: the ones in production fill every
     * column their cards can hold (the certificate says why there is none), so the tour's filing
     * has no holes where it matters.
     */
    @Test
    void theEuAiActExportOfHighRiskProductionSystemsHasNoEmptyCardColumns() throws Exception {
        var r = Cli.in(Registries.sample()).run("export", "--profile", "eu-ai-act", "--tier", "high", "--stage", "production",
                "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("credit-scorer@2.1.0", "cv-screener@1.2.0", "health-premium-pricer@3.1.0"),
                rows.findValuesAsText("reference"));
        List<String> empty = new java.util.ArrayList<>();
        for (JsonNode row : rows) {
            for (String column : List.of("certificate", "instructionsForUse", "humanOversight", "postMarketMonitoring",
                    "intendedUse", "trainingData", "evaluations", "incidentOwner", "artifactSha256")) {
                JsonNode v = row.path(column);
                if (v.isNull() || v.isMissingNode() || (v.isArray() ? v.isEmpty() : v.asText().isBlank())) {
                    empty.add(row.path("reference").asText() + " " + column);
                }
            }
        }
        assertEquals(List.of(), empty);
    }
}
