package dev.registry.export;

import dev.registry.card.RiskTier;
import java.util.List;
import java.util.Optional;

/**
 * What the risk engine says about one model version, as far as an inventory shows it.
 *
 * @param basis       the rules that fired, each {@code id (legal basis)}
 * @param obligations Art 50 transparency duties, reported apart from the tier
 * @param needsReview cases the rules leave to human judgement
 * @param flags       model-level flags such as gpai-model and systemic-risk
 */
public record Tiers(Optional<RiskTier> declared, RiskTier computed, RiskTier effective, List<String> basis,
                    List<String> obligations, List<String> needsReview, List<String> flags) {

    public Tiers {
        basis = List.copyOf(basis);
        obligations = List.copyOf(obligations);
        needsReview = List.copyOf(needsReview);
        flags = List.copyOf(flags);
    }
}
