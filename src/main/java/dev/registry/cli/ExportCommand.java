package dev.registry.cli;

import dev.registry.EnvironmentException;
import dev.registry.UsageException;
import dev.registry.edit.AtomicFile;
import dev.registry.export.Export;
import dev.registry.export.ExportKind;
import dev.registry.export.ExportProfile;
import dev.registry.export.Inventory;
import dev.registry.export.RiskTiers;
import dev.registry.export.ExportTable;
import dev.registry.git.CommitInfo;
import dev.registry.git.GitRepo;
import dev.registry.git.GitSource;
import dev.registry.git.LastChanges;
import dev.registry.git.PointInTime;
import dev.registry.report.CsvTable;
import dev.registry.report.JsonTable;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.registry.query.ModelFilter;
import dev.registry.query.ModelQuery;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code registry export}: the inventory as CSV or JSON, now or at any commit or date. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the inventory as CSV or JSON, now or as it was at a commit or date.",
                "Kinds: inventory (model versions with where they run), models, deployments.",
                "Filters are those of `registry list`. See docs/export.md for the columns and the EU AI Act profile."})
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
        Snapshot snapshot;
        LocalDate today;
        Map<String, CommitInfo> lastChanges = Map.of();
        if (point != null) {
            try (GitRepo repo = GitRepo.open(registryRoot)) {
                CommitInfo commit = point.resolve(repo);
                snapshot = new SnapshotReader().read(GitSource.revision(repo, commit.id()));
                if (!Readable.check(root, registryRoot, snapshot, "the export")) {
                    return ExitCode.FINDINGS;
                }
                // Rules that start on a date apply as they did on the day of the commit.
                today = LocalDate.ofInstant(commit.time(), ZoneOffset.UTC);
                if (Export.needsHistory(chosen)) {
                    lastChanges = lastChanges(repo, commit.id(), snapshot);
                }
            }
        } else {
            snapshot = new SnapshotReader().read(new WorkingTreeSource(registryRoot));
            if (!Readable.check(root, registryRoot, snapshot, "the export")) {
                return ExitCode.FINDINGS;
            }
            today = LocalDate.now();
            if (Export.needsHistory(chosen)) {
                lastChanges = workingTreeHistory(registryRoot, snapshot);
            }
        }
        long read = System.nanoTime();
        Inventory inventory = Inventory.of(snapshot, new RiskTiers().forSnapshot(snapshot, today), lastChanges);
        ExportTable table = filter.equals(ModelFilter.all())
                ? Export.table(k, chosen, inventory, m -> true, d -> true)
                : filtered(k, chosen, inventory, filter, today);

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

    /** Rows kept by the filters, with the same meaning as in {@code registry list}. */
    private static ExportTable filtered(ExportKind k, List<String> chosen, Inventory inventory, ModelFilter filter,
                                        LocalDate today) {
        ModelQuery query = new ModelQuery(inventory.snapshot(), today);
        if (k == ExportKind.DEPLOYMENTS) {
            Set<String> kept = query.deployments(filter).stream().map(r -> r.deployment().path()).collect(Collectors.toSet());
            return Export.table(k, chosen, inventory, m -> true, d -> kept.contains(d.path()));
        }
        Set<String> kept = query.models(filter).stream().map(r -> r.card().path()).collect(Collectors.toSet());
        return Export.table(k, chosen, inventory, m -> kept.contains(m.path()), d -> true);
    }

    static ExportKind parseKind(String text) {
        for (ExportKind k : ExportKind.values()) {
            if (k.id().equals(text)) {
                return k;
            }
        }
        throw new UsageException("unknown kind `" + text + "`; expected inventory, models or deployments");
    }

    /** Last changes for a working-tree export: from HEAD when the registry is in git, else none. */
    private Map<String, CommitInfo> workingTreeHistory(Path registryRoot, Snapshot snapshot) {
        GitRepo repo;
        try {
            repo = GitRepo.open(registryRoot);
        } catch (EnvironmentException e) {
            note("the lastChange columns are empty: " + e.getMessage());
            return Map.of();
        }
        try (repo) {
            java.util.Optional<CommitInfo> head = PointInTime.head(repo);
            if (head.isEmpty()) {
                note("the lastChange columns are empty: the repository has no commits yet");
                return Map.of();
            }
            return lastChanges(repo, head.get().id(), snapshot);
        }
    }

    private Map<String, CommitInfo> lastChanges(GitRepo repo, String from, Snapshot snapshot) {
        LastChanges changes = LastChanges.of(repo, from, snapshot.files().keySet());
        if (changes.incomplete()) {
            int missing = snapshot.files().size() - changes.byPath().size();
            note("the lastChange columns are empty for " + missing + " files: this shallow clone does not reach"
                    + " the commits that last changed them (fetch the full history: fetch-depth: 0)");
        }
        return changes.byPath();
    }

    private void note(String message) {
        if (!root.quiet) {
            root.err.println("registry: note: " + message);
            root.err.flush();
        }
    }
}
