package dev.registry.risk;

import dev.registry.card.ModelCard;
import dev.registry.finding.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Everything the engine worked out for one model: the assessment other features use, every rule's
 * outcome for explanations, and what is wrong with the card's derogation.
 */
public record Evaluation(ModelCard card, RiskAssessment assessment, List<RuleOutcome> outcomes,
                         Optional<Derogation> derogation, List<Problem> problems) {

    public Evaluation {
        outcomes = List.copyOf(outcomes);
        problems = List.copyOf(problems);
    }

    /** A problem with the card's risk section, located by JSON pointer; the risk check turns it into a finding. */
    public record Problem(String ruleId, Severity severity, String pointer, String message, String hint) {
    }
}
