package dev.registry.cli;

import dev.registry.query.KnownValues;
import dev.registry.query.ModelQuery;
import dev.registry.report.ListFormat;
import dev.registry.report.ListRenderer;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code registry list}: model versions, or deployments, that match filters. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List model versions or deployments that match filters.",
                "Lists model versions (or deployments, with --deployments) sorted by name and version. Values of one"
                        + " option are alternatives; options narrow each other."},
        footerHeading = "%nExamples:%n",
        footer = {"  registry list --stage production --tier high",
                "  registry list --deployments --env prod --region eu --format csv > prod-eu.csv"})
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Mixin
    FilterOptions filters;

    @Option(names = "--deployments", description = "List deployments instead of model versions.")
    boolean deployments;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
            description = "table (for people), json or csv (RFC 4180, for scripts and spreadsheets). Default: ${DEFAULT-VALUE}.")
    ListFormat format;

    @Override
    public Integer call() {
        var filter = filters.filter();
        Path registryRoot = root.registryRoot();
        Snapshot snapshot = new SnapshotReader().read(new WorkingTreeSource(registryRoot));
        if (!Readable.check(root, registryRoot, snapshot, "the list")) {
            return ExitCode.FINDINGS;
        }
        ModelQuery query = new ModelQuery(snapshot, LocalDate.now());
        if (deployments) {
            var rows = query.deployments(filter);
            ListRenderer.deployments(rows, format, root.out);
            nothing(rows.isEmpty(), "deployments", query);
        } else {
            var rows = query.models(filter);
            ListRenderer.models(rows, format, root.out);
            nothing(rows.isEmpty(), "model versions", query);
        }
        return ExitCode.OK;
    }

    private void nothing(boolean empty, String what, ModelQuery query) {
        if (!empty || root.quiet) {
            return;
        }
        if (format == ListFormat.TABLE) {
            root.err.println("no " + what + " match");
        }
        // A typo in a value matches nothing, silently: say which values the registry does not know.
        Set<String> aliases = query.snapshot().owners().people().stream().flatMap(p -> p.aliases().stream())
                .map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        filters.unknownValues(KnownValues.of(query.snapshot(), LocalDate.now()), aliases)
                .forEach(n -> root.err.println("registry: note: " + n));
        root.err.flush();
    }
}
