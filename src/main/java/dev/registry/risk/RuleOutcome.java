package dev.registry.risk;

import java.util.Optional;

/**
 * How one rule of the policy fared for one model: the material of {@code registry risk --explain}.
 *
 * @param trace how its condition evaluated (empty for the fallback)
 * @param note  what the status alone does not say: who signed a derogation, when a rule comes into force
 */
public record RuleOutcome(Rule rule, Status status, Optional<Trace> trace, String note) {

    public enum Status {
        /** The rule applies to the model. */
        FIRED,
        /** The rule applies, but a signed Art 6(3) derogation lifts its tier. */
        DEROGATED,
        /** Some but not all of its conditions hold. */
        NEARLY_FIRED,
        /** The rule is not in force on the day of assessment. */
        NOT_IN_FORCE,
        /** The rule does not apply. */
        NOT_FIRED
    }

    /** Whether an explanation should walk through this rule. */
    public boolean worthExplaining() {
        return switch (status) {
            case FIRED, DEROGATED, NEARLY_FIRED -> true;
            case NOT_IN_FORCE -> trace.map(t -> t.holds() || t.nearly()).orElse(false);
            case NOT_FIRED -> false;
        };
    }
}
