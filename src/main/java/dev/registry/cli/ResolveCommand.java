package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.card.Environment;
import dev.registry.card.ModelCard;
import dev.registry.check.NearestName;
import dev.registry.query.KnownValues;
import dev.registry.query.ModelQuery;
import dev.registry.query.Resolver;
import dev.registry.report.DocumentFormat;
import dev.registry.report.ResolveRenderer;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code registry resolve}: the production model version an application should use for a capability. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Pick the production model version for a capability, region and environment.",
                "Finds the latest production version with the capability that satisfies the constraints, its fallback"
                        + " chain, and why every other candidate was not chosen.",
                "Data residency: --region r is allowed by a compliance.dataResidency entry equal to r or an area holding"
                        + " it (eu-west-1 is allowed by eu-west-1, eu-west or eu); a card declaring no residency is not"
                        + " placed in any region. With --env, the version must have a deployment there (in the region).",
                "Among qualifying versions, a version that is another one's fallback ranks last, then higher SemVer"
                        + " first, then model name. Fallbacks are usable in production or deprecated."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a version qualifies", "1:nothing qualifies, or a registry file cannot be read", "2:usage error"})
final class ResolveCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Option(names = "--capability", required = true, paramLabel = "<capability>", description = "The capability needed.")
    String capability;

    @Option(names = "--region", paramLabel = "<region>", description = "Where the data will be processed, such as eu-west-1.")
    String region;

    @Option(names = "--env", paramLabel = "<env>", description = "Require a deployment in dev, stage or prod.")
    String env;

    @Option(names = "--provider", paramLabel = "<provider>", description = "Require this provider.")
    String provider;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "text, or json for routers. Default: ${DEFAULT-VALUE}.")
    DocumentFormat format;

    @Override
    public Integer call() {
        Optional<Environment> environment = Optional.ofNullable(env).map(e -> Environment.parse(e).orElseThrow(() ->
                new UsageException("--env `" + e + "` is not one of dev, stage, prod"
                        + Optional.of(NearestName.didYouMean(e, Arrays.stream(Environment.values()).map(Environment::id).toList()))
                        .filter(h -> !h.isEmpty()).map(h -> "; " + h).orElse(""))));
        Path registryRoot = root.registryRoot();
        Snapshot snapshot = new SnapshotReader().read(new WorkingTreeSource(registryRoot));
        if (!Readable.check(root, registryRoot, snapshot, "the resolution")) {
            return ExitCode.FINDINGS;
        }
        ModelQuery query = new ModelQuery(snapshot, LocalDate.now());
        Resolver.Resolution r = new Resolver(query).resolve(new Resolver.Request(capability, Optional.ofNullable(region),
                environment, Optional.ofNullable(provider)));
        if (format == DocumentFormat.JSON) {
            ResolveRenderer.json(r, root.out);
        } else {
            ResolveRenderer.text(r, root.out);
        }
        // Typos get a note: a mistyped region lies within a residency area by prefix (eu-wset-1 within eu) and would be answered silently.
        if ((region != null || provider != null) && !root.quiet) {
            KnownValues known = KnownValues.of(snapshot, LocalDate.now());
            Optional.ofNullable(region).flatMap(v -> FilterOptions.unknownRegion(v, known))
                    .ifPresent(n -> root.err.println("registry: note: " + n));
            Optional.ofNullable(provider).flatMap(v -> FilterOptions.unknownProvider(v, known))
                    .ifPresent(n -> root.err.println("registry: note: " + n));
            root.err.flush();
        }
        if (r.chosen().isPresent()) {
            return ExitCode.OK;
        }
        if (r.others().isEmpty()) {
            List<String> known = query.snapshot().models().stream().flatMap(m -> m.capabilities().stream()).distinct().toList();
            String hint = NearestName.didYouMean(capability, known);
            root.err.println("registry: error: no model version lists capability `" + capability + "`" + (hint.isEmpty() ? "" : "; " + hint));
        } else {
            root.err.println("registry: error: no production version with capability `" + capability + "` satisfies the constraints");
        }
        root.err.flush();
        return ExitCode.FINDINGS;
    }
}
