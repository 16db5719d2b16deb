package dev.registry.gate;

/**
 * One thing a promotion still lacks, or one approval that does not count.
 *
 * @param gate    the gate that asks for it ("production"), or "risk" for the tier that forbids it
 * @param ruleId  stable identifier, as in findings
 * @param pointer JSON pointer into the model card where the fix goes
 * @param hint    how to fix it, or ""
 */
public record Need(String gate, String ruleId, String pointer, String message, String hint) {
}
