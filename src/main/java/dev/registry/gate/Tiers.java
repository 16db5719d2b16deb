package dev.registry.gate;

import dev.registry.card.ModelCard;
import dev.registry.card.RiskTier;
import dev.registry.risk.RiskEngine;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.function.Function;

/** Effective risk tiers under the policy of one snapshot (the base commit's, in a gate). */
final class Tiers {

    private Tiers() {
    }

    static Function<ModelCard, RiskTier> under(Snapshot policy, LocalDate today) {
        RiskEngine engine = RiskEngine.of(policy, today);
        return card -> engine.assess(card).effective();
    }
}
