package dev.registry.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.registry.source.CardBinder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one commit changed in a model card, in the terms an auditor asks about: the stage, the
 * approvals, the declared risk tier, the release evidence, and which other fields.
 *
 * @param stage     the lifecycle stage before and after, when it changed
 * @param tier      the declared risk tier ({@code risk.tier}) before and after, when it changed
 * @param approvals approvals added and removed, by stage, approver and role
 * @param evidence  evidence items added, removed and edited
 * @param fields    every other field that changed, as dotted paths ({@code lineage.artifact})
 */
public record CardDiff(Optional<Transition> stage, Optional<Transition> tier, Delta approvals, Delta evidence,
                       List<String> fields) {

    /** A value before and after; empty on a side where it was not set. */
    public record Transition(Optional<String> from, Optional<String> to) {
    }

    /** Items added, removed and changed in place. */
    public record Delta(List<String> added, List<String> removed, List<String> changed) {
        public Delta {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public CardDiff {
        fields = List.copyOf(fields);
    }

    /** Objects whose changes are reported one level down (lineage.artifact rather than lineage). */
    private static final Set<String> NESTED = Set.of("lineage", "operations", "compliance", "risk", "lifecycle", "parameters");

    /** The difference between two versions of a card; a missing side is an absent card. */
    public static CardDiff between(Optional<JsonNode> before, Optional<JsonNode> after) {
        JsonNode a = before.orElse(MissingNode.getInstance());
        JsonNode b = after.orElse(MissingNode.getInstance());
        return new CardDiff(transition(a.at("/lifecycle/stage"), b.at("/lifecycle/stage")),
                transition(a.at("/risk/tier"), b.at("/risk/tier")),
                approvals(a.path("approvals"), b.path("approvals")),
                members(a.path("evidence"), b.path("evidence")),
                otherFields(a, b));
    }

    public boolean isEmpty() {
        return stage.isEmpty() && tier.isEmpty() && approvals.isEmpty() && evidence.isEmpty() && fields.isEmpty();
    }

    static Optional<Transition> transition(JsonNode from, JsonNode to) {
        if (from.equals(to)) {
            return Optional.empty();
        }
        return Optional.of(new Transition(text(from), text(to)));
    }

    private static Optional<String> text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n.isTextual() ? n.textValue() : n.toString());
    }

    private static Delta approvals(JsonNode before, JsonNode after) {
        Set<String> was = approvalSet(before);
        Set<String> now = approvalSet(after);
        List<String> added = now.stream().filter(x -> !was.contains(x)).toList();
        List<String> removed = was.stream().filter(x -> !now.contains(x)).toList();
        // Same approvers, other details (a date, a comment): reported as edited.
        List<String> changed = added.isEmpty() && removed.isEmpty() && !before.equals(after) && !now.isEmpty()
                ? List.of("details") : List.of();
        return new Delta(added, removed, changed);
    }

    private static Set<String> approvalSet(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode a : list) {
            String role = CardBinder.text(a.path("role"));
            out.add(CardBinder.text(a.path("stage")) + " by " + CardBinder.text(a.path("by")) + (role.isEmpty() ? "" : " (" + role + ")"));
        }
        return out;
    }

    private static Delta members(JsonNode before, JsonNode after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (String k : keys(before, after)) {
            JsonNode x = before.path(k);
            JsonNode y = after.path(k);
            if (x.isMissingNode() && !y.isMissingNode()) {
                added.add(k);
            } else if (!x.isMissingNode() && y.isMissingNode()) {
                removed.add(k);
            } else if (!x.equals(y)) {
                changed.add(k);
            }
        }
        return new Delta(added, removed, changed);
    }

    private static List<String> otherFields(JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        for (String k : keys(a, b)) {
            if (k.equals("approvals") || k.equals("evidence")) {
                continue;
            }
            JsonNode x = a.path(k);
            JsonNode y = b.path(k);
            if (x.equals(y)) {
                continue;
            }
            if (NESTED.contains(k) && (x.isObject() || x.isMissingNode()) && (y.isObject() || y.isMissingNode())) {
                for (String sub : keys(x, y)) {
                    String path = k + "." + sub;
                    if (!x.path(sub).equals(y.path(sub)) && !path.equals("lifecycle.stage") && !path.equals("risk.tier")) {
                        out.add(path);
                    }
                }
            } else {
                out.add(k);
            }
        }
        return out;
    }

    static List<String> keys(JsonNode a, JsonNode b) {
        Set<String> all = new LinkedHashSet<>();
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
            all.add(it.next());
        }
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
            all.add(it.next());
        }
        return new ArrayList<>(all);
    }
}
