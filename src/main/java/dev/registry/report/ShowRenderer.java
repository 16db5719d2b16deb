package dev.registry.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.card.Approval;
import dev.registry.card.Deployment;
import dev.registry.card.Environment;
import dev.registry.card.ModelCard;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.query.VersionFacts;
import dev.registry.risk.RiskAssessment;
import dev.registry.risk.RuleMatch;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Prints {@code show}: each version's card fields with its computed facts, as text or JSON. */
public final class ShowRenderer {

    private static final int LABEL = 15;

    private ShowRenderer() {
    }

    public static void text(List<VersionFacts> versions, PrintWriter out) {
        for (int i = 0; i < versions.size(); i++) {
            if (i > 0) {
                out.println();
            }
            text(versions.get(i), out);
        }
        out.flush();
    }

    private static void text(VersionFacts f, PrintWriter out) {
        ModelCard m = f.row().card();
        RiskAssessment risk = f.row().risk();
        out.println(m.ref() + "  " + m.stage() + "  " + m.path());
        field(out, "description", m.description());
        field(out, "provider", m.provider());
        field(out, "owners", String.join(", ", m.owners()));
        field(out, "modality", String.join(", ", m.modality()));
        field(out, "capabilities", String.join(", ", m.capabilities()));
        field(out, "use domains", String.join(", ", m.useDomains()));
        field(out, "data tags", String.join(", ", m.dataTags()));
        field(out, "residency", String.join(", ", m.dataResidency()));
        field(out, "fallbacks", String.join(", ", m.fallbacks()));
        m.deprecation().ifPresent(d -> field(out, "deprecation", "announced " + d.announced().map(LocalDate::toString).orElse("?")
                + ", retire after " + d.retireAfter().map(LocalDate::toString).orElse("?")
                + d.replacement().map(r -> ", replaced by " + r).orElse("")));
        field(out, "risk tier", risk.effective() + " (computed " + risk.computed() + ", declared "
                + risk.declared().map(RiskTier::id).orElse("none") + ")");
        lines(out, "  rules", Table.align(risk.rules().stream().map(ShowRenderer::rule).toList()));
        lines(out, "  obligations", Table.align(risk.obligations().stream()
                .map(o -> List.of(o.id(), RiskRenderer.basisAndReason(o.basis(), o.reason()))).toList()));
        lines(out, "  needs review", risk.needsReview());
        field(out, "  flags", String.join(", ", risk.flags()));
        lines(out, "deployments", f.row().deployments().isEmpty() ? List.of("none")
                : Table.align(f.row().deployments().stream().map(ShowRenderer::deploymentCells).toList()));
        lines(out, "approvals", m.approvals().isEmpty() ? List.of("none")
                : Table.align(m.approvals().stream().map(ShowRenderer::approval).toList()));
        if (f.nextStage().isEmpty()) {
            field(out, "next stage", m.stage() == Stage.PRODUCTION ? "none (production is the last promotion)" : "none");
        } else {
            field(out, "next stage", f.nextStage().get().id());
            lines(out, "  still needs", f.nextStageNeeds()
                    .map(n -> n.isEmpty() ? List.of("nothing: ready to promote") : n)
                    .orElse(List.of("unknown: no promotion gate policy is available to say")));
        }
    }

    public static void json(List<VersionFacts> versions, PrintWriter out) {
        ArrayNode a = JsonRenderer.JSON.createArrayNode();
        for (VersionFacts f : versions) {
            ModelCard m = f.row().card();
            RiskAssessment risk = f.row().risk();
            ObjectNode o = a.addObject();
            o.put("model", m.name());
            o.put("version", m.version());
            o.put("path", m.path());
            o.put("stage", m.stage().id());
            ListRenderer.tiers(o, risk);
            ObjectNode r = o.putObject("risk");
            r.set("rules", RiskRenderer.rules(risk.rules()));
            r.set("obligations", RiskRenderer.obligations(risk.obligations()));
            ListRenderer.strings(r, "needsReview", risk.needsReview());
            ListRenderer.strings(r, "flags", risk.flags());
            ArrayNode deployments = o.putArray("deployments");
            for (Deployment d : f.row().deployments()) {
                ObjectNode dn = deployments.addObject();
                dn.put("name", d.name());
                dn.put("environment", d.environment().map(Environment::id).orElse(""));
                dn.put("region", d.region());
                dn.put("endpoint", d.endpoint());
                dn.put("path", d.path());
            }
            ArrayNode approvals = o.putArray("approvals");
            for (Approval ap : m.approvals()) {
                ObjectNode an = approvals.addObject();
                an.put("stage", ap.stage().id());
                an.put("by", ap.by());
                an.put("role", ap.role());
                an.put("date", ap.date().map(LocalDate::toString).orElse(null));
            }
            o.put("nextStage", f.nextStage().map(Stage::id).orElse(null));
            if (f.nextStageNeeds().isPresent()) {
                ListRenderer.strings(o, "nextStageNeeds", f.nextStageNeeds().get());
            } else {
                o.putNull("nextStageNeeds"); // unknown: no gate policy can say
            }
            o.set("card", m.document());
        }
        JsonRenderer.write(a, out);
    }

    private static List<String> rule(RuleMatch r) {
        return List.of(r.id(), r.tier().id(), RiskRenderer.basisAndReason(r.basis(), r.reason()));
    }

    /** A deployment on one line: name, environment, region and endpoint. */
    static String deployment(Deployment d) {
        return String.join("  ", deploymentCells(d));
    }

    private static List<String> deploymentCells(Deployment d) {
        List<String> parts = new ArrayList<>(List.of(d.name(), d.environment().map(Environment::id).orElse("?"), d.region()));
        if (!d.endpoint().isEmpty()) {
            parts.add(d.endpoint());
        }
        return parts;
    }

    private static List<String> approval(Approval a) {
        List<String> parts = new ArrayList<>(List.of(a.stage().id(), a.by() + (a.role().isEmpty() ? "" : " (" + a.role() + ")")));
        a.date().ifPresent(d -> parts.add(d.toString()));
        return parts;
    }

    private static void field(PrintWriter out, String label, String value) {
        if (!value.isEmpty()) {
            out.println("  " + pad(label) + value);
        }
    }

    private static void lines(PrintWriter out, String label, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            out.println("  " + pad(i == 0 ? label : "") + values.get(i));
        }
    }

    private static String pad(String label) {
        return label + " ".repeat(Math.max(1, LABEL - label.length()));
    }
}
