package dev.registry.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.card.RiskTier;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Systems an organisation really runs, described the way their cards would describe them, with the
 * tier and basis the AI Act gives them (written from the reference, not from the engine's output).
 */
class RealisticSystemsTest {

    static Stream<Arguments> systems() {
        return Stream.of(
                system("recruiting CV screening",
                        card("cv-screener").caps("classification", "cv-filtering", "ranks-or-scores-people", "makes-decisions-about-people")
                                .domains("employment").tags("pii", "employment-records"),
                        RiskTier.HIGH, List.of("H-4a"), List.of(), List.of(), List.of()),
                system("consumer credit scoring",
                        card("credit-scorer").caps("classification", "creditworthiness", "makes-decisions-about-people", "profiling")
                                .domains("credit", "financial-services").tags("pii", "financial"),
                        RiskTier.HIGH, List.of("H-5b"), List.of(), List.of(), List.of()),
                system("customer-service chatbot",
                        card("support-bot").caps("text-generation", "question-answering", "interacts-with-humans", "generates-text")
                                .domains("consumer"),
                        RiskTier.LIMITED, List.of("T-1", "T-2"), List.of("T-1", "T-2"), List.of(), List.of()),
                system("medical-device triage (MDR, notified body)",
                        card("ed-triage").caps("classification", "patient-triage", "annex-i-legislation:mdr", "safety-component",
                                "third-party-conformity-required").domains("healthcare").tags("health", "pii"),
                        RiskTier.HIGH, List.of("H-0", "H-5d"), List.of(), List.of(), List.of()),
                system("real-time remote biometric identification by police in a station",
                        card("face-watch").caps("remote-biometric-identification", "real-time", "operator-law-enforcement")
                                .domains("law-enforcement", "publicly-accessible-space").tags("biometric", "cctv"),
                        RiskTier.UNACCEPTABLE, List.of("P-h", "H-1a"), List.of(), List.of(), List.of()),
                system("retrospective face search for a retailer's loss prevention",
                        card("face-search").caps("remote-biometric-identification").domains("publicly-accessible-space", "consumer")
                                .tags("biometric", "cctv"),
                        RiskTier.HIGH, List.of("H-1a"), List.of(), List.of(), List.of()),
                system("workplace emotion recognition",
                        card("mood-meter").caps("emotion-recognition", "worker-performance-monitoring").domains("workplace")
                                .tags("biometric", "employment-records"),
                        RiskTier.UNACCEPTABLE, List.of("P-f", "H-1c", "H-4b"), List.of("T-3"), List.of(), List.of()),
                system("call-centre emotion detection on customers",
                        card("call-sentiment").caps("emotion-recognition", "speech-to-text").domains("consumer").tags("biometric"),
                        RiskTier.HIGH, List.of("H-1c"), List.of("T-3"), List.of("R-emotion-customers"), List.of()),
                system("spam filter",
                        card("spam-filter").caps("classification").domains("internal-operations"),
                        RiskTier.MINIMAL, List.of("M"), List.of(), List.of(), List.of()),
                system("card fraud detection alone",
                        card("card-fraud").caps("classification", "fraud-detection", "financial-fraud-detection")
                                .domains("financial-services").tags("pii", "financial", "location"),
                        RiskTier.MINIMAL, List.of("M"), List.of(), List.of(), List.of()),
                system("fraud score in loan origination",
                        card("loan-fraud").caps("classification", "financial-fraud-detection").domains("credit").tags("pii", "financial"),
                        RiskTier.MINIMAL, List.of("M"), List.of(), List.of("R-fraud-lending"), List.of()),
                system("deepfake video generator",
                        card("face-swap").caps("image-generation", "generates-image", "generates-video", "generates-deepfake")
                                .domains("media-publishing").tags("biometric"),
                        RiskTier.LIMITED, List.of("T-2", "T-4"), List.of("T-2", "T-4"), List.of("R-biometric-data"), List.of()),
                system("non-consensual intimate image generator (in force from 2026-12-02)",
                        card("undress").caps("image-generation", "generates-image", "generates-intimate-imagery", "generates-deepfake"),
                        RiskTier.UNACCEPTABLE, List.of("P-ba", "T-2", "T-4"), List.of("T-2", "T-4"), List.of(), List.of()),
                system("online exam proctoring",
                        card("proctor").caps("exam-proctoring", "object-detection").domains("education")
                                .tags("biometric", "education-records", "children"),
                        RiskTier.HIGH, List.of("H-3"), List.of(), List.of("R-children", "R-biometric-data"), List.of()),
                system("university admissions ranking with an Art 6(3) claim not yet signed",
                        card("admissions").caps("ranks-or-scores-people", "admission-decision", "preparatory-task").domains("education"),
                        RiskTier.HIGH, List.of("H-3", "D-63"), List.of(), List.of("D-63"), List.of()),
                system("municipal social scoring",
                        card("citizen-score").caps("social-scoring", "disproportionate-treatment", "operator-public-authority")
                                .domains("public-benefits").tags("pii", "financial"),
                        RiskTier.UNACCEPTABLE, List.of("P-c"), List.of(), List.of(), List.of()),
                system("welfare eligibility assessment by a public authority",
                        card("benefit-check").caps("classification", "operator-public-authority", "benefit-eligibility",
                                "makes-decisions-about-people").domains("public-benefits").tags("pii", "financial"),
                        RiskTier.HIGH, List.of("H-5a"), List.of(), List.of(), List.of()),
                system("predictive policing by profiling",
                        card("risk-of-offending").caps("offending-risk-assessment", "profiling", "operator-law-enforcement")
                                .domains("law-enforcement").tags("criminal-offence", "pii"),
                        RiskTier.UNACCEPTABLE, List.of("P-d", "H-6"), List.of(), List.of(), List.of()),
                system("life insurance pricing",
                        card("life-pricing").caps("regression", "insurance-risk-pricing", "profiling").domains("insurance-life-health")
                                .tags("health", "pii"),
                        RiskTier.HIGH, List.of("H-5c"), List.of(), List.of(), List.of()),
                system("motor insurance pricing",
                        card("motor-pricing").caps("regression", "insurance-risk-pricing").domains("insurance-other").tags("pii", "location"),
                        RiskTier.MINIMAL, List.of("M"), List.of(), List.of(), List.of()),
                system("112 emergency call triage",
                        card("call-triage").caps("speech-to-text", "classification", "emergency-call-triage").domains("emergency-services"),
                        RiskTier.HIGH, List.of("H-5d"), List.of(), List.of(), List.of()),
                system("grid load-shedding safety component",
                        card("grid-guard").caps("forecasting", "safety-component").domains("electricity-supply"),
                        RiskTier.HIGH, List.of("H-2"), List.of(), List.of(), List.of()),
                system("general-purpose foundation model above 10^25 FLOP",
                        card("frontier-llm").caps("text-generation", "reasoning", "code-generation", "generates-text", "gpai-model")
                                .flop("5.0e25"),
                        RiskTier.LIMITED, List.of("T-2"), List.of("T-2"), List.of(), List.of("gpai-model", "systemic-risk")),
                system("general chatbot repurposed as an HR assistant",
                        card("hr-assistant").caps("text-generation", "interacts-with-humans", "generates-text", "gpai-model")
                                .domains("employment").tags("pii", "employment-records"),
                        RiskTier.LIMITED, List.of("T-1", "T-2"), List.of("T-1", "T-2"), List.of("R-repurposed"), List.of("gpai-model")),
                system("internal coding assistant",
                        card("code-helper").caps("code-generation", "generates-text", "assistive-editing-only", "interaction-obvious",
                                "interacts-with-humans").domains("internal-operations"),
                        RiskTier.MINIMAL, List.of("M"), List.of(), List.of(), List.of()),
                system("talking toy",
                        card("teddy").caps("speech-to-text", "interacts-with-humans", "generates-audio", "annex-i-legislation:toys",
                                "safety-component").domains("consumer").tags("children"),
                        RiskTier.LIMITED, List.of("T-1", "T-2"), List.of("T-1", "T-2"), List.of("R-conformity", "R-children"), List.of()),
                system("election micro-targeting",
                        card("voter-reach").caps("recommendation", "voter-influence", "ranks-or-scores-people").domains("elections")
                                .tags("political-opinion", "pii"),
                        RiskTier.HIGH, List.of("H-8b"), List.of(), List.of(), List.of()),
                system("border asylum application screening",
                        card("asylum-assist").caps("classification", "operator-migration-authority", "asylum-visa-examination")
                                .domains("migration-border").tags("pii", "special-category"),
                        RiskTier.HIGH, List.of("H-7"), List.of(), List.of(), List.of()),
                system("document embedding for search",
                        card("doc-embed").caps("embedding", "retrieval").domains("internal-operations"),
                        RiskTier.MINIMAL, List.of("M"), List.of(), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void tierAndBasis(String system, Card card, RiskTier tier, List<String> rules, List<String> obligations,
                      List<String> review, List<String> flags) {
        RiskAssessment a = DefaultPolicyTest.ENGINE.assess(card.build());
        assertEquals(tier, a.computed(), system + ": " + a);
        assertEquals(rules, a.rules().stream().map(RuleMatch::id).toList(), system);
        assertEquals(obligations, a.obligations().stream().map(Obligation::id).toList(), system);
        assertEquals(review, a.needsReview().stream().map(s -> s.substring(0, s.indexOf(':'))).toList(), system);
        assertEquals(flags, a.flags(), system);
        assertEquals(tier, a.effective(), "nothing declared, so effective = computed");
    }

    private static Arguments system(String name, Card card, RiskTier tier, List<String> rules, List<String> obligations,
                                    List<String> review, List<String> flags) {
        return Arguments.of(name, card, tier, rules, obligations, review, flags);
    }

    private static Card card(String name) {
        return Card.named(name);
    }
}
