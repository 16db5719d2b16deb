package dev.registry.gate;

import java.util.List;
import java.util.OptionalInt;

/**
 * Which evaluations a promotion needs.
 *
 * @param minPassed  how many passed evaluations the card must list
 * @param maxAgeDays a passed evaluation older than this does not count; empty for no limit
 * @param suites     suites that must each have a passed (and fresh) evaluation
 */
public record EvaluationRule(int minPassed, OptionalInt maxAgeDays, List<String> suites) {

    public static final EvaluationRule NONE = new EvaluationRule(0, OptionalInt.empty(), List.of());

    public EvaluationRule {
        suites = List.copyOf(suites);
    }

    public boolean requiresAny() {
        return minPassed > 0 || !suites.isEmpty();
    }
}
