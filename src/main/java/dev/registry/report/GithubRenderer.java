package dev.registry.report;

import dev.registry.check.ValidationReport;
import dev.registry.finding.Finding;

/** GitHub Actions workflow commands, which the runner turns into annotations on the pull request. */
public final class GithubRenderer implements FindingsRenderer {

    @Override
    public void render(ValidationReport report, Output out) {
        for (Finding f : report.findings()) {
            String level = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            String message = f.message() + (f.hint().isEmpty() ? "" : "\n" + f.hint());
            out.results().println("::" + level + " file=" + property(out.display(f.path())) + ",line=" + f.line()
                    + ",col=" + f.column() + ",title=" + property(f.ruleId()) + "::" + data(message));
        }
        out.results().println(TextRenderer.summary(report));
        out.results().flush();
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
