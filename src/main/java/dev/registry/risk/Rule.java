package dev.registry.risk;

import dev.registry.card.RiskTier;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One rule of a risk policy.
 *
 * @param tier      the tier it gives (tier, derogation and fallback rules; obligations that imply one)
 * @param flag      the model flag it sets (flag rules)
 * @param when      its condition; empty only for the fallback
 * @param from      first day in force, if limited
 * @param until     last day in force, if limited
 * @param derogable whether an Art 6(3) derogation can lower it
 * @param origin    where it was written: the default policy's name or "registry.yaml"
 */
public record Rule(String id, RuleKind kind, Optional<RiskTier> tier, Optional<String> flag, String basis, String reason,
                   Optional<Condition> when, Optional<LocalDate> from, Optional<LocalDate> until, boolean derogable,
                   String origin) {

    /** Whether the rule applies on the day. */
    public boolean inForce(LocalDate day) {
        return from.map(f -> !day.isBefore(f)).orElse(true) && until.map(u -> !day.isAfter(u)).orElse(true);
    }

    /** The same rule with other effective dates. */
    public Rule withDates(Optional<LocalDate> newFrom, Optional<LocalDate> newUntil) {
        return new Rule(id, kind, tier, flag, basis, reason, when, newFrom, newUntil, derogable, origin);
    }

    /** What the rule says when it fires and gives a tier: id, tier, basis and reason. */
    public RuleMatch match(String why) {
        return new RuleMatch(id, tier.orElse(RiskTier.MINIMAL), basis, why, kind == RuleKind.FALLBACK);
    }

    /** What an obligation rule says when it fires: the duty, without a tier. */
    public Obligation obligation() {
        return new Obligation(id, basis, reason);
    }
}
