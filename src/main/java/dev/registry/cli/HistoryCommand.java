package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.card.ModelRef;
import dev.registry.git.GitRepo;
import dev.registry.git.History;
import dev.registry.history.AuditTrail;
import dev.registry.history.Revision;
import dev.registry.report.AuditTrailRenderer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry history <model[@version]>}: the audit trail of a model from git. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"The audit trail from git: each commit that touched the model's cards, newest first, with its author,"
                + " date and what changed (stage, approvals, declared tier, evidence, other fields).",
                "Cards are followed by name and version, wherever the file was stored."})
final class HistoryCommand implements Callable<Integer> {

    enum OutputFormat { text, json }

    @ParentCommand
    RegistryCommand root;

    @Parameters(paramLabel = "<model[@version]>", description = "A model, or one version of it.")
    String target;

    @Option(names = "--rev", paramLabel = "<rev>", defaultValue = "HEAD",
            description = "Read the history that leads to this revision (default: ${DEFAULT-VALUE}).")
    String rev;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        String model = target;
        Optional<String> version = Optional.empty();
        if (target.contains("@")) {
            ModelRef ref = ModelRef.parse(target).orElseThrow(() -> new UsageException(
                    "`" + target + "` is not a model reference; write <model> or <model>@<version>"));
            model = ref.name();
            version = Optional.of(ref.version());
        }
        List<Revision> revisions;
        try (GitRepo repo = GitRepo.open(root.registryRoot()); History history = new History(repo)) {
            revisions = AuditTrail.of(history, model, version, rev);
            if (revisions.isEmpty()) {
                throw new UsageException("no commit in the history of " + rev + " has a card for " + target
                        + (version.isPresent() ? "" : " (any version)"));
            }
        }
        if (format == OutputFormat.json) {
            AuditTrailRenderer.json(model, version, revisions, root.out);
        } else {
            AuditTrailRenderer.text(revisions, root.out);
        }
        return ExitCode.OK;
    }
}
