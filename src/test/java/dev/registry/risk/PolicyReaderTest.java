package dev.registry.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.card.CardKind;
import dev.registry.card.Owners;
import dev.registry.card.RiskTier;
import dev.registry.finding.Finding;
import dev.registry.source.RegistryFile;
import dev.registry.source.StrictYamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** registry.yaml's policy.risk: organisation rules, disabled rules, effective dates, vocabulary, located errors. */
class PolicyReaderTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 15);

    static final String HEAD = """
            apiVersion: registry/v1
            kind: Registry
            name: acme
            policy:
              risk:
            """;

    static final String PEOPLE_RULE = """
                rules:
                  - id: people-decisions-pii
                    tier: high
                    basis: Acme AI policy 4.2
                    reason: decides about people using their personal data
                    when:
                      all:
                        - capability: makes-decisions-about-people
                        - dataTag: pii
            """;

    static byte[] resource(String name) {
        try (InputStream in = PolicyReaderTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<RegistryFile> registry(String yaml) {
        var r = new StrictYamlReader().read("registry.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        if (!(r instanceof StrictYamlReader.Parsed p)) {
            throw new IllegalArgumentException(((StrictYamlReader.Rejected) r).finding().toString());
        }
        return Optional.of(new RegistryFile("registry.yaml", CardKind.REGISTRY, p.document()));
    }

    static PolicyReader.Loaded load(String yaml) {
        return PolicyReader.forRegistry(registry(yaml));
    }

    static RiskEngine engine(String yaml, LocalDate day) {
        PolicyReader.Loaded loaded = load(yaml);
        assertEquals(List.of(), loaded.findings());
        assertEquals(List.of(), PolicyReader.schemaFindings(registry(yaml)));
        return RiskEngine.of(loaded.policy(), Owners.empty(), day);
    }

    /** "line:column rule-id message" for compact assertions. */
    static String located(Finding f) {
        return f.line() + ":" + f.column() + " " + f.ruleId() + " " + f.message() + (f.hint().isEmpty() ? "" : " | " + f.hint());
    }

    @Test
    void withoutPolicyRiskTheDefaultPolicyIsInForce() {
        PolicyReader.Loaded loaded = load("apiVersion: registry/v1\nkind: Registry\nname: acme\n");
        assertEquals(PolicyReader.defaults(), loaded.policy());
        assertEquals(PolicyReader.defaults(), PolicyReader.forRegistry(Optional.empty()).policy());
    }

    @Test
    void organisationRuleAddsATier() {
        RiskEngine e = engine(HEAD + PEOPLE_RULE, DAY);
        RiskAssessment both = e.assess(Card.named("churn").caps("classification", "makes-decisions-about-people").tags("pii").build());
        assertEquals(RiskTier.HIGH, both.computed());
        assertEquals(List.of(new RuleMatch("people-decisions-pii", RiskTier.HIGH, "Acme AI policy 4.2",
                "decides about people using their personal data")), both.rules());

        Evaluation one = e.evaluate(Card.named("churn").caps("classification", "makes-decisions-about-people").build());
        assertEquals(RiskTier.MINIMAL, one.assessment().computed());
        assertEquals(RuleOutcome.Status.NEARLY_FIRED, DefaultPolicyTest.status(one, "people-decisions-pii"));
        assertEquals("registry.yaml", e.policy().rule("people-decisions-pii").orElseThrow().origin());
    }

    @Test
    void disableRemovesADefaultRule() {
        RiskEngine e = engine(HEAD + "    disable: [T-2, R-children]\n", DAY);
        assertEquals(List.of("T-2", "R-children"), e.policy().disabled());
        RiskAssessment a = e.assess(Card.named("writer").caps("text-generation", "generates-text").tags("children").build());
        assertEquals(RiskTier.MINIMAL, a.computed());
        assertEquals(List.of("M"), a.rules().stream().map(RuleMatch::id).toList());
        assertEquals(List.of(), a.needsReview());
        assertEquals(RiskTier.LIMITED, DefaultPolicyTest.ENGINE.assess(
                Card.named("writer").caps("text-generation", "generates-text").build()).computed());
    }

    @Test
    void effectiveDatesBoundOrganisationRulesAndMoveDefaultOnes() {
        String yaml = HEAD + PEOPLE_RULE + """
                    from: 2027-01-01
                    until: 2027-12-31
                effective:
                  P-ba: {from: 2027-06-01}
            """;
        Card people = Card.named("churn").caps("makes-decisions-about-people").tags("pii");
        Card nudify = Card.named("nudify").caps("generates-intimate-imagery");
        assertEquals(RiskTier.MINIMAL, engine(yaml, LocalDate.of(2026, 12, 31)).assess(people.build()).computed());
        assertEquals(RiskTier.HIGH, engine(yaml, LocalDate.of(2027, 1, 1)).assess(people.build()).computed());
        assertEquals(RiskTier.HIGH, engine(yaml, LocalDate.of(2027, 12, 31)).assess(people.build()).computed());
        assertEquals(RiskTier.MINIMAL, engine(yaml, LocalDate.of(2028, 1, 1)).assess(people.build()).computed());

        RiskAssessment early = engine(yaml, DAY).assess(nudify.build());
        assertEquals(RiskTier.MINIMAL, early.computed());
        assertTrue(early.needsReview().get(0).startsWith("P-ba: from 2027-06-01 this rule makes the model unacceptable"),
                early.needsReview().toString());
        assertEquals(RiskTier.UNACCEPTABLE, engine(yaml, LocalDate.of(2027, 6, 1)).assess(nudify.build()).computed());
        // Merged, not replaced: the default P-ba keeps what the organisation does not override.
        assertEquals(Optional.empty(), engine(yaml, DAY).policy().rule("P-ba").orElseThrow().until());
    }

    @Test
    void vocabularyExtensionsAreUsableInConditionsAndOnCards() {
        String yaml = HEAD + """
                vocabulary:
                  capabilities: [churn-prediction]
                  dataTags: [customer-contracts]
                rules:
                  - id: churn-contracts
                    tier: limited
                    basis: Acme data policy 2.1
                    reason: predicts churn from customer contracts
                    when:
                      all: [{capability: churn-prediction}, {dataTag: customer-contracts}]
            """;
        RiskEngine e = engine(yaml, DAY);
        assertTrue(e.policy().vocabulary().knows(Condition.Field.CAPABILITY, "churn-prediction"));
        assertTrue(e.policy().vocabulary().knows(Condition.Field.CAPABILITY, "cv-filtering"), "the defaults stay");
        assertEquals(RiskTier.LIMITED, e.assess(Card.named("churn").caps("churn-prediction").tags("customer-contracts").build()).computed());
    }

    @Test
    void reviewerRolesReplaceTheDefault() {
        assertEquals(List.of("ai-governance-lead"), engine(HEAD + "    reviewerRoles: [ai-governance-lead]\n", DAY).policy().reviewerRoles());
    }

    @Test
    void semanticErrorsAreLocated() {
        String yaml = HEAD + """
                disable: [R-emotion-customer]
                effective:
                  Q-1: {from: 2027-01-01}
                  H-4a: {from: 2027-01-01, until: 2026-01-01}
                rules:
                  - id: H-4a
                    tier: high
                    basis: duplicate
                    reason: has the id of a default rule
                    when: {capability: cv-filtering}
                  - id: churn
                    tier: high
                    basis: Acme
                    reason: misspelt capability
                    when:
                      any:
                        - capability: [classification, churn-predicton]
                        - rule: H-4a
                  - id: my-fallback
                    kind: fallback
                    tier: limited
                    basis: Acme
                    reason: everything is at least limited here
                  - id: look-again
                    kind: needs-review
                    basis: Acme
                    reason: reviews what another review found
                    when: {rule: R-children}
                  - id: waivable-duty
                    kind: obligation
                    basis: Acme
                    reason: a duty cannot be derogated
                    derogable: true
                    when: {capability: interacts-with-humans}
            """;
        List<String> got = load(yaml).findings().stream().sorted(Finding.ORDER).map(PolicyReaderTest::located).toList();
        assertEquals(List.of(
                "6:15 policy-rule-unknown no rule `R-emotion-customer` in the policy | did you mean `R-emotion-customers`?",
                "8:7 policy-rule-unknown no rule `Q-1` in the policy | did you mean `T-1`?",
                "9:39 policy-dates `until` 2026-01-01 is before `from` 2027-01-01 | `until` is the last day the rule applies; it cannot precede `from`",
                "11:13 policy-rule-duplicate rule `H-4a` is already defined in the default policy (Annex III 4(a)) | give your rule its own id;"
                        + " to replace a default rule, disable it and add yours",
                "22:44 vocabulary-unknown unknown capability `churn-predicton` in a rule condition | add it to policy.risk.vocabulary.capabilities"
                        + " if your organisation uses it",
                "23:21 policy-condition-invalid a tier rule cannot depend on other rules | only needs-review, flag and derogation rules may"
                        + " test which rules fired",
                "25:15 policy-rule-duplicate the policy already has a fallback rule, `M` | disable `M` in policy.risk.disable to use your own",
                "33:22 policy-condition-invalid `R-children` is a needs-review rule; conditions can only test whether tier and obligation"
                        + " rules fired",
                "38:20 policy-condition-invalid only tier rules can be derogable; `waivable-duty` is an obligation rule | remove `derogable`"),
                got);
        // The duplicate and the invalid rule are left out; the rest of the policy stands.
        Policy p = load(yaml).policy();
        assertEquals("Annex III 4(a)", p.rule("H-4a").orElseThrow().basis());
        assertTrue(p.rule("churn").isEmpty());
        assertTrue(p.rule("my-fallback").isPresent());
    }

    @Test
    void schemaErrorsInPolicyRiskAreLocated() {
        String yaml = """
                apiVersion: registry/v1
                kind: Registry
                name: acme
                policy:
                  risk:
                    rules:
                      - id: no-basis
                        tier: high
                        reason: forgot the basis
                        when: {capabilty: cv-filtering}
                      - id: no-tier
                        basis: Acme
                        reason: a tier rule without a tier
                        when: {capability: cv-filtering}
                      - id: object-term
                        tier: high
                        basis: Acme
                        reason: a mapping is not a list of terms
                        when: {capability: {cv-filtering: yes}}
                      - id: two-keys
                        kind: needs-review
                        basis: Acme
                        reason: two tests in one condition
                        when: {capability: cv-filtering, domain: employment}
                    disable: [not a rule id]
                """;
        List<String> got = PolicyReader.schemaFindings(registry(yaml)).stream().sorted(Finding.ORDER)
                .map(PolicyReaderTest::located).toList();
        Policy policy = PolicyReader.forRegistry(registry(yaml)).policy();
        assertTrue(policy.rule("object-term").isEmpty() && policy.rule("no-basis").isEmpty() && policy.rule("two-keys").isEmpty(),
                "malformed rules are left out, not half-read");
        assertEquals(List.of(
                "7:9 schema-required missing required field `basis` in `policy.risk.rules[0]`",
                "10:16 schema-unknown-field unknown field `capabilty` in `policy.risk.rules[0].when` | did you mean `capability`?",
                "11:9 schema-required missing required field `tier` in `policy.risk.rules[1]`",
                "19:28 schema-type `policy.risk.rules[2].when.capability` must be a string or a list, found a mapping",
                "24:15 schema-max-properties `policy.risk.rules[3].when` must have at most 1 properties",
                "25:15 schema-pattern `policy.risk.disable[0]` `not a rule id` is not valid: expected a risk rule identifier: letters,"
                        + " digits and single hyphens (P-a, H-4a, people-decisions-pii)."), got);
    }

    @Test
    void aMisspeltRiskKeyIsReportedNotSilentlyIgnored() {
        String yaml = "apiVersion: registry/v1\nkind: Registry\nname: acme\npolicy:\n  rsik:\n    disable: [T-2]\n";
        List<String> got = PolicyReader.schemaFindings(registry(yaml)).stream().map(PolicyReaderTest::located).toList();
        assertEquals(List.of("5:3 schema-unknown-field unknown field `rsik` in `policy` | did you mean `risk`?"), got);
    }

    @Test
    void aPolicyDocumentIsValidatedAgainstThePolicySchema() {
        String doc = """
                apiVersion: registry/v1
                kind: Policy
                name: tiny
                vocabulary: {capabilities: [cv-filtering]}
                rules:
                  - id: F-1
                    kind: flag
                    basis: test
                    reason: a flag rule must name its flag
                    when: {capability: cv-filtering}
                  - id: F-2
                    kind: sometimes
                    basis: test
                    reason: unknown kind
                    when: {capability: cv-filtering}
                """;
        List<String> got = PolicyReader.read("tiny.policy.yaml", doc.getBytes(StandardCharsets.UTF_8)).findings().stream()
                .sorted(Finding.ORDER).map(PolicyReaderTest::located).toList();
        assertEquals(List.of(
                "6:5 schema-required missing required field `flag` in `rules[0]`",
                "12:11 schema-enum `rules[1].kind` must be one of tier, obligation, needs-review, flag, derogation, fallback;"
                        + " found `sometimes`"), got);

        List<Finding> broken = PolicyReader.read("broken.yaml", "rules: [\n".getBytes(StandardCharsets.UTF_8)).findings();
        assertEquals(1, broken.size());
        assertEquals("yaml-syntax", broken.get(0).ruleId());
    }
}
