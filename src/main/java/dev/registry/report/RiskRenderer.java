package dev.registry.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.card.RiskTier;
import dev.registry.risk.Condition;
import dev.registry.risk.Evaluation;
import dev.registry.risk.Obligation;
import dev.registry.risk.Policy;
import dev.registry.risk.PolicyDiff;
import dev.registry.risk.RiskAssessment;
import dev.registry.risk.RuleKind;
import dev.registry.risk.RuleMatch;
import dev.registry.risk.RuleOutcome;
import dev.registry.risk.Trace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders risk assessments, explanations and policy diffs as a text table or JSON. */
public final class RiskRenderer {

    private RiskRenderer() {
    }

    /** One row per model version: declared tier, computed tier, the rules behind it, and what needs attention. */
    public static void table(List<Evaluation> evaluations, Output output) {
        PrintWriter out = output.results();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("MODEL", "VERSION", "DECLARED", "COMPUTED", "BASIS", "NOTES"));
        for (Evaluation e : evaluations) {
            RiskAssessment a = e.assessment();
            rows.add(List.of(a.model().name(), a.model().version(), a.declared().map(RiskTier::id).orElse("-"),
                    a.computed().id(), basis(a), notes(a)));
        }
        printRows(rows, out);
        out.println(summary(evaluations));
        out.flush();
    }

    /** Walks through every rule that fired, was derogated, nearly fired, or comes into force later. */
    public static void explain(List<Evaluation> evaluations, Policy policy, Output output) {
        PrintWriter out = output.results();
        boolean first = true;
        for (Evaluation e : evaluations) {
            if (!first) {
                out.println();
            }
            first = false;
            RiskAssessment a = e.assessment();
            out.println(a.model() + " (" + e.card().path() + ")");
            out.println("  declared tier:  " + a.declared().map(RiskTier::id).orElse("none"));
            out.println("  computed tier:  " + a.computed());
            out.println("  effective tier: " + a.effective() + (a.understated() ? " (the card declares less than the rules give)" : ""));
            out.println("  policy: " + policyLabel(policy));
            for (RuleOutcome o : e.outcomes()) {
                if (!o.worthExplaining()) {
                    continue;
                }
                // A rule that matched says what it gave this model (a signed D-63 gives minimal, not high).
                java.util.Optional<RuleMatch> match = a.rules().stream().filter(r -> r.id().equals(o.rule().id())).findFirst();
                out.println();
                out.println("  " + o.rule().id() + "  " + match.map(m -> m.tier().id()).orElse(tierLabel(o))
                        + (hasBasis(o.rule().basis()) ? "  " + o.rule().basis() : "")
                        + "  " + status(o) + (o.note().isEmpty() ? "" : " (" + o.note() + ")"));
                out.println("    " + match.map(RuleMatch::reason).orElse(o.rule().reason()));
                o.trace().ifPresent(t -> t.conjuncts().forEach(c -> out.println("    " + conjunct(c))));
            }
            out.println();
            list(out, "obligations", a.obligations().stream().map(r -> r.id() + " (" + r.basis() + "): " + r.reason()).toList());
            list(out, "needs review", a.needsReview());
            list(out, "flags", a.flags());
        }
        out.flush();
    }

    /**
     * An array of objects: model, version, path, declaredTier, computedTier, effectiveTier, rules
     * (id, tier, basis, reason), obligations (id, basis, reason: a duty has no tier), needsReview,
     * flags, and with {@code explain} the explanation.
     */
    public static void json(List<Evaluation> evaluations, boolean explain, Output out) {
        ArrayNode items = JsonRenderer.JSON.createArrayNode();
        for (Evaluation e : evaluations) {
            RiskAssessment a = e.assessment();
            ObjectNode n = items.addObject();
            n.put("model", a.model().name());
            n.put("version", a.model().version());
            n.put("path", e.card().path());
            tier(n, "declaredTier", a.declared());
            n.put("computedTier", a.computed().id());
            n.put("effectiveTier", a.effective().id());
            n.set("rules", rules(a.rules()));
            n.set("obligations", obligations(a.obligations()));
            a.needsReview().forEach(n.putArray("needsReview")::add);
            a.flags().forEach(n.putArray("flags")::add);
            if (explain) {
                ArrayNode steps = n.putArray("explanation");
                for (RuleOutcome o : e.outcomes()) {
                    if (!o.worthExplaining()) {
                        continue;
                    }
                    ObjectNode s = steps.addObject();
                    s.put("id", o.rule().id());
                    s.put("kind", o.rule().kind().id());
                    s.put("status", o.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                    tier(s, "tier", o.rule().tier());
                    s.put("basis", o.rule().basis());
                    s.put("reason", o.rule().reason());
                    s.put("note", o.note());
                    ArrayNode conditions = s.putArray("conditions");
                    o.trace().ifPresent(t -> t.conjuncts().forEach(c -> conditions.addObject()
                            .put("condition", c.condition().describe()).put("holds", c.holds())));
                }
            }
        }
        JsonRenderer.write(items, out);
    }

    /** The models a policy change moves, as a table or JSON. */
    public static void diff(PolicyDiff diff, boolean json, Output output) {
        PrintWriter out = output.results();
        if (json) {
            ArrayNode items = JsonRenderer.JSON.createArrayNode();
            for (PolicyDiff.Change c : diff.changes()) {
                ObjectNode n = items.addObject();
                n.put("model", c.card().name());
                n.put("version", c.card().version());
                tier(n, "declaredTier", c.card().declaredTier());
                n.put("before", c.before().id());
                n.put("after", c.after().id());
                n.set("added", rules(c.added()));
                n.set("removed", rules(c.removed()));
            }
            JsonRenderer.write(items, output);
            return;
        }
        if (diff.changes().isEmpty()) {
            out.println("no model version changes tier between the policy in the " + diff.before() + " and the policy now ("
                    + diff.checked() + " checked)");
            out.flush();
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("MODEL", "VERSION", "DECLARED", "BEFORE", "AFTER", "RULES"));
        for (PolicyDiff.Change c : diff.changes()) {
            List<String> rules = new ArrayList<>();
            c.added().stream().filter(r -> !r.fallback()).forEach(r -> rules.add("+" + r.id() + " (" + r.basis() + ")"));
            c.removed().stream().filter(r -> !r.fallback()).forEach(r -> rules.add("-" + r.id() + " (" + r.basis() + ")"));
            // The fallback is no rule of its own: say that no rule applied, not "-M (-)".
            if (c.added().stream().anyMatch(RuleMatch::fallback)) {
                rules.add("no rule applies now");
            }
            if (c.removed().stream().anyMatch(RuleMatch::fallback)) {
                rules.add("no rule applied before");
            }
            rows.add(List.of(c.card().name(), c.card().version(), c.card().declaredTier().map(RiskTier::id).orElse("-"),
                    c.before().id(), c.after().id(), String.join(", ", rules)));
        }
        printRows(rows, out);
        out.println(diff.changes().size() + " of " + diff.checked() + " model versions change tier between the policy in the "
                + diff.before() + " and the policy now");
        out.flush();
    }

    private static String basis(RiskAssessment a) {
        return a.rules().stream().map(r -> r.fallback() ? "no rule applies" : r.id() + " " + r.basis())
                .collect(Collectors.joining(", "));
    }

    /** A rule's legal basis and reason, as {@code show} and the explanation print them: "Annex III 5(b): evaluates ...". */
    static String basisAndReason(String basis, String reason) {
        return hasBasis(basis) ? basis + ": " + reason : reason;
    }

    /** Whether a rule names a legal basis: the fallback's is "-", which says nothing to a reader. */
    private static boolean hasBasis(String basis) {
        return !basis.isBlank() && !basis.equals("-");
    }

    /** Tier-giving rules as JSON: id, tier, basis, reason. */
    static ArrayNode rules(List<RuleMatch> matches) {
        ArrayNode array = JsonRenderer.JSON.createArrayNode();
        for (RuleMatch r : matches) {
            array.addObject().put("id", r.id()).put("tier", r.tier().id()).put("basis", r.basis()).put("reason", r.reason());
        }
        return array;
    }

    /** Obligations as JSON: id, basis, reason, and no tier, since a duty gives none. */
    static ArrayNode obligations(List<Obligation> obligations) {
        ArrayNode array = JsonRenderer.JSON.createArrayNode();
        for (Obligation o : obligations) {
            array.addObject().put("id", o.id()).put("basis", o.basis()).put("reason", o.reason());
        }
        return array;
    }

    private static String notes(RiskAssessment a) {
        List<String> notes = new ArrayList<>();
        if (a.understated()) {
            notes.add("declared below computed");
        }
        if (!a.needsReview().isEmpty()) {
            notes.add("needs review: " + a.needsReview().stream().map(s -> s.substring(0, s.indexOf(':')))
                    .collect(Collectors.joining(", ")));
        }
        if (!a.flags().isEmpty()) {
            notes.add("flags: " + String.join(", ", a.flags()));
        }
        return String.join("; ", notes);
    }

    private static String summary(List<Evaluation> evaluations) {
        Map<RiskTier, Integer> counts = new EnumMap<>(RiskTier.class);
        evaluations.forEach(e -> counts.merge(e.assessment().computed(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (int i = RiskTier.values().length - 1; i >= 0; i--) {
            RiskTier t = RiskTier.values()[i];
            parts.add(counts.getOrDefault(t, 0) + " " + t);
        }
        long review = evaluations.stream().filter(e -> !e.assessment().needsReview().isEmpty()).count();
        long understated = evaluations.stream().filter(e -> e.assessment().understated()).count();
        return evaluations.size() + (evaluations.size() == 1 ? " model version" : " model versions") + " (computed tier: "
                + String.join(", ", parts) + "); " + review + " need review; " + understated + " declared below computed";
    }

    private static String policyLabel(Policy policy) {
        long own = policy.rules().stream().filter(r -> !r.origin().equals(policy.name())).count();
        if (own == 0 && policy.disabled().isEmpty()) {
            return policy.name() + " (default)";
        }
        return policy.name() + " with registry.yaml: " + own + (own == 1 ? " rule" : " rules") + " added"
                + (policy.disabled().isEmpty() ? "" : ", disabled " + String.join(", ", policy.disabled()));
    }

    private static String tierLabel(RuleOutcome o) {
        if (o.rule().kind() == RuleKind.NEEDS_REVIEW) {
            return "review";
        }
        if (o.rule().kind() == RuleKind.FLAG) {
            return "flag " + o.rule().flag().orElse("");
        }
        return o.rule().tier().map(RiskTier::id).orElse("duty");
    }

    private static String status(RuleOutcome o) {
        return switch (o.status()) {
            case FIRED -> "fired";
            case DEROGATED -> "derogated";
            case NEARLY_FIRED -> "nearly fired";
            case NOT_IN_FORCE -> "not in force";
            case NOT_FIRED -> "did not fire";
        };
    }

    /** One line of an explanation: whether a conjunct holds, or what it lacks. */
    private static String conjunct(Trace t) {
        if (t.condition() instanceof Condition.Not n) {
            return t.holds() ? "holds     " + t.condition().describe() : "excluded  " + n.part().describe() + " is declared";
        }
        return (t.holds() ? "holds     " : "missing   ") + t.condition().describe();
    }

    private static void list(PrintWriter out, String title, List<String> items) {
        if (items.isEmpty()) {
            out.println("  " + title + ": none");
            return;
        }
        out.println("  " + title + ":");
        items.forEach(i -> out.println("    " + i));
    }

    /** A tier, or null when there is none (no declared tier, a duty without a tier). */
    private static void tier(ObjectNode n, String key, java.util.Optional<RiskTier> tier) {
        if (tier.isPresent()) {
            n.put(key, tier.get().id());
        } else {
            n.putNull(key);
        }
    }

    private static void printRows(List<List<String>> rows, PrintWriter out) {
        Table.align(rows).forEach(l -> out.println(l.stripTrailing()));
    }
}
