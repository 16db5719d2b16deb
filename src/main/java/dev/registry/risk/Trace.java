package dev.registry.risk;

import java.util.List;

/**
 * How one condition evaluated, with the traces of its parts: the material of an explanation.
 *
 * @param parts the traces of an all/any's parts, or of a not's operand; empty for terms
 */
public record Trace(Condition condition, boolean holds, List<Trace> parts) {

    public Trace {
        parts = List.copyOf(parts);
    }

    /**
     * The conjuncts an explanation walks through: the parts of a top-level {@code all}, else the
     * condition itself.
     */
    public List<Trace> conjuncts() {
        return condition instanceof Condition.All ? parts : List.of(this);
    }

    /**
     * Whether the condition "nearly" holds: it does not, yet at least one of its positive conjuncts
     * (one that is not a {@code not}) does. A negation holding proves nothing about a card (every
     * card lacks most capabilities), so it never makes a rule "nearly fire".
     */
    public boolean nearly() {
        if (holds || !(condition instanceof Condition.All)) {
            return false;
        }
        return parts.stream().anyMatch(p -> p.holds() && !(p.condition() instanceof Condition.Not));
    }

    /** The conjuncts that do not hold: what is missing for the condition to hold. */
    public List<Trace> missing() {
        return conjuncts().stream().filter(t -> !t.holds()).toList();
    }
}
