package dev.registry.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.history.CardDiff;
import dev.registry.history.Revision;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The output of {@code registry history}: one block per commit as text, or one JSON document. */
public final class AuditTrailRenderer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xx");

    private AuditTrailRenderer() {
    }

    /**
     * <pre>
     * 5d6e7f8 2026-01-05 12:00 +0000 Carol Risk &lt;carol@example.com&gt;: approve credit-scorer 2.1.0
     *   credit-scorer@2.1.0 changed (models/credit-scorer/2.1.0.yaml)
     *     approvals: + production by carol@example.com (risk-officer)
     * </pre>
     */
    public static void text(List<Revision> revisions, PrintWriter out) {
        for (Revision r : revisions) {
            out.println(r.commit().shortId() + " " + WHEN.format(r.commit().authored()) + " " + r.commit().authorName()
                    + " <" + r.commit().authorEmail() + ">: " + r.commit().subject());
            out.println("  " + r.model() + " " + r.kind().id() + " (" + r.path() + r.movedFrom().map(p -> ", moved from " + p).orElse("") + ")");
            CardDiff d = r.diff();
            if (r.kind() != Revision.Kind.DELETED) {
                d.stage().ifPresent(t -> out.println("    stage: " + transition(t)));
                d.tier().ifPresent(t -> out.println("    tier: " + transition(t)));
                delta("approvals", d.approvals(), out);
                delta("evidence", d.evidence(), out);
                if (!d.fields().isEmpty()) {
                    out.println("    " + (r.kind() == Revision.Kind.CREATED ? "fields: " : "changed: ") + String.join(", ", d.fields()));
                }
            }
        }
        out.flush();
    }

    /** {@code {"model", "version", "revisions": [...]}} with stable keys; absent values are null. */
    public static void json(String model, Optional<String> version, List<Revision> revisions, PrintWriter out) {
        ObjectNode root = JsonRenderer.JSON.createObjectNode();
        root.put("model", model);
        root.put("version", version.orElse(null));
        ArrayNode items = root.putArray("revisions");
        for (Revision r : revisions) {
            ObjectNode n = items.addObject();
            n.put("commit", r.commit().id());
            ObjectNode author = n.putObject("author");
            author.put("name", r.commit().authorName());
            author.put("email", r.commit().authorEmail());
            n.put("date", r.commit().authored().toString());
            n.put("subject", r.commit().subject());
            n.put("model", r.model().toString());
            n.put("change", r.kind().id());
            n.put("path", r.path());
            n.put("movedFrom", r.movedFrom().orElse(null));
            CardDiff d = r.diff();
            transition(n, "stage", d.stage());
            transition(n, "tier", d.tier());
            delta(n.putObject("approvals"), d.approvals());
            delta(n.putObject("evidence"), d.evidence());
            ArrayNode fields = n.putArray("fields");
            d.fields().forEach(fields::add);
        }
        root.put("count", revisions.size());
        try {
            out.println(JsonRenderer.JSON.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.flush();
    }

    private static String transition(CardDiff.Transition t) {
        return t.from().orElse("(none)") + " -> " + t.to().orElse("(none)");
    }

    private static void transition(ObjectNode n, String key, Optional<CardDiff.Transition> t) {
        if (t.isEmpty()) {
            n.putNull(key);
            return;
        }
        ObjectNode o = n.putObject(key);
        o.put("from", t.get().from().orElse(null));
        o.put("to", t.get().to().orElse(null));
    }

    private static void delta(String label, CardDiff.Delta d, PrintWriter out) {
        if (d.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        d.added().forEach(x -> parts.add("+ " + x));
        d.removed().forEach(x -> parts.add("- " + x));
        d.changed().forEach(x -> parts.add("~ " + x));
        out.println("    " + label + ": " + String.join(", ", parts));
    }

    private static void delta(ObjectNode n, CardDiff.Delta d) {
        ArrayNode added = n.putArray("added");
        d.added().forEach(added::add);
        ArrayNode removed = n.putArray("removed");
        d.removed().forEach(removed::add);
        ArrayNode changed = n.putArray("changed");
        d.changed().forEach(changed::add);
    }
}
