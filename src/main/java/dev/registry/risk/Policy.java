package dev.registry.risk;

import java.util.List;
import java.util.Optional;

/**
 * The risk policy in force: the default EU AI Act rules with an organisation's additions.
 *
 * @param name          the default policy's name ("eu-ai-act")
 * @param rules         the active rules, in evaluation and report order
 * @param disabled      ids of default rules registry.yaml disabled
 * @param reviewerRoles roles whose holders may sign an Art 6(3) derogation
 */
public record Policy(String name, List<Rule> rules, List<String> disabled, Vocabulary vocabulary,
                     List<String> reviewerRoles) {

    public Policy {
        rules = List.copyOf(rules);
        disabled = List.copyOf(disabled);
        reviewerRoles = List.copyOf(reviewerRoles);
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The derogation rule (D-63), unless disabled. */
    public Optional<Rule> derogation() {
        return rules.stream().filter(r -> r.kind() == RuleKind.DEROGATION).findFirst();
    }

    /** Rules an Art 6(3) derogation can lower. */
    public List<String> derogableIds() {
        return rules.stream().filter(Rule::derogable).map(Rule::id).toList();
    }
}
