package dev.registry.risk;

import dev.registry.card.RiskTier;

/**
 * A rule that fired for a model and gives its tier: its id, the tier, its legal basis and a
 * one-line reason.
 *
 * @param fallback whether it is the policy's fallback rule, which fires when no other rule gives
 *                 a tier: its basis is then no legal text, and readers are told that no rule applies
 */
public record RuleMatch(String id, RiskTier tier, String basis, String reason, boolean fallback) {

    /** A rule that fired on its own condition (not the fallback). */
    public RuleMatch(String id, RiskTier tier, String basis, String reason) {
        this(id, tier, basis, reason, false);
    }
}
