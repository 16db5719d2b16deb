package dev.registry.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.card.Owners;
import dev.registry.card.RiskTier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The default EU AI Act policy: it loads, it holds the reference, and every rule fires and just misses. */
class DefaultPolicyTest {

    /** After 2026-12-02, so that P-ba and P-bb are in force. */
    static final LocalDate DAY = LocalDate.of(2026, 12, 15);
    static final RiskEngine ENGINE = RiskEngine.of(PolicyReader.defaults(), Owners.empty(), DAY);

    @Test
    void defaultPolicyLoadsWithoutFindings() {
        byte[] bytes = PolicyReaderTest.resource(PolicyReader.DEFAULT_RESOURCE);
        PolicyReader.Loaded loaded = PolicyReader.read(PolicyReader.DEFAULT_RESOURCE, bytes);
        assertEquals(List.of(), loaded.findings());
        assertEquals("eu-ai-act", loaded.policy().name());
        assertEquals(List.of("risk-officer"), loaded.policy().reviewerRoles());
    }

    @Test
    void holdsTheReferenceRuleTable() {
        Set<String> ids = PolicyReader.defaults().rules().stream().map(Rule::id).collect(Collectors.toSet());
        for (String id : List.of("P-a", "P-b", "P-ba", "P-bb", "P-c", "P-d", "P-e", "P-f", "P-g", "P-h", "H-0", "H-1a", "H-1b",
                "H-1c", "H-2", "H-3", "H-4a", "H-4b", "H-5a", "H-5b", "H-5c", "H-5d", "H-6", "H-7", "H-8a", "H-8b", "D-63",
                "T-1", "T-2", "T-3", "T-4", "M")) {
            assertTrue(ids.contains(id), id);
        }
        Policy p = PolicyReader.defaults();
        assertEquals(RiskTier.UNACCEPTABLE, p.rule("P-f").orElseThrow().tier().orElseThrow());
        assertEquals(RuleKind.DEROGATION, p.rule("D-63").orElseThrow().kind());
        assertEquals(RiskTier.HIGH, p.rule("D-63").orElseThrow().tier().orElseThrow());
        assertEquals(RuleKind.OBLIGATION, p.rule("T-1").orElseThrow().kind());
        assertEquals(RiskTier.LIMITED, p.rule("T-1").orElseThrow().tier().orElseThrow());
        assertEquals(RuleKind.FALLBACK, p.rule("M").orElseThrow().kind());
        assertEquals(RiskTier.MINIMAL, p.rule("M").orElseThrow().tier().orElseThrow());
        assertTrue(p.rule("T-3").orElseThrow().tier().isEmpty(), "T-3 is a duty only");
        assertEquals(LocalDate.of(2026, 12, 2), p.rule("P-ba").orElseThrow().from().orElseThrow());
        assertEquals(LocalDate.of(2026, 12, 2), p.rule("P-bb").orElseThrow().from().orElseThrow());
        assertEquals(List.of("H-1a", "H-1b", "H-1c", "H-2", "H-3", "H-4a", "H-4b", "H-5a", "H-5b", "H-5c", "H-5d", "H-6", "H-7",
                "H-8a", "H-8b"), p.derogableIds());
    }

    @Test
    void vocabularyHoldsTheReferenceIdentifiers() {
        Vocabulary v = PolicyReader.defaults().vocabulary();
        for (String d : List.of("workplace", "education", "employment", "public-benefits", "credit", "financial-services",
                "insurance-life-health", "insurance-other", "emergency-services", "healthcare", "law-enforcement",
                "migration-border", "justice", "adr", "elections", "critical-digital-infrastructure", "road-traffic",
                "water-supply", "gas-supply", "heating-supply", "electricity-supply", "publicly-accessible-space", "consumer",
                "media-publishing", "internal-operations", "military-defence", "scientific-research")) {
            assertTrue(v.useDomains().contains(d), d);
        }
        for (String t : List.of("pii", "special-category", "biometric", "health", "genetic", "financial", "children",
                "criminal-offence", "employment-records", "education-records", "location", "political-opinion",
                "religious-belief", "sexual-orientation", "ethnicity", "trade-union", "web-scrape", "cctv")) {
            assertTrue(v.dataTags().contains(t), t);
        }
        for (String c : List.of("operator-public-authority", "operator-law-enforcement", "operator-judicial",
                "operator-migration-authority", "makes-decisions-about-people", "ranks-or-scores-people", "interaction-obvious",
                "text-generation", "reasoning", "summarization", "classification", "regression", "embedding", "reranking",
                "translation", "code-generation", "speech-to-text", "image-generation", "question-answering", "retrieval",
                "fraud-detection", "gpai-model")) {
            assertTrue(v.capabilities().contains(c), c);
        }
        for (String law : List.of("mdr", "ivdr", "toys", "machinery", "lifts", "radio-equipment", "motor-vehicles",
                "civil-aviation", "rail", "drones")) {
            assertTrue(v.capabilities().contains("annex-i-legislation:" + law), law);
        }
        assertTrue(!v.knows(Condition.Field.CAPABILITY, "annex-i-legislation"), "the bare flag needs a value on a card");
        assertTrue(v.knowsTerm(Condition.Field.CAPABILITY, "annex-i-legislation"), "a condition may name it without a value");
    }

    @Test
    void everyTableIdentifierUsedByTheRulesIsInTheVocabulary() {
        Vocabulary v = PolicyReader.defaults().vocabulary();
        Set<String> used = new TreeSet<>();
        PolicyReader.defaults().rules().forEach(r -> r.when().ifPresent(c -> collect(c, used)));
        List<String> unknown = used.stream().filter(c -> !v.knowsTerm(Condition.Field.CAPABILITY, c)
                && !v.knowsTerm(Condition.Field.DOMAIN, c) && !v.knowsTerm(Condition.Field.DATA_TAG, c)).toList();
        assertEquals(List.of(), unknown);
        assertTrue(used.size() > 80, "the rules use the table's identifiers: " + used.size());
    }

    private static void collect(Condition c, Set<String> out) {
        if (c instanceof Condition.Term t) {
            out.addAll(t.values());
        } else if (c instanceof Condition.All a) {
            a.parts().forEach(p -> collect(p, out));
        } else if (c instanceof Condition.Any a) {
            a.parts().forEach(p -> collect(p, out));
        } else if (c instanceof Condition.Not n) {
            collect(n.part(), out);
        }
    }

    /** Every default rule: a card that fires it and one that just misses it. */
    static Stream<Arguments> rules() {
        return Stream.of(
                row("P-a", c().caps("manipulative-techniques", "significant-harm-likely"), c().caps("manipulative-techniques")),
                row("P-b", c().caps("exploits-vulnerabilities", "significant-harm-likely"), c().caps("exploits-vulnerabilities")),
                row("P-ba", c().caps("generates-intimate-imagery"), c().caps("generates-intimate-imagery", "subject-consent-verified")),
                row("P-bb", c().caps("generates-csam"), c().caps("image-generation", "generates-image")),
                row("P-c", c().caps("social-scoring", "disproportionate-treatment"), c().caps("social-scoring")),
                row("P-d", c().caps("offending-risk-assessment", "profiling"),
                        c().caps("offending-risk-assessment", "profiling", "supports-human-assessment-on-facts")),
                row("P-e", c().caps("facial-image-scraping-untargeted"), c().caps("object-detection").tags("web-scrape", "cctv")),
                row("P-f", c().caps("emotion-recognition").domains("workplace"),
                        c().caps("emotion-recognition", "medical-or-safety-purpose").domains("workplace")),
                row("P-g", c().caps("biometric-categorisation", "infers-sensitive-attributes"), c().caps("biometric-categorisation")),
                row("P-h", c().caps("remote-biometric-identification", "real-time", "operator-law-enforcement")
                                .domains("publicly-accessible-space"),
                        c().caps("remote-biometric-identification", "real-time", "operator-law-enforcement", "rbi-authorised-objective")
                                .domains("publicly-accessible-space")),
                row("H-0", c().caps("annex-i-legislation:mdr", "safety-component", "third-party-conformity-required"),
                        c().caps("annex-i-legislation:mdr", "safety-component")),
                row("H-1a", c().caps("remote-biometric-identification"),
                        c().caps("remote-biometric-identification", "biometric-verification-only")),
                row("H-1b", c().caps("biometric-categorisation"), c().caps("classification").tags("biometric")),
                row("H-1c", c().caps("emotion-recognition"), c().caps("sentiment-analysis")),
                row("H-2", c().caps("safety-component").domains("electricity-supply"),
                        c().caps("safety-component", "cybersecurity-only").domains("electricity-supply")),
                row("H-3", c().caps("exam-proctoring").domains("education"), c().caps("exam-proctoring").domains("workplace")),
                row("H-4a", c().caps("cv-filtering").domains("employment"), c().caps("classification").domains("employment")),
                row("H-4b", c().caps("worker-performance-monitoring"), c().caps("makes-decisions-about-people").domains("workplace")),
                row("H-5a", c().caps("operator-public-authority", "benefit-eligibility"), c().caps("benefit-eligibility")),
                row("H-5b", c().caps("creditworthiness"), c().caps("financial-fraud-detection").domains("credit")),
                row("H-5c", c().caps("insurance-risk-pricing").domains("insurance-life-health"),
                        c().caps("insurance-risk-pricing").domains("insurance-other")),
                row("H-5d", c().caps("patient-triage"), c().caps("classification").domains("healthcare")),
                row("H-6", c().caps("evidence-reliability").domains("law-enforcement"), c().caps("evidence-reliability").domains("justice")),
                row("H-7", c().caps("operator-migration-authority", "asylum-visa-examination"),
                        c().caps("operator-migration-authority", "person-identification", "travel-document-verification")),
                row("H-8a", c().caps("operator-judicial", "legal-research-application"),
                        c().caps("legal-research-application").domains("justice")),
                row("H-8b", c().caps("voter-influence"), c().caps("voter-influence", "campaign-logistics-only")),
                row("D-63", c().caps("cv-filtering", "preparatory-task").domains("employment"),
                        c().caps("cv-filtering", "preparatory-task", "profiling").domains("employment")),
                row("T-1", c().caps("interacts-with-humans"), c().caps("interacts-with-humans", "interaction-obvious")),
                row("T-2", c().caps("generates-image"), c().caps("generates-image", "assistive-editing-only")),
                row("T-3", c().caps("emotion-recognition"), c().caps("sentiment-analysis")),
                row("T-4", c().caps("publishes-public-interest-text"), c().caps("publishes-public-interest-text", "human-editorial-control")),
                row("M", c().caps("classification"), c().caps("classification", "generates-text")),
                row("GPAI", c().caps("gpai-model"), c().caps("text-generation")),
                row("GPAI-SR", c().caps("gpai-model").flop("3.0e25"), c().caps("gpai-model").flop("1.0e25")),
                row("R-significant-harm", c().caps("manipulative-techniques"), c().caps("manipulative-techniques", "significant-harm-likely")),
                row("R-emotion-customers", c().caps("emotion-recognition").domains("consumer"),
                        c().caps("emotion-recognition").domains("workplace")),
                row("R-verification", c().caps("biometric-verification-only"), c().caps("remote-biometric-identification")),
                row("R-fraud-lending", c().caps("financial-fraud-detection").domains("credit"),
                        c().caps("financial-fraud-detection").domains("financial-services")),
                row("R-conformity", c().caps("annex-i-legislation:toys", "ai-is-product"),
                        c().caps("annex-i-legislation:toys", "ai-is-product", "third-party-conformity-required")),
                row("R-repurposed", c().caps("generates-text", "interacts-with-humans").domains("employment"),
                        c().caps("generates-text", "interacts-with-humans", "cv-filtering").domains("employment")),
                row("R-children", c().caps("classification").tags("children"), c().caps("classification").tags("education-records")),
                row("R-biometric-data", c().caps("classification").tags("biometric"),
                        c().caps("remote-biometric-identification").tags("biometric")),
                row("R-biometric-capability", c().caps("emotion-recognition"), c().caps("emotion-recognition").tags("biometric")),
                row("R-gpai-compute", c().caps("text-generation").flop("2.0e25"), c().caps("text-generation", "gpai-model").flop("2.0e25")));
    }

    @Test
    void everyDefaultRuleHasAFiringAndAMissingCase() {
        Set<String> tested = rules().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> all = PolicyReader.defaults().rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(all, tested);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleFiresAndJustMisses(String id, Card fires, Card misses) {
        Rule rule = PolicyReader.defaults().rule(id).orElseThrow();
        Evaluation hit = ENGINE.evaluate(fires.build());
        assertEquals(RuleOutcome.Status.FIRED, status(hit, id), "should fire for " + fires);
        assertReported(rule, hit.assessment(), true);

        Evaluation miss = ENGINE.evaluate(misses.build());
        assertNotEquals(RuleOutcome.Status.FIRED, status(miss, id), "should not fire for " + misses);
        assertReported(rule, miss.assessment(), false);
    }

    /** A fired rule shows where its kind says: in the tier's rules, the obligations, the review list or the flags. */
    private static void assertReported(Rule rule, RiskAssessment a, boolean expected) {
        boolean reported = switch (rule.kind()) {
            case TIER, FALLBACK, DEROGATION -> a.rules().stream().anyMatch(r -> r.id().equals(rule.id()));
            case OBLIGATION -> a.obligations().stream().anyMatch(r -> r.id().equals(rule.id()))
                    && (rule.tier().isEmpty() || a.rules().stream().anyMatch(r -> r.id().equals(rule.id())));
            case NEEDS_REVIEW -> a.needsReview().stream().anyMatch(s -> s.startsWith(rule.id() + ": "));
            case FLAG -> a.flags().contains(rule.flag().orElseThrow());
        };
        assertEquals(expected, reported, rule.id() + " in " + a);
        if (expected && rule.kind() == RuleKind.TIER) {
            assertTrue(a.computed().compareTo(rule.tier().orElseThrow()) >= 0, a.toString());
            RuleMatch m = a.rules().stream().filter(r -> r.id().equals(rule.id())).findFirst().orElseThrow();
            assertEquals(new RuleMatch(rule.id(), rule.tier().orElseThrow(), rule.basis(), rule.reason()), m);
        }
    }

    static RuleOutcome.Status status(Evaluation e, String id) {
        return e.outcomes().stream().filter(o -> o.rule().id().equals(id)).findFirst().orElseThrow().status();
    }

    private static Arguments row(String id, Card fires, Card misses) {
        return Arguments.of(id, fires, misses);
    }

    private static Card c() {
        return Card.named("m");
    }

    @Test
    void rulesWithAStartDateAreNotInForceBeforeItButAnnounced() {
        RiskEngine before = RiskEngine.of(PolicyReader.defaults(), Owners.empty(), LocalDate.of(2026, 12, 1));
        Evaluation e = before.evaluate(Card.named("nudify").caps("image-generation", "generates-image", "generates-intimate-imagery").build());
        assertEquals(RiskTier.LIMITED, e.assessment().computed());
        assertEquals(RuleOutcome.Status.NOT_IN_FORCE, status(e, "P-ba"));
        assertEquals(List.of("P-ba: from 2026-12-02 this rule makes the model unacceptable: generates intimate imagery of"
                + " identifiable people without verified consent (Art 5(1)(ba))"), e.assessment().needsReview());

        Evaluation on = RiskEngine.of(PolicyReader.defaults(), Owners.empty(), LocalDate.of(2026, 12, 2))
                .evaluate(Card.named("nudify").caps("image-generation", "generates-image", "generates-intimate-imagery").build());
        assertEquals(RiskTier.UNACCEPTABLE, on.assessment().computed());
        assertEquals(List.of("P-ba", "T-2"), on.assessment().rules().stream().map(RuleMatch::id).toList());
    }

    @Test
    void nearlyFiredNeedsAPositiveConditionToHold() {
        Evaluation e = ENGINE.evaluate(Card.named("mood").caps("emotion-recognition").domains("consumer").tags("biometric").build());
        assertEquals(RuleOutcome.Status.NEARLY_FIRED, status(e, "P-f"));
        RuleOutcome pf = e.outcomes().stream().filter(o -> o.rule().id().equals("P-f")).findFirst().orElseThrow();
        assertEquals(List.of("domain workplace or education"),
                pf.trace().orElseThrow().missing().stream().map(t -> t.condition().describe()).toList());
        // Lacking a capability that only a `not` tests proves nothing: P-ba does not "nearly" fire for every card.
        assertEquals(RuleOutcome.Status.NOT_FIRED, status(e, "P-ba"));
        assertEquals(RuleOutcome.Status.NOT_FIRED, status(e, "H-3"));
    }

    @Test
    void highestTierWinsAndEveryMatchIsReported() {
        RiskAssessment a = ENGINE.assess(Card.named("proctor")
                .caps("emotion-recognition", "exam-proctoring", "interacts-with-humans").domains("education").tags("biometric").build());
        assertEquals(RiskTier.UNACCEPTABLE, a.computed());
        assertEquals(List.of("P-f", "H-1c", "H-3", "T-1"), a.rules().stream().map(RuleMatch::id).toList());
        assertEquals(List.of("T-1", "T-3"), a.obligations().stream().map(Obligation::id).toList());
        List<RiskTier> tiers = new ArrayList<>();
        a.rules().forEach(r -> tiers.add(r.tier()));
        assertEquals(List.of(RiskTier.UNACCEPTABLE, RiskTier.HIGH, RiskTier.HIGH, RiskTier.LIMITED), tiers);
    }
}
