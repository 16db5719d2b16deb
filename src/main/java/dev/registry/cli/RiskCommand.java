package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.check.NearestName;
import dev.registry.git.GitRepo;
import dev.registry.git.GitSource;
import dev.registry.report.Output;
import dev.registry.report.RiskRenderer;
import dev.registry.report.TextRenderer;
import dev.registry.risk.PolicyDiff;
import dev.registry.risk.RiskInventory;
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

/** {@code registry risk}: declared and computed tiers with their legal basis, explanations, policy impact. */
@Command(name = "risk", mixinStandardHelpOptions = true,
        description = {"Show every model version's declared and computed risk tier with the rules behind it.",
                "The policy is the EU AI Act default with registry.yaml's policy.risk additions.",
                "Exits 1 when a registry file cannot be read or a selected card uses identifiers the policy does not"
                        + " know (its tier may be understated), 2 when the policy in registry.yaml is invalid."})
final class RiskCommand implements Callable<Integer> {

    enum RiskFormat { text, json }

    @ParentCommand
    RegistryCommand root;

    @Parameters(paramLabel = "<model[@version]>", arity = "0..1",
            description = "One model (every version) or one model version; default: every model version.")
    String target;

    @Option(names = "--explain", description = "Walk through each rule that fired or nearly fired, with its legal basis and what is missing.")
    boolean explain;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "text or json: an array with model, version, path, declaredTier (null when the card declares"
                    + " none), computedTier, effectiveTier, rules (each id, tier, basis, reason), obligations (each id, basis,"
                    + " reason: a duty, no tier), needsReview, flags, and with --explain an explanation. With --policy-diff, an"
                    + " array with model, version, declaredTier, before, after, added and removed rules. Default: ${DEFAULT-VALUE}.")
    RiskFormat format;

    @Option(names = "--policy-diff", paramLabel = "<rev>",
            description = "Which model versions would change tier between the policy in registry.yaml at git revision <rev> and the policy now.")
    String policyDiff;

    @Option(names = "--as-of", paramLabel = "<date>",
            description = "Assess as of this day (YYYY-MM-DD), for rules with effective dates and derogation dates. Default: today.")
    LocalDate asOf;

    @Override
    public Integer call() {
        if (explain && policyDiff != null) {
            throw new UsageException("--explain and --policy-diff cannot be combined");
        }
        Path registryRoot = root.registryRoot();
        LocalDate today = asOf == null ? LocalDate.now() : asOf;
        Snapshot snapshot = new SnapshotReader().read(new WorkingTreeSource(registryRoot));
        if (!Readable.check(root, registryRoot, snapshot, "the risk report")) {
            return ExitCode.FINDINGS;
        }
        List<ModelCard> models = select(snapshot);
        RiskInventory inventory = RiskInventory.of(snapshot, models, today);
        Output output = root.output(registryRoot, root.out);
        if (!inventory.policyProblems().isEmpty()) {
            TextRenderer.diagnostics(inventory.policyProblems(), output);
            throw new UsageException("the risk policy in registry.yaml is invalid; no tier can be trusted until it is fixed");
        }
        TextRenderer.diagnostics(inventory.cardProblems(), output);
        boolean json = format == RiskFormat.json;
        if (policyDiff != null) {
            PolicyDiff diff;
            try (GitRepo repo = GitRepo.open(registryRoot)) {
                diff = PolicyDiff.compute(snapshot, GitSource.revision(repo, policyDiff), models, today);
            }
            diff.notes().forEach(n -> root.err.println("registry: note: " + n));
            root.err.flush();
            RiskRenderer.diff(diff, json, output);
        } else if (json) {
            RiskRenderer.json(inventory.evaluations(), explain, output);
        } else if (explain) {
            RiskRenderer.explain(inventory.evaluations(), inventory.engine().policy(), output);
        } else {
            RiskRenderer.table(inventory.evaluations(), output);
        }
        return inventory.cardProblems().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /** The model versions the argument names; a name or version the registry lacks is a usage error. */
    private List<ModelCard> select(Snapshot snapshot) {
        if (target == null) {
            return snapshot.models();
        }
        List<String> names = snapshot.models().stream().map(ModelCard::name).distinct().sorted().toList();
        String name = target.contains("@") ? target.substring(0, target.indexOf('@')) : target;
        if (snapshot.versionsOf(name).isEmpty()) {
            String hint = NearestName.didYouMean(name, names);
            throw new UsageException("no model `" + name + "` in the registry" + (hint.isEmpty() ? "" : "; " + hint));
        }
        if (!target.contains("@")) {
            return snapshot.versionsOf(name);
        }
        ModelRef ref = ModelRef.parse(target).orElseThrow(() ->
                new UsageException("`" + target + "` is not a model reference; write <model> or <model>@<version>"));
        return snapshot.model(ref).map(List::of).orElseThrow(() -> new UsageException("no version " + ref.version()
                + " of " + name + "; known versions: " + String.join(", ", snapshot.versionsOf(name).stream()
                .sorted(RiskInventory.ORDER).map(ModelCard::version).toList())));
    }
}
