package dev.registry.export;

import dev.registry.risk.RiskAssessment;
import dev.registry.risk.RiskEngine;
import dev.registry.risk.RuleMatch;
import dev.registry.source.Snapshot;
import java.time.LocalDate;

/** Tiers from the risk engine, under the policy of the snapshot being exported. */
public final class RiskTiers implements TierAssessor.Factory {

    @Override
    public TierAssessor forSnapshot(Snapshot snapshot, LocalDate today) {
        RiskEngine engine = RiskEngine.of(snapshot, today);
        return model -> of(engine.assess(model));
    }

    static Tiers of(RiskAssessment a) {
        return new Tiers(a.declared(), a.computed(), a.effective(),
                a.rules().stream().map(RiskTiers::basis).toList(),
                a.obligations().stream().map(RiskTiers::basis).toList(),
                a.needsReview(), a.flags());
    }

    private static String basis(RuleMatch m) {
        return m.id() + ": " + m.basis();
    }
}
