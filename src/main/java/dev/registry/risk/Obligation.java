package dev.registry.risk;

/**
 * A transparency duty a model carries (Art 50): what it must do, not a tier. An obligation rule
 * that also implies a tier shows up a second time among the tier-giving {@link RuleMatch}es.
 */
public record Obligation(String id, String basis, String reason) {
}
