package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.check.NearestName;
import dev.registry.query.ModelQuery;
import dev.registry.gate.Readiness;
import dev.registry.query.PromotionNeeds;
import dev.registry.query.VersionFacts;
import dev.registry.report.DocumentFormat;
import dev.registry.report.ShowRenderer;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry show <model[@version]>}: a version's card with what the registry computes about it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show a model version's card with its computed facts.",
                "Shows the card's fields, the effective, computed and declared risk tier with the rules behind it,"
                        + " the deployments running it, the approvals present and the next promotion."
                        + " Without a version, every version of the model, oldest first."})
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Parameters(paramLabel = "<model[@version]>", description = "A model, or one version of it.")
    String target;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "text or json (with the whole card under `card`). Default: ${DEFAULT-VALUE}.")
    DocumentFormat format;

    @Override
    public Integer call() {
        Path registryRoot = root.registryRoot();
        Snapshot snapshot = new SnapshotReader().read(new WorkingTreeSource(registryRoot));
        if (!Readable.check(root, registryRoot, snapshot, "what `show` prints")) {
            return ExitCode.FINDINGS;
        }
        ModelQuery query = new ModelQuery(snapshot, LocalDate.now());
        String name = target.contains("@") ? target.substring(0, target.indexOf('@')) : target;
        List<ModelCard> versions = query.versions(name);
        if (versions.isEmpty()) {
            String hint = NearestName.didYouMean(name, query.snapshot().models().stream().map(ModelCard::name).distinct().toList());
            throw new UsageException("no model `" + name + "` in the registry" + (hint.isEmpty() ? "" : "; " + hint));
        }
        if (target.contains("@")) {
            ModelRef ref = ModelRef.parse(target).orElseThrow(() -> new UsageException("`" + target + "` is not model@version"));
            versions = versions.stream().filter(m -> m.version().equals(ref.version())).toList();
            if (versions.isEmpty()) {
                throw new UsageException("no version " + ref.version() + " of " + name + "; known versions: "
                        + String.join(", ", query.versions(name).stream().map(ModelCard::version).toList()));
            }
        }
        PromotionNeeds needs = Readiness.promotionNeeds(LocalDate.now());
        List<VersionFacts> facts = versions.stream().map(m -> query.facts(m, needs)).toList();
        if (format == DocumentFormat.JSON) {
            ShowRenderer.json(facts, root.out);
        } else {
            ShowRenderer.text(facts, root.out);
        }
        return ExitCode.OK;
    }
}
