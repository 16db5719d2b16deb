package dev.registry.export;

import dev.registry.card.RiskTier;
import java.util.List;
import java.util.Optional;

/**
 * What the risk engine says about one model version, as far as an inventory shows it.
 *
 * @param basis       the rules that fired, each {@code id (legal basis)}
 * @param obligations Art 50 transparency duties, reported apart from the tier
 */
public record Tiers(Optional<RiskTier> declared, RiskTier computed, RiskTier effective, List<String> basis,
                    List<String> obligations) {

    public Tiers {
        basis = List.copyOf(basis);
        obligations = List.copyOf(obligations);
    }
}
