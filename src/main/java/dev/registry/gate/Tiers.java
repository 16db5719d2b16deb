package dev.registry.gate;

import dev.registry.card.ModelCard;
import dev.registry.card.RiskTier;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.function.Function;

/** Effective risk tiers under the policy of one snapshot (the base commit's, in a gate). */
final class Tiers {

    private Tiers() {
    }

    static Function<ModelCard, RiskTier> under(Snapshot policy, LocalDate today) {
        // Interim until dev.registry.risk.RiskEngine is merged from branch `risk`: the declared tier.
        return card -> card.declaredTier().orElse(RiskTier.MINIMAL);
    }
}
