package dev.registry.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.history.AuditEntry;
import dev.registry.history.CardDiff;
import dev.registry.history.DeploymentDiff;
import dev.registry.history.DeploymentRevision;
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
     * 0ba904f 2026-01-06 09:12 +0000 Dan Ops &lt;dan@example.com&gt;: rollback scoring-eu to credit-scorer@2.0.3
     *   deployment scoring-eu changed (deployments/scoring-eu.yaml)
     *     version: credit-scorer@2.1.0 -> credit-scorer@2.0.3
     * </pre>
     */
    public static void text(List<? extends AuditEntry> entries, PrintWriter out) {
        for (AuditEntry e : entries) {
            out.println(e.commit().shortId() + " " + WHEN.format(e.commit().authored()) + " " + e.commit().authorName()
                    + " <" + e.commit().authorEmail() + ">: " + e.commit().subject());
            String where = " " + e.kind().id() + " (" + e.path() + e.movedFrom().map(p -> ", moved from " + p).orElse("") + ")";
            List<String> fields;
            if (e instanceof Revision r) {
                out.println("  " + r.model() + where);
                CardDiff d = r.diff();
                fields = d.fields();
                if (r.kind() != Revision.Kind.DELETED) {
                    d.stage().ifPresent(t -> out.println("    stage: " + transition(t)));
                    d.tier().ifPresent(t -> out.println("    tier: " + transition(t)));
                    delta("approvals", d.approvals(), out);
                    delta("evidence", d.evidence(), out);
                }
            } else {
                DeploymentRevision r = (DeploymentRevision) e;
                out.println("  deployment " + r.deployment() + where);
                DeploymentDiff d = r.diff();
                fields = d.fields();
                if (r.kind() != Revision.Kind.DELETED) {
                    d.version().ifPresent(t -> out.println("    version: " + transition(t)));
                    d.environment().ifPresent(t -> out.println("    environment: " + transition(t)));
                    d.region().ifPresent(t -> out.println("    region: " + transition(t)));
                    d.endpoint().ifPresent(t -> out.println("    endpoint: " + transition(t)));
                    d.rollout().ifPresent(t -> out.println("    rollout: " + transition(t)));
                }
            }
            if (e.kind() != Revision.Kind.DELETED && !fields.isEmpty()) {
                out.println("    " + (e.kind() == Revision.Kind.CREATED ? "fields: " : "changed: ") + String.join(", ", fields));
            }
        }
        out.flush();
    }

    /**
     * {@code {"model", "version", "deployment", "revisions": [...], "count"}} with stable keys;
     * absent values are null. A model revision has {@code model}, {@code stage}, {@code tier},
     * {@code approvals}, {@code evidence}; a deployment revision has {@code deployment},
     * {@code version} (model@version), {@code environment}, {@code region}, {@code endpoint},
     * {@code rollout}; both have {@code fields}.
     */
    public static void json(Optional<String> model, Optional<String> version, Optional<String> deployment,
                            List<? extends AuditEntry> entries, PrintWriter out) {
        ObjectNode root = JsonRenderer.JSON.createObjectNode();
        root.put("model", model.orElse(null));
        root.put("version", version.orElse(null));
        root.put("deployment", deployment.orElse(null));
        ArrayNode items = root.putArray("revisions");
        for (AuditEntry e : entries) {
            ObjectNode n = items.addObject();
            n.put("commit", e.commit().id());
            ObjectNode author = n.putObject("author");
            author.put("name", e.commit().authorName());
            author.put("email", e.commit().authorEmail());
            n.put("date", e.commit().authored().toString());
            n.put("subject", e.commit().subject());
            List<String> fields;
            if (e instanceof Revision r) {
                n.put("model", r.model().toString());
                where(n, e);
                CardDiff d = r.diff();
                transition(n, "stage", d.stage());
                transition(n, "tier", d.tier());
                delta(n.putObject("approvals"), d.approvals());
                delta(n.putObject("evidence"), d.evidence());
                fields = d.fields();
            } else {
                DeploymentRevision r = (DeploymentRevision) e;
                n.put("deployment", r.deployment());
                where(n, e);
                DeploymentDiff d = r.diff();
                transition(n, "version", d.version());
                transition(n, "environment", d.environment());
                transition(n, "region", d.region());
                transition(n, "endpoint", d.endpoint());
                transition(n, "rollout", d.rollout());
                fields = d.fields();
            }
            ArrayNode list = n.putArray("fields");
            fields.forEach(list::add);
        }
        root.put("count", entries.size());
        JsonRenderer.write(root, out);
    }

    private static void where(ObjectNode n, AuditEntry e) {
        n.put("change", e.kind().id());
        n.put("path", e.path());
        n.put("movedFrom", e.movedFrom().orElse(null));
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
