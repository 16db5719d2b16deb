package dev.registry.risk;

import dev.registry.card.RiskTier;

/**
 * A rule that fired for a model: its id, the tier it gives ({@code minimal} for a duty that implies
 * no tier), its legal basis and a one-line reason.
 */
public record RuleMatch(String id, RiskTier tier, String basis, String reason) {
}
