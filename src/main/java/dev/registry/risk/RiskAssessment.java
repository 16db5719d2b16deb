package dev.registry.risk;

import dev.registry.card.ModelRef;
import dev.registry.card.RiskTier;
import java.util.List;
import java.util.Optional;

/**
 * A model version's risk under the policy in force.
 *
 * @param declared    risk.tier on the card
 * @param computed    highest tier of the rules that fired (after a signed derogation)
 * @param effective   max(declared, computed): what every other feature uses
 * @param rules       every rule that fired and gives the tier: id, tier, basis, reason
 * @param obligations Art 50 transparency duties, reported apart from the tier (an obligation that
 *                    implies a tier is among {@code rules} too)
 * @param needsReview human-judgement cases, never decided silently ("id: reason (basis)")
 * @param flags       model flags: gpai-model, systemic-risk
 */
public record RiskAssessment(
        ModelRef model,
        Optional<RiskTier> declared,
        RiskTier computed,
        RiskTier effective,
        List<RuleMatch> rules,
        List<Obligation> obligations,
        List<String> needsReview,
        List<String> flags) {

    public RiskAssessment {
        rules = List.copyOf(rules);
        obligations = List.copyOf(obligations);
        needsReview = List.copyOf(needsReview);
        flags = List.copyOf(flags);
    }

    /** Whether the card claims less than the rules give. */
    public boolean understated() {
        return declared.isPresent() && declared.get().compareTo(computed) < 0;
    }
}
