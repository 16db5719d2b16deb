package dev.registry.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registry.card.CardKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardEditorTest {

    static final String COMMENTED = """
            # Credit scorer, owned by the credit ML team.
            # Reviewed quarterly.
            apiVersion: registry/v1   # format version
            kind: Model
            name: credit-scorer
            version: "2.0.3"          # quoted on purpose
            provider: internal
            description: |
              Gradient-boosted scorer.
              Second line.

            capabilities:
            - classification   # the main one
            - creditworthiness
            owners: [team:ml-platform]   # primary owner
            lifecycle:
              stage: production   # promoted 2026-10-02
              deprecation: {announced: "2026-10-01", retireAfter: "2026-12-30", replacement: credit-scorer@3.0.0}
            # Approvals recorded by `registry approve`.
            approvals:
              - {stage: staging, by: bob@example.com, date: "2026-09-01"}
              - stage: production
                by: carol@example.com   # risk officer
                date: "2026-10-02"
            evaluations:
              - {suite: holdout, date: "2026-09-30", passed: true}
            # trailing comment
            """;

    private static CardEditor model(String text) {
        return CardEditor.of(text, KeyOrder.of(CardKind.MODEL));
    }

    @Test
    void copyForwardKeepsEveryCommentAndChangesOnlyTheEditedLines() {
        String out = model(COMMENTED)
                .set(List.of("version"), YamlValue.text("2.1.0"))
                .set(List.of("lifecycle", "stage"), YamlValue.text("experimental"))
                .remove(List.of("lifecycle", "deprecation"))
                .remove(List.of("approvals"))
                .remove(List.of("evaluations"))
                .text();
        assertEquals("""
                # Credit scorer, owned by the credit ML team.
                # Reviewed quarterly.
                apiVersion: registry/v1   # format version
                kind: Model
                name: credit-scorer
                version: "2.1.0"          # quoted on purpose
                provider: internal
                description: |
                  Gradient-boosted scorer.
                  Second line.

                capabilities:
                - classification   # the main one
                - creditworthiness
                owners: [team:ml-platform]   # primary owner
                lifecycle:
                  stage: experimental   # promoted 2026-10-02
                # Approvals recorded by `registry approve`.
                # trailing comment
                """, out);
    }

    @Test
    void newKeysGoWhereTheSchemaOrderPutsThem() {
        String out = model(COMMENTED)
                .set(List.of("modality"), YamlValue.strings(List.of("tabular")))
                .set(List.of("dataTags"), YamlValue.strings(List.of("pii", "financial")))
                .text();
        assertEquals(COMMENTED
                .replace("  Second line.\n", "  Second line.\nmodality: [tabular]\n")
                .replace("owners: [team:ml-platform]   # primary owner\n",
                        "owners: [team:ml-platform]   # primary owner\ndataTags: [pii, financial]\n"), out);
    }

    @Test
    void nestedKeysAreCreatedWithTheirParents() {
        String card = "apiVersion: registry/v1\nkind: Model\nname: a\nversion: 1.0.0\nprovider: internal\nowners: [team:x]\n";
        String out = model(card)
                .set(List.of("lifecycle", "stage"), YamlValue.text("staging"))
                .set(List.of("compliance", "dataResidency"), YamlValue.strings(List.of("eu")))
                .text();
        assertEquals(card + "compliance:\n  dataResidency: [eu]\nlifecycle:\n  stage: staging\n", out);
    }

    @Test
    void blockListsStayBlockAndFlowListsStayFlow() {
        String out = model(COMMENTED)
                .set(List.of("capabilities"), YamlValue.strings(List.of("classification", "profiling")))
                .set(List.of("owners"), YamlValue.strings(List.of("team:ml-platform", "alice@example.com")))
                .text();
        assertEquals(COMMENTED
                .replace("- classification   # the main one\n- creditworthiness\n", "- classification\n- profiling\n")
                .replace("owners: [team:ml-platform]", "owners: [team:ml-platform, alice@example.com]"), out);
    }

    @Test
    void appendAddsToBlockAndFlowListsAndCreatesMissingOnes() {
        String out = model(COMMENTED)
                .append(List.of("approvals"), new YamlValue.Mapping(Map.of("stage", YamlValue.text("production"))))
                .append(List.of("owners"), YamlValue.text("bob@example.com"))
                .append(List.of("fallbacks"), YamlValue.text("credit-scorer@2.0.2"))
                .text();
        assertEquals(COMMENTED
                .replace("    date: \"2026-10-02\"\n", "    date: \"2026-10-02\"\n  - {stage: production}\n")
                .replace("owners: [team:ml-platform]", "owners: [team:ml-platform, bob@example.com]")
                // this card keeps evaluations last, so the schema's order puts fallbacks after them
                .replace("passed: true}\n", "passed: true}\nfallbacks: [credit-scorer@2.0.2]\n"), out);
    }

    @Test
    void flowMappingsAreEditedInPlace() {
        String out = model(COMMENTED)
                .set(List.of("lifecycle", "deprecation", "reason"), YamlValue.text("superseded"))
                .remove(List.of("lifecycle", "deprecation", "announced"))
                .remove(List.of("lifecycle", "deprecation", "replacement"))
                .text();
        assertEquals(COMMENTED.replace(
                "{announced: \"2026-10-01\", retireAfter: \"2026-12-30\", replacement: credit-scorer@3.0.0}",
                "{retireAfter: \"2026-12-30\", reason: superseded}"), out);
    }

    @Test
    void aBlockScalarCanBeReplacedByAPlainOne() {
        String out = model(COMMENTED).set(List.of("description"), YamlValue.text("One line now.")).text();
        assertEquals(COMMENTED.replace("|\n  Gradient-boosted scorer.\n  Second line.\n", "One line now.\n"), out);
    }

    @Test
    void emptyValuesAndMissingFinalNewlinesAreHandled() {
        String card = "apiVersion: registry/v1\nkind: Model\nname: a\nversion: 1.0.0\nprovider: internal\nowners: [team:x]\nlifecycle:   # to fill\n";
        assertEquals(card.replace("lifecycle:   # to fill\n", "lifecycle:\n  stage: staging   # to fill\n"),
                model(card).set(List.of("lifecycle", "stage"), YamlValue.text("staging")).text());
        String noNewline = "apiVersion: registry/v1\nkind: Model\nname: a\nowners: [team:x]";
        assertEquals(noNewline + "\nlifecycle:\n  stage: staging\n",
                model(noNewline).set(List.of("lifecycle", "stage"), YamlValue.text("staging")).text());
    }

    @Test
    void keptTrailingLinesOfABlockScalarStayItsOwn() {
        String card = "apiVersion: registry/v1\nkind: Model\ndescription: |+\n  text\n\nowners: [team:x]\n";
        assertEquals(card.replace("owners", "modality: [text]\nowners"),
                model(card).set(List.of("modality"), YamlValue.strings(List.of("text"))).text());
    }

    @Test
    void crlfCardsKeepCrlfOnEveryLine() {
        String crlf = COMMENTED.replace("\n", "\r\n");
        String out = model(crlf)
                .set(List.of("version"), YamlValue.text("2.1.0"))
                .set(List.of("capabilities"), YamlValue.strings(List.of("classification", "profiling")))
                .set(List.of("dataTags"), YamlValue.strings(List.of("pii")))
                .remove(List.of("approvals"))
                .text();
        assertEquals(model(COMMENTED)
                .set(List.of("version"), YamlValue.text("2.1.0"))
                .set(List.of("capabilities"), YamlValue.strings(List.of("classification", "profiling")))
                .set(List.of("dataTags"), YamlValue.strings(List.of("pii")))
                .remove(List.of("approvals"))
                .text().replace("\n", "\r\n"), out);
    }

    @Test
    void positionsCountCharactersNotCodePoints() {
        String card = "apiVersion: registry/v1\nkind: Model\nname: a\ndescription: \"🚀 rockets 🚀\"\nversion: 1.0.0\nowners: [team:x]\n";
        assertEquals(card.replace("version: 1.0.0", "version: 1.1.0"),
                model(card).set(List.of("version"), YamlValue.text("1.1.0")).text());
    }

    @Test
    void removingAKeyKeepsItsSiblingsAndTheLastLeavesAnEmptyMapping() {
        String card = "apiVersion: registry/v1\nkind: Model\nrisk:\n  tier: high   # c\n  justification: x\n";
        assertEquals("apiVersion: registry/v1\nkind: Model\nrisk:\n  justification: x\n",
                model(card).remove(List.of("risk", "tier")).text());
        assertEquals("apiVersion: registry/v1\nkind: Model\nrisk: {}\n",
                model("apiVersion: registry/v1\nkind: Model\nrisk:\n  tier: high\n").remove(List.of("risk", "tier")).text());
    }

    @Test
    void aScalarWhereAMappingIsExpectedIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> model("kind: Model\nlifecycle: production\n").set(List.of("lifecycle", "stage"), YamlValue.text("x")));
    }
}
