package dev.registry.gate;

import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import dev.registry.finding.Severity;
import dev.registry.source.YamlDocument;
import java.util.List;

/**
 * One thing a promotion still lacks, or one approval that does not count.
 *
 * @param gate    the gate that asks for it ("production"), or "risk" for the tier that forbids it
 * @param ruleId  stable identifier, as in findings
 * @param pointer JSON pointer into the model card where the fix goes
 * @param hint    how to fix it, or ""
 */
public record Need(String gate, String ruleId, String pointer, String message, String hint) {

    /** Whether this is an approval still to be given, rather than something missing from the card. */
    public boolean isApproval() {
        return ruleId.equals("gate-approvals-missing") || ruleId.equals("gate-approval-role");
    }

    /** As a finding in the card at {@code path}, located as {@link #locate} says, its message prefixed. */
    public Finding toFinding(Severity severity, String path, YamlDocument card, String prefix) {
        return new Finding(ruleId, severity, path, locate(card, pointer).line(), locate(card, pointer).column(), pointer,
                prefix + message, hint, List.of());
    }

    /**
     * Where a need is fixed in a card: the key that holds it, else the nearest enclosing key that
     * exists (evidence: for a missing evidence item), else the stage line a promotion changes.
     */
    public static Location locate(YamlDocument doc, String pointer) {
        for (String p = pointer; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
            if (doc.keys().containsKey(p)) {
                return doc.keyAt(p);
            }
        }
        return doc.valueAt("/lifecycle/stage");
    }
}
