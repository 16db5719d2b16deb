package dev.registry.report;

import dev.registry.export.DiffReport;
import dev.registry.export.InventoryDiff;
import dev.registry.export.InventoryDiff.Change;
import dev.registry.export.InventoryDiff.Kind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The inventory diff as a report people read: a header, then one section per kind of change. */
public final class DiffText {

    private static final int MAX_SUBJECT = 40;
    private static final int SUBJECT_WIDTH = 60;

    private DiffText() {
    }

    public static void render(DiffReport report, PrintWriter out) {
        out.println("Inventory changes from " + report.from().asked() + " to " + report.to().asked());
        out.println("  from: " + side(report.from()));
        out.println("  to:   " + side(report.to()));
        out.println("  model versions " + report.before().versions() + " → " + report.after().versions()
                + ", deployments " + report.before().deployments() + " → " + report.after().deployments());
        InventoryDiff diff = report.diff();
        if (diff.changes().isEmpty()) {
            out.println();
            out.println("No inventory changes.");
            out.flush();
            return;
        }
        int width = Math.min(MAX_SUBJECT, diff.changes().stream().mapToInt(c -> subject(c).length()).max().orElse(0));
        for (Map.Entry<Kind, Long> e : diff.counts().entrySet()) {
            out.println();
            out.println(e.getKey().title() + " (" + e.getValue() + ")");
            List<Change> in = diff.changes().stream().filter(c -> c.kind() == e.getKey()).toList();
            for (Change c : in) {
                String s = subject(c);
                out.println("  " + s + " ".repeat(Math.max(1, width - s.length() + 2)) + describe(c));
            }
        }
        out.println();
        int n = diff.changes().size();
        out.println(n + (n == 1 ? " change." : " changes."));
        out.flush();
    }

    private static String side(DiffReport.Side s) {
        String subject = s.commit().subject();
        if (subject.length() > SUBJECT_WIDTH) {
            subject = subject.substring(0, SUBJECT_WIDTH - 1) + "…";
        }
        return s.commit().shortId() + ", " + s.commit().committed().toInstant() + ", " + s.commit().authorEmail() + ": " + subject;
    }

    private static String subject(Change c) {
        return c.deployment().orElseGet(() -> c.model().map(Object::toString).orElse(""));
    }

    private static String describe(Change c) {
        return switch (c.kind()) {
            case REGISTERED -> c.to() + "; " + c.detail();
            case PROMOTED, DEMOTED, DEPRECATED, RETIRED, REINSTATED -> c.from() + " → " + c.to();
            case REMOVED -> "was " + c.from();
            case TIER_CHANGED -> c.from() + " → " + c.to() + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")");
            case DEPLOYMENT_ADDED -> "runs " + c.to();
            case DEPLOYMENT_MOVED -> c.detail() + "; now runs " + c.to();
            case DEPLOYMENT_REMOVED -> "ran " + c.from();
            case APPROVAL_ADDED -> c.to() + " by " + c.detail();
            case APPROVAL_REMOVED -> c.from() + " by " + c.detail();
        };
    }
}
