package dev.registry.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.card.Owners;
import dev.registry.card.RiskTier;
import dev.registry.finding.Severity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An Art 6(3) derogation lowers an Annex III tier only when properly signed, and says why not otherwise. */
class DerogationTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 15);
    static final Owners OWNERS = new Owners(List.of(), List.of(
            new Owners.Person("carol@example.com", "Carol Risk", List.of("risk-officer"), List.of("c.risk@example.com")),
            new Owners.Person("alice@example.com", "Alice Engineer", List.of("model-owner"), List.of())));
    static final RiskEngine ENGINE = RiskEngine.of(PolicyReader.defaults(), OWNERS, DAY);

    /** A CV ranker that only prepares a recruiter's own assessment (Art 6(3)(d)). */
    static Card ranker() {
        return Card.named("cv-ranker").caps("classification", "cv-filtering", "preparatory-task").domains("employment")
                .tags("pii", "employment-records");
    }

    static List<String> problems(Evaluation e) {
        return e.problems().stream().map(p -> p.ruleId() + " " + p.pointer() + " " + p.message()).toList();
    }

    @Test
    void signedByARiskOfficerItLowersTheTierToTheTransparencyAndMinimalRules() {
        Evaluation e = ENGINE.evaluate(ranker().derogation(null, "H-4a", "carol@example.com", "2026-09-01").build());
        assertEquals(List.of(), problems(e));
        assertEquals(RiskTier.MINIMAL, e.assessment().computed());
        assertEquals(List.of(new RuleMatch("D-63", RiskTier.MINIMAL, "Art 6(3)-(4)", "Art 6(3) derogation from H-4a signed off by"
                + " carol@example.com on 2026-09-01: Only ranks CVs for a recruiter who reads every application.")), e.assessment().rules());
        assertEquals(RuleOutcome.Status.DEROGATED, DefaultPolicyTest.status(e, "H-4a"));
        assertEquals(List.of(), e.assessment().needsReview());

        Evaluation chat = ENGINE.evaluate(ranker().caps("interacts-with-humans")
                .derogation(null, "H-4a", "c.risk@example.com", "2026-09-01").build());
        assertEquals(List.of(), problems(chat), "an alias of the risk officer signs as the risk officer");
        assertEquals(RiskTier.LIMITED, chat.assessment().computed());
        assertEquals(List.of("D-63", "T-1"), chat.assessment().rules().stream().map(RuleMatch::id).toList());
    }

    @Test
    void claimedButUnsignedItStaysHighAndNeedsReview() {
        RiskAssessment a = ENGINE.assess(ranker().build());
        assertEquals(RiskTier.HIGH, a.computed());
        assertEquals(List.of("H-4a", "D-63"), a.rules().stream().map(RuleMatch::id).toList());
        assertEquals(RiskTier.HIGH, a.rules().get(1).tier());
        assertEquals(1, a.needsReview().size());
        assertTrue(a.needsReview().get(0).startsWith("D-63: Art 6(3) derogation claimed"), a.needsReview().toString());
        assertTrue(a.needsReview().get(0).endsWith("claimed for H-4a; it needs the signature of a person with the role risk-officer (Art 6(3)-(4))"),
                a.needsReview().toString());
    }

    @Test
    void signedBySomeoneWithoutARiskRoleItStaysHigh() {
        Evaluation e = ENGINE.evaluate(ranker().derogation("high", "H-4a", "alice@example.com", "2026-09-01").build());
        assertEquals(RiskTier.HIGH, e.assessment().computed());
        assertEquals(List.of("H-4a", "D-63"), e.assessment().rules().stream().map(RuleMatch::id).toList());
        assertEquals(RuleOutcome.Status.FIRED, DefaultPolicyTest.status(e, "H-4a"));
        assertEquals(List.of("derogation-reviewer /risk/derogation/reviewer reviewer `alice@example.com` does not hold a risk role"
                + " (risk-officer); their roles: model-owner; the tier stays high"), problems(e));

        Evaluation stranger = ENGINE.evaluate(ranker().derogation("high", "H-4a", "mallory@example.com", "2026-09-01").build());
        assertEquals(RiskTier.HIGH, stranger.assessment().computed());
        assertEquals(List.of("derogation-reviewer /risk/derogation/reviewer reviewer `mallory@example.com` is not a person in"
                + " owners.yaml; the tier stays high"), problems(stranger));
    }

    @Test
    void profilingAlwaysKeepsItHigh() {
        Evaluation e = ENGINE.evaluate(ranker().caps("profiling").derogation("high", "H-4a", "carol@example.com", "2026-09-01").build());
        assertEquals(RiskTier.HIGH, e.assessment().computed());
        assertEquals(List.of("H-4a"), e.assessment().rules().stream().map(RuleMatch::id).toList());
        assertEquals(RuleOutcome.Status.NEARLY_FIRED, DefaultPolicyTest.status(e, "D-63"));
        assertEquals(List.of("derogation-conditions /risk/derogation the Art 6(3)-(4) conditions do not hold: capability profiling"
                + " is declared; the tier stays high"), problems(e));
        assertEquals("a derogation counts only when not capability profiling and (capability narrow-procedural-task,"
                + " improves-completed-human-activity, detects-decision-pattern-deviations or preparatory-task)", e.problems().get(0).hint());
    }

    @Test
    void withoutAnArt63GroundItStaysHigh() {
        Evaluation e = ENGINE.evaluate(Card.named("cv").caps("cv-filtering").domains("employment")
                .derogation("high", "H-4a", "carol@example.com", "2026-09-01").build());
        assertEquals(RiskTier.HIGH, e.assessment().computed());
        assertEquals(List.of("derogation-conditions /risk/derogation the Art 6(3)-(4) conditions do not hold: needs capability"
                + " narrow-procedural-task, improves-completed-human-activity, detects-decision-pattern-deviations or preparatory-task;"
                + " the tier stays high"), problems(e));
    }

    @Test
    void onlyAnnexIIIRulesCanBeDerogated() {
        Evaluation e = ENGINE.evaluate(Card.named("mood").caps("emotion-recognition", "preparatory-task").domains("workplace")
                .tags("biometric").derogation("unacceptable", "P-f", "carol@example.com", "2026-09-01").build());
        assertEquals(RiskTier.UNACCEPTABLE, e.assessment().computed());
        assertEquals(List.of("derogation-not-derogable /risk/derogation/rule `P-f` (Art 5(1)(f)) cannot be derogated; Art 6(3)"
                + " applies only to H-1a, H-1b, H-1c, H-2, H-3, H-4a, H-4b, H-5a, H-5b, H-5c, H-5d, H-6, H-7, H-8a, H-8b"), problems(e));

        Evaluation unknown = ENGINE.evaluate(ranker().derogation("high", "H4a", "carol@example.com", "2026-09-01").build());
        assertEquals(RiskTier.HIGH, unknown.assessment().computed());
        assertEquals(List.of("derogation-rule-unknown /risk/derogation/rule no rule `H4a` in the policy in force"), problems(unknown));
        assertEquals("did you mean `H-4a`?", unknown.problems().get(0).hint());
    }

    @Test
    void aDerogationOfARuleThatDoesNotApplyIsAWarningAndLowersNothing() {
        Evaluation e = ENGINE.evaluate(ranker().derogation("high", "H-3", "carol@example.com", "2026-09-01").build());
        assertEquals(RiskTier.HIGH, e.assessment().computed());
        assertEquals(List.of("derogation-unused /risk/derogation/rule `H-3` does not apply to this model, so the derogation lowers"
                + " nothing"), problems(e));
        assertEquals(Severity.WARNING, e.problems().get(0).severity());
    }

    @Test
    void aDerogationDatedInTheFutureDoesNotCountYet() {
        Evaluation e = ENGINE.evaluate(ranker().derogation("high", "H-4a", "carol@example.com", "2027-01-10").build());
        assertEquals(RiskTier.HIGH, e.assessment().computed());
        assertEquals(List.of("derogation-date /risk/derogation/date the derogation is dated 2027-01-10, after today (2026-12-15)"),
                problems(e));
    }

    @Test
    void itLowersOnlyTheRuleItNames() {
        Evaluation e = ENGINE.evaluate(ranker().caps("worker-performance-monitoring")
                .derogation("high", "H-4a", "carol@example.com", "2026-09-01").build());
        assertEquals(List.of(), problems(e));
        assertEquals(RiskTier.HIGH, e.assessment().computed());
        assertEquals(List.of("H-4b", "D-63"), e.assessment().rules().stream().map(RuleMatch::id).toList());
        assertEquals(RuleOutcome.Status.DEROGATED, DefaultPolicyTest.status(e, "H-4a"));
        assertTrue(e.assessment().needsReview().get(0).contains("claimed for H-4b"), e.assessment().needsReview().toString());
    }

    @Test
    void theOrganisationDecidesWhichRolesSignAndWhetherDerogationsExist() {
        String roles = PolicyReaderTest.HEAD + "    reviewerRoles: [ai-governance-lead]\n";
        RiskEngine e = RiskEngine.of(PolicyReaderTest.load(roles).policy(), OWNERS, DAY);
        Evaluation byCarol = e.evaluate(ranker().derogation("high", "H-4a", "carol@example.com", "2026-09-01").build());
        assertEquals(RiskTier.HIGH, byCarol.assessment().computed());
        assertEquals("derogation-reviewer", byCarol.problems().get(0).ruleId());

        String disabled = PolicyReaderTest.HEAD + "    disable: [D-63]\n";
        RiskEngine none = RiskEngine.of(PolicyReaderTest.load(disabled).policy(), OWNERS, DAY);
        Evaluation off = none.evaluate(ranker().derogation("high", "H-4a", "carol@example.com", "2026-09-01").build());
        assertEquals(RiskTier.HIGH, off.assessment().computed());
        assertEquals(List.of("H-4a"), off.assessment().rules().stream().map(RuleMatch::id).toList());
        assertEquals(List.of("derogation-unavailable /risk/derogation the risk policy in force has no Art 6(3) derogation rule, so"
                + " risk.derogation has no effect"), problems(off));
    }
}
