package dev.registry.gate;

import java.util.List;

/**
 * The outcome of judging one model version against the gates for one stage.
 *
 * @param needs what is missing: the promotion is blocked while this is not empty
 * @param notes approvals that were not counted, and why (they explain a shortfall in {@code needs})
 */
public record Verdict(List<Need> needs, List<Need> notes) {

    public Verdict {
        needs = List.copyOf(needs);
        notes = List.copyOf(notes);
    }

    public boolean passes() {
        return needs.isEmpty();
    }
}
