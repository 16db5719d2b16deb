package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.card.ModelRef;
import dev.registry.card.Stage;
import dev.registry.finding.Finding;
import dev.registry.report.Output;
import dev.registry.report.TextRenderer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Argument parsing and warnings shared by the lifecycle commands (promote, approve, deprecate, retire, rollback). */
final class LifecycleArgs {

    private LifecycleArgs() {
    }

    static ModelRef ref(String text, String what) {
        return ModelRef.parse(text).orElseThrow(() -> new UsageException(what + " takes <model>@<version>, not `" + text + "`"));
    }

    static Stage stage(String text, String option) {
        return Stage.parse(text).orElseThrow(() -> new UsageException(option + " takes staging or production, not `" + text + "`"));
    }

    static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " takes a date, YYYY-MM-DD, not `" + text + "`");
        }
    }

    /** Prints findings that do not stop the command, in the tool's one diagnostic format. */
    static void warn(RegistryCommand root, Output out, List<Finding> findings) {
        if (root.quiet) {
            return;
        }
        for (Finding f : findings) {
            out.diagnostics().println(TextRenderer.line(f, out));
            if (!f.hint().isEmpty()) {
                out.diagnostics().println("    hint: " + f.hint());
            }
        }
        out.diagnostics().flush();
    }
}
