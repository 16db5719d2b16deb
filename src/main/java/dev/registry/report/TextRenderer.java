package dev.registry.report;

import dev.registry.check.ValidationReport;
import dev.registry.finding.Finding;
import dev.registry.finding.Severity;

/**
 * Compiler-style lines, {@code path:line:column: error: message [rule-id]}, on the diagnostics
 * stream, and a one-line summary as the result.
 */
public final class TextRenderer implements FindingsRenderer {

    @Override
    public void render(ValidationReport report, Output out) {
        diagnostics(report.findings(), out);
        out.results().println(summary(report));
        out.results().flush();
    }

    /** Findings, with their hints, on the diagnostics stream. */
    public static void diagnostics(java.util.List<Finding> findings, Output out) {
        for (Finding f : findings) {
            out.diagnostics().println(line(f, out));
            if (!f.hint().isEmpty()) {
                out.diagnostics().println("    hint: " + printable(f.hint()));
            }
        }
        out.diagnostics().flush();
    }

    /** One finding in the shape every text output of the tool uses. */
    public static String line(Finding f, Output out) {
        String severity = f.severity().id();
        if (out.color()) {
            severity = (f.severity() == Severity.ERROR ? "\u001b[1;31m" : f.severity() == Severity.WARNING ? "\u001b[1;33m" : "\u001b[1;36m")
                    + severity + "\u001b[0m";
        }
        return printable(out.display(f.path())) + ":" + f.line() + ":" + f.column() + ": " + severity + ": "
                + printable(f.message()) + " [" + f.ruleId() + "]";
    }

    /**
     * Messages quote values from untrusted files: control characters are shown escaped, so that a
     * key cannot break the one-finding-per-line shape or send escape sequences to a terminal.
     */
    public static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (!control) {
                    sb.append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\t') {
                    sb.append("\\t");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    static String summary(ValidationReport r) {
        String files = r.files() + (r.files() == 1 ? " file" : " files");
        if (r.findings().isEmpty()) {
            return "ok: " + files + " checked in the " + r.source() + ", no problems";
        }
        return (r.ok() ? "ok: " : "failed: ") + files + " checked in the " + r.source() + ": "
                + plural(r.errors(), "error") + ", " + plural(r.warnings(), "warning");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
