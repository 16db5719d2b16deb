package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.card.ModelRef;
import dev.registry.check.NearestName;
import dev.registry.git.GitRepo;
import dev.registry.git.History;
import dev.registry.history.AuditEntry;
import dev.registry.history.AuditTrail;
import dev.registry.history.DeploymentRevision;
import dev.registry.history.Revision;
import dev.registry.report.AuditTrailRenderer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry history <model[@version] | deployment>}: the audit trail of a model or a deployment from git. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Show the audit trail of a model or a deployment from git: who changed what, and when.",
                "Each commit that touched the cards, newest first, with its author, date and what changed: for a model"
                        + " version the stage, approvals, declared tier, evidence and other fields; for a deployment the model"
                        + " version it runs, environment, region, endpoint, rollout and other fields.",
                "Cards are followed by name (and version), wherever the file was stored. A name that is both a model and"
                        + " a deployment shows both."})
final class HistoryCommand implements Callable<Integer> {

    enum OutputFormat { text, json }

    @ParentCommand
    RegistryCommand root;

    @Parameters(paramLabel = "<model[@version]|deployment>", description = "A model, one version of it, or a deployment.")
    String target;

    @Option(names = "--rev", paramLabel = "<rev>", defaultValue = "HEAD",
            description = "Read the history that leads to this revision (default: ${DEFAULT-VALUE}).")
    String rev;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        Optional<ModelRef> ref = Optional.empty();
        if (target.contains("@")) {
            ref = Optional.of(ModelRef.parse(target).orElseThrow(() -> new UsageException(
                    "`" + target + "` is not a model reference; write <model>, <model>@<version> or <deployment>")));
        }
        List<? extends AuditEntry> entries;
        try (GitRepo repo = GitRepo.open(root.registryRoot()); History history = new History(repo)) {
            if (ref.isPresent()) {
                entries = AuditTrail.of(history, ref.get().name(), Optional.of(ref.get().version()), rev);
                if (entries.isEmpty()) {
                    throw new UsageException("no commit in the history of " + rev + " has a card for " + target);
                }
            } else {
                entries = AuditTrail.ofName(history, target, rev);
                if (entries.isEmpty()) {
                    String head = history.commit(rev).id();
                    Set<String> names = new TreeSet<>(history.modelNames(head));
                    names.addAll(history.deploymentNames(head));
                    String dym = NearestName.didYouMean(target, names);
                    throw new UsageException("`" + target + "` is neither a model nor a deployment in the history of " + rev
                            + (dym.isEmpty() ? "" : "; " + dym));
                }
            }
        }
        boolean model = entries.stream().anyMatch(e -> e instanceof Revision);
        boolean deployment = entries.stream().anyMatch(e -> e instanceof DeploymentRevision);
        if (format == OutputFormat.json) {
            AuditTrailRenderer.json(model ? Optional.of(ref.map(ModelRef::name).orElse(target)) : Optional.empty(),
                    ref.map(ModelRef::version), deployment ? Optional.of(target) : Optional.empty(), entries, root.out);
        } else {
            AuditTrailRenderer.text(entries, root.out);
        }
        return ExitCode.OK;
    }
}
