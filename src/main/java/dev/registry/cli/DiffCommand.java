package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.edit.AtomicFile;
import dev.registry.export.DiffReport;
import dev.registry.export.ExportSource;
import dev.registry.export.Inventory;
import dev.registry.export.InventoryDiff;
import dev.registry.git.CommitInfo;
import dev.registry.git.PointInTime;
import dev.registry.report.CsvTable;
import dev.registry.report.DiffJson;
import dev.registry.report.DiffText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry diff <from>..<to>}: what changed in the inventory between two revisions or dates. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show what changed in the inventory between two revisions or dates.",
                "Versions registered, promoted, demoted, deprecated, retired or removed; risk tier changes;"
                        + " deployments added, moved or removed; approvals added or withdrawn.",
                "The text format is the quarterly governance report."},
        footerHeading = "%nExamples:%n",
        footer = {"  registry diff 2026-01-01..2026-03-31",
                "  registry diff v1.4..HEAD --format csv -o changes.csv"})
final class DiffCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Parameters(paramLabel = "<from>..<to>",
            description = "Two revisions or dates (YYYY-MM-DD: end of day UTC; or an ISO instant)."
                    + " `<from>..` or `<from>` alone compares with HEAD.")
    String range;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "text (a report to read), csv (one row per change) or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Write to <file> (atomically) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("csv") && !format.equals("json")) {
            throw new UsageException("unknown format `" + format + "`; expected text, csv or json");
        }
        String[] ends = ends(range);
        PointInTime fromPoint = PointInTime.parse(ends[0]);
        PointInTime toPoint = PointInTime.parse(ends[1]);
        Path registryRoot = root.registryRoot();
        Optional<Side> from = side(registryRoot, fromPoint);
        Optional<Side> to = from.isEmpty() ? Optional.empty() : side(registryRoot, toPoint);
        if (to.isEmpty()) {
            return ExitCode.FINDINGS;
        }
        DiffReport report = new DiffReport(new DiffReport.Side(fromPoint.text(), from.get().commit),
                new DiffReport.Side(toPoint.text(), to.get().commit),
                DiffReport.Size.of(from.get().inventory), DiffReport.Size.of(to.get().inventory),
                InventoryDiff.between(from.get().inventory, to.get().inventory));
        StringWriter buffer = new StringWriter();
        switch (format) {
            case "csv" -> CsvTable.write(report.table(), buffer, false);
            case "json" -> DiffJson.write(report, buffer);
            default -> DiffText.render(report, new PrintWriter(buffer));
        }
        if (output == null) {
            root.out.print(buffer);
        } else {
            AtomicFile.write(root.cwd.resolve(output), buffer.toString().getBytes(StandardCharsets.UTF_8));
            if (!root.quiet) {
                int n = report.diff().changes().size();
                root.out.println("wrote " + output + ": " + n + (n == 1 ? " change" : " changes"));
            }
        }
        root.out.flush();
        return ExitCode.OK;
    }

    /** {@code a..b}, {@code a..} and {@code a} (both of the last up to HEAD). */
    static String[] ends(String range) {
        if (range.contains("...")) {
            throw new UsageException("`" + range + "`: write <from>..<to> with two dots; the inventory diff compares two points");
        }
        int dots = range.indexOf("..");
        String from = dots < 0 ? range : range.substring(0, dots);
        String to = dots < 0 ? "" : range.substring(dots + 2);
        if (from.isBlank()) {
            throw new UsageException("`" + range + "` has no start: write <from>..<to>, such as 2026-01-01..2026-03-31");
        }
        if (to.contains("..")) {
            throw new UsageException("`" + range + "` names more than two points: write <from>..<to>, such as 2026-01-01..2026-03-31");
        }
        return new String[] {from, to.isBlank() ? "HEAD" : to};
    }

    private record Side(CommitInfo commit, Inventory inventory) {
    }

    private Optional<Side> side(Path registryRoot, PointInTime point) {
        ExportSource source = ExportSource.at(registryRoot, point);
        if (!Readable.check(root, registryRoot, source.snapshot(), "the diff")) {
            return Optional.empty();
        }
        return Optional.of(new Side(source.commit().orElseThrow(),
                source.inventory(ExportSource.Changes.NONE)));
    }
}
