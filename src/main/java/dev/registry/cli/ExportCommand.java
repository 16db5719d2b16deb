package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.edit.AtomicFile;
import dev.registry.export.Export;
import dev.registry.export.ExportKind;
import dev.registry.export.ExportProfile;
import dev.registry.export.ExportSource;
import dev.registry.export.Inventory;
import dev.registry.export.ExportTable;
import dev.registry.git.PointInTime;
import dev.registry.report.CsvTable;
import dev.registry.report.JsonTable;
import dev.registry.source.Snapshot;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import dev.registry.query.ModelFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code registry export}: the inventory as CSV or JSON, now or at any commit or date. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the inventory as CSV or JSON, now or as it was at a commit or date.",
                "Kinds: inventory (model versions with where they run), models, deployments.",
                "Filters are those of `registry list`. See docs/export.md for the columns and the EU AI Act profile."},
        footerHeading = "%nExamples:%n",
        footer = {"  registry export -o inventory.csv",
                "  registry export --at 2026-03-31 --profile eu-ai-act --excel -o q1.csv",
                "  registry export --kind deployments --env prod --format json"})
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Option(names = "--kind", paramLabel = "<kind>", defaultValue = "inventory",
            description = "inventory (one row per model version with its deployments), models or deployments. Default: ${DEFAULT-VALUE}.")
    String kind;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "csv",
            description = "csv (RFC 4180, CRLF, UTF-8) or json (an array of objects). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--columns", paramLabel = "<column>", split = ",",
            description = "Columns to write, in this order (default: the kind's or the profile's). See --list-columns.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "<profile>", defaultValue = "standard",
            description = "standard, or eu-ai-act for the Annex VIII A and Annex IV columns. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--at", paramLabel = "<rev|date>",
            description = "The registry at a git revision, or at the last commit on or before a date"
                    + " (YYYY-MM-DD, end of day UTC, or an ISO instant), read from git without a checkout.")
    String at;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Write to <file> (atomically) instead of stdout.")
    Path output;

    @Option(names = "--excel", description = "Start the CSV with a UTF-8 byte order mark, so that Excel reads it as UTF-8.")
    boolean excel;

    @Option(names = "--list-columns", description = "List the columns of the kind, with what each holds, and exit.")
    boolean listColumns;

    @Mixin
    FilterOptions filters;

    @Override
    public Integer call() {
        ExportKind k = parseKind(kind);
        boolean csv = switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new UsageException("unknown format `" + format + "`; expected csv or json");
        };
        if (excel && !csv) {
            throw new UsageException("--excel adds a byte order mark for spreadsheets; it goes with --format csv");
        }
        if (listColumns) {
            Export.describe(k).forEach((name, description) -> root.out.println(name + "\t" + description));
            root.out.flush();
            return ExitCode.OK;
        }
        List<String> chosen = Export.columns(k, ExportProfile.parse(profile), columns);
        ModelFilter filter = filters.filter();
        PointInTime point = at == null ? null : PointInTime.parse(at);

        Path registryRoot = root.registryRoot();
        long start = System.nanoTime();
        ExportSource source = point == null ? ExportSource.workingTree(registryRoot, LocalDate.now())
                : ExportSource.at(registryRoot, point);
        Snapshot snapshot = source.snapshot();
        if (!Readable.check(root, registryRoot, snapshot, "the export")) {
            return ExitCode.FINDINGS;
        }
        ExportSource.Changes history = Export.needsHistory(chosen) ? source.changes() : ExportSource.Changes.NONE;
        if (!history.note().isEmpty() && !root.quiet) {
            root.err.println("registry: note: " + history.note());
            root.err.flush();
        }
        long read = System.nanoTime();
        Inventory inventory = source.inventory(history);
        ExportTable table = Export.table(k, chosen, inventory, filter, source.today());

        StringWriter buffer = new StringWriter();
        if (csv) {
            CsvTable.write(table, buffer, excel);
        } else {
            JsonTable.write(table, buffer);
        }
        if (output == null) {
            root.out.print(buffer);
            root.out.flush();
        } else {
            AtomicFile.write(root.cwd.resolve(output), buffer.toString().getBytes(StandardCharsets.UTF_8));
            if (!root.quiet) {
                root.out.println("wrote " + output + ": " + table.rows().size() + (table.rows().size() == 1 ? " row" : " rows"));
                root.out.flush();
            }
        }
        if (root.verbose) {
            long end = System.nanoTime();
            root.err.printf("exported %d rows from the %s in %d ms (reading %d files and history %d ms, assessing and"
                            + " writing %d ms)%n", table.rows().size(), snapshot.label(), (end - start) / 1_000_000,
                    snapshot.files().size(), (read - start) / 1_000_000, (end - read) / 1_000_000);
            root.err.flush();
        }
        return ExitCode.OK;
    }

    static ExportKind parseKind(String text) {
        for (ExportKind k : ExportKind.values()) {
            if (k.id().equals(text)) {
                return k;
            }
        }
        throw new UsageException("unknown kind `" + text + "`; expected inventory, models or deployments");
    }
}
