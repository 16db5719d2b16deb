package dev.registry.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.card.CardKind;
import dev.registry.finding.Finding;
import dev.registry.source.RegistryFile;
import dev.registry.source.StrictYamlReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {

    static final String CARD = """
            apiVersion: registry/v1
            kind: Model
            name: credit-scorer
            version: 2.1.0
            provider: internal
            owners: [team:credit-ml]
            lifecycle:
              stage: production
            """;

    private final SchemaCheck check = new SchemaCheck();

    static RegistryFile file(CardKind kind, String path, String yaml) {
        var r = new StrictYamlReader().read(path, yaml.getBytes(StandardCharsets.UTF_8));
        return new RegistryFile(path, kind, ((StrictYamlReader.Parsed) r).document());
    }

    private List<Finding> model(String yaml) {
        return check.check(SchemaCatalog.get(), file(CardKind.MODEL, "models/credit-scorer/2.1.0.yaml", yaml));
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
        return findings.get(0);
    }

    private static void at(Finding f, String rule, int line, int column) {
        assertEquals(rule + " " + line + ":" + column, f.ruleId() + " " + f.line() + ":" + f.column(), f.toString());
    }

    @Test
    void aValidCardHasNoFindings() {
        assertEquals(List.of(), model(CARD));
        assertEquals(List.of(), model(CARD + """
                description: Gradient-boosted scorer.
                evidence:
                  privacyReview: {report: "https://x", date: 2026-09-12, reviewer: dpo@example.com}
                  redTeam: "https://red-team/report"
                operations: {slo: {availability: 99.9}}
                """));
    }

    @Test
    void anUnknownKeyPointsAtTheKeyAndSuggestsTheNearestField() {
        Finding f = only(model(CARD.replace("owners: [team:credit-ml]\n", "owners: [team:credit-ml]\ndesciption: x\n")));
        at(f, "schema-unknown-field", 7, 1);
        assertEquals("/desciption", f.pointer());
        assertEquals("unknown field `desciption`", f.message());
        assertEquals("did you mean `description`?", f.hint());
    }

    @Test
    void aCaseOnlyTypoIsStillSuggested() {
        Finding f = only(model(CARD + "Lifecycle: {}\n"));
        assertEquals("unknown field `Lifecycle`", f.message());
        assertEquals("did you mean `lifecycle`?", f.hint());
    }

    @Test
    void anUnknownNestedKeyNamesItsParent() {
        Finding f = only(model(CARD + "risk: {tier: high, justificaton: x}\n"));
        at(f, "schema-unknown-field", 9, 20);
        assertEquals("unknown field `justificaton` in `risk`", f.message());
        assertEquals("did you mean `justification`?", f.hint());
    }

    @Test
    void anUnknownKeyFarFromEveryFieldListsTheKnownOnes() {
        Finding f = only(model(CARD + "risk: {colour: red}\n"));
        assertEquals("known fields here: tier, justification, derogation", f.hint());
    }

    @Test
    void aMissingFieldPointsAtItsParent() {
        Finding root = only(model("# modeline\n" + CARD.replace("provider: internal\n", "")));
        at(root, "schema-required", 2, 1);
        assertEquals("missing required field `provider`", root.message());

        Finding nested = only(model(CARD + "  deprecation: {announced: 2026-01-01}\n"));
        at(nested, "schema-required", 9, 3);
        assertEquals("missing required field `retireAfter` in `lifecycle.deprecation`", nested.message());

        Finding item = only(model(CARD + "approvals:\n  - {stage: production, date: 2026-01-01}\n"));
        at(item, "schema-required", 10, 5);
        assertEquals("missing required field `by` in `approvals[0]`", item.message());
    }

    @Test
    void aWrongTypePointsAtTheValueAndExplainsYamlCoercion() {
        Finding version = only(model(CARD.replace("version: 2.1.0", "version: 2.10")));
        at(version, "schema-type", 4, 10);
        assertEquals("`version` must be a string, found the number 2.1", version.message());
        assertEquals("YAML reads the unquoted 2.10 as the number 2.1; quote it: \"2.10\"", version.hint());

        Finding bool = only(model(CARD + "description: off\n"));
        assertEquals("YAML reads the unquoted off as the boolean false; quote it: \"off\"", bool.hint());

        Finding list = only(model(CARD + "dataTags: pii\n"));
        at(list, "schema-type", 9, 11);
        assertEquals("`dataTags` must be a list, found `pii`", list.message());
        assertEquals("", list.hint());
    }

    @Test
    void enumSuggestsTheNearestValue() {
        Finding f = only(model(CARD.replace("stage: production", "stage: prodution")));
        at(f, "schema-enum", 8, 10);
        assertEquals("`lifecycle.stage` must be one of experimental, staging, production, deprecated, retired; found `prodution`",
                f.message());
        assertEquals("did you mean `production`?", f.hint());
    }

    @Test
    void patternMessagesUseTheSchemasDescription() {
        Finding f = only(model(CARD.replace("name: credit-scorer", "name: Credit_Scorer")));
        at(f, "schema-pattern", 3, 7);
        assertEquals("`name` `Credit_Scorer` is not valid: expected lowercase kebab-case name, 1-64 characters.", f.message());
        Finding email = only(model(CARD + "approvals:\n  - {stage: production, by: carol, date: 2026-01-01}\n"));
        assertEquals("`approvals[0].by` `carol` is not valid: expected an email address (name@example.com).", email.message());
    }

    @Test
    void aValueOfNeitherShapeOfAOneOfIsOneFinding() {
        Finding f = only(model(CARD + "evidence:\n  redTeam: 42\n"));
        at(f, "schema-one-of", 10, 12);
        assertEquals("`evidence.redTeam` must be a text or a mapping, found the number 42", f.message());
        assertEquals("YAML reads the unquoted 42 as the number 42; quote it: \"42\"", f.hint());
    }

    @Test
    void aMappingInAOneOfReportsOnlyTheMappingAlternativesErrors() {
        List<Finding> all = model(CARD + "evidence:\n  privacyReview: {reporter: x, date: 2026-13-01}\n");
        assertEquals(List.of("schema-pattern", "schema-unknown-field"), all.stream().map(Finding::ruleId).sorted().toList(),
                all.toString());
        Finding unknown = all.stream().filter(x -> x.ruleId().equals("schema-unknown-field")).findFirst().orElseThrow();
        at(unknown, "schema-unknown-field", 10, 19);
        assertEquals("did you mean `report`?", unknown.hint());
    }

    @Test
    void aMisspeltRequiredFieldIsOneFindingNotTwo() {
        Finding f = only(model(CARD.replace("owners:", "ownres:")));
        at(f, "schema-unknown-field", 6, 1);
        assertEquals("did you mean `owners`?", f.hint());
        // A missing field with no near-miss beside it is still reported.
        assertEquals(List.of("schema-required", "schema-unknown-field"),
                model(CARD.replace("owners:", "stakeholders:")).stream().map(Finding::ruleId).sorted().toList());
    }

    @Test
    void invalidKeysOfAFreeFormMappingPointAtTheKey() {
        Finding f = only(model(CARD + "parameters:\n  temperature: {default: 0.7}\n  \"top p\": {default: 1}\n"));
        at(f, "schema-property-names", 11, 3);
        assertEquals("key `top p` in `parameters` is not a valid name", f.message());
    }

    @Test
    void boundsSayWhatWasFound() {
        assertEquals("`operations.slo.availability` must be at most 100, found 120",
                only(model(CARD + "operations: {slo: {availability: 120}}\n")).message());
        assertEquals("`contextWindow` must be at least 1, found 0", only(model(CARD + "contextWindow: 0\n")).message());
        assertEquals("`owners` must not be empty", only(model(CARD.replace("[team:credit-ml]", "[]"))).message());
        assertEquals("`parameters.t.range` must have at least 2 items, found 1",
                only(model(CARD + "parameters: {t: {range: [1]}}\n")).message());
        assertEquals("`description` must not be empty", only(model(CARD + "description: \"\"\n")).message());
        assertEquals("`modality` lists the same item twice", only(model(CARD + "modality: [text, text]\n")).message());
    }

    @Test
    void ruleIdsAreKebabCase() {
        List<Finding> all = model(CARD + "modality: [text, text]\ndescription: \"\"\nparameters: {t: {range: [1]}}\n");
        assertEquals(List.of("schema-min-items", "schema-min-length", "schema-unique-items"),
                all.stream().map(Finding::ruleId).sorted().toList());
        all.forEach(f -> assertTrue(f.ruleId().matches("[a-z0-9]+(-[a-z0-9]+)*"), f.ruleId()));
    }

    @Test
    void everyKindHasItsOwnSchema() {
        RegistryFile deployment = file(CardKind.DEPLOYMENT, "deployments/d.yaml", """
                apiVersion: registry/v1
                kind: Deployment
                name: d
                model: credit-scorer
                version: 2.1.0
                environment: prd
                region: eu-west-1
                """);
        Finding f = only(check.check(SchemaCatalog.get(), deployment));
        at(f, "schema-enum", 6, 14);
        assertEquals("did you mean `prod`?", f.hint());

        RegistryFile owners = file(CardKind.OWNERS, "owners.yaml", "apiVersion: registry/v1\nkind: Owners\nteams: [{id: a}]\n");
        Finding missingName = only(check.check(SchemaCatalog.get(), owners));
        assertEquals("missing required field `name` in `teams[0]`", missingName.message());

        RegistryFile registry = file(CardKind.REGISTRY, "registry.yaml",
                "apiVersion: registry/v1\nkind: Registry\nname: r\npolicy: {deprecationNoticeDays: -1}\n");
        assertEquals("`policy.deprecationNoticeDays` must be at least 0, found -1",
                only(check.check(SchemaCatalog.get(), registry)).message());
    }

    @Test
    void theCatalogIsCompiledOnce() {
        assertTrue(SchemaCatalog.get() == SchemaCatalog.get());
        assertTrue(SchemaCatalog.get().schema(CardKind.MODEL) == SchemaCatalog.get().schema(CardKind.MODEL));
    }
}
