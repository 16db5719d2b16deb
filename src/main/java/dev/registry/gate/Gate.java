package dev.registry.gate;

import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import java.util.List;
import java.util.Set;

/**
 * One named gate of the policy: what a model version must show to be promoted to {@code stage}
 * (or beyond), when its effective risk tier is one of {@code tiers} (every tier when empty).
 *
 * @param fields   card fields (dotted paths such as {@code operations.incidentOwner}) that must be filled in
 * @param evidence keys under the card's {@code evidence} that must be filled in
 */
public record Gate(String name, Stage stage, Set<RiskTier> tiers, List<String> fields, List<String> evidence,
                   EvaluationRule evaluations, ApprovalRule approvals) {

    public Gate {
        tiers = Set.copyOf(tiers);
        fields = List.copyOf(fields);
        evidence = List.copyOf(evidence);
    }

    /** Whether this gate applies to a model of the given effective tier. */
    public boolean appliesTo(RiskTier tier) {
        return tiers.isEmpty() || tiers.contains(tier);
    }
}
