package dev.registry.cli;

import dev.registry.check.ValidationReport;
import dev.registry.finding.Finding;
import dev.registry.gate.GateReport;
import dev.registry.gate.PromotionGate;
import dev.registry.git.GitRepo;
import dev.registry.report.Format;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code registry gate}: every promotion in a commit range meets its gate. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Check every promotion between two commits against the promotion gates, for CI on pull requests.",
                "A promotion is a stage raised, a new card above experimental, or a prod deployment newly running a version.",
                "Policy, owners and risk rules come from the base commit; approvals count only when git history shows"
                        + " the approver committed them, did not write the change, and nothing changed since.",
                "Needs the full history: in CI check out with fetch-depth: 0."})
final class GateCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Mixin
    FindingsOptions findings;

    @Option(names = "--base", paramLabel = "<rev>",
            description = "Compare with this revision (default: the merge base with the branch this one merges into: its upstream, unless that is its own published copy; else origin/HEAD, main or master).")
    String base;

    @Option(names = "--head", paramLabel = "<rev>", defaultValue = "HEAD",
            description = "The revision under review (default: ${DEFAULT-VALUE}).")
    String head;

    @Option(names = "--approved-by", paramLabel = "<email>", split = ",",
            description = "An approval given outside git, such as a pull-request review (repeatable, or comma-separated)."
                    + " The person must be in owners.yaml at the base commit.")
    List<String> approvedBy = new ArrayList<>();

    @Override
    public Integer call() {
        Path registryRoot = root.registryRoot();
        GateReport report;
        try (GitRepo repo = GitRepo.open(registryRoot)) {
            report = PromotionGate.check(repo, new PromotionGate.Request(Optional.ofNullable(base), head,
                    approvedBy.stream().map(String::trim).filter(s -> !s.isEmpty()).toList(), LocalDate.now()));
        }
        if (findings.format == Format.TEXT && findings.output == null && !root.quiet) {
            printPromotions(report);
        }
        Set<String> files = new HashSet<>();
        report.results().forEach(r -> files.add(r.promotion().path()));
        report.findings().stream().map(Finding::path).forEach(files::add);
        return findings.render(root, registryRoot, new ValidationReport(report.label(), files.size(), report.findings()));
    }

    private void printPromotions(GateReport report) {
        String base = report.base().shortId() + report.baseRef().map(r -> " (merge base with " + r + ")").orElse("");
        int n = report.results().size();
        root.out.println("gate: " + (n == 0 ? "no promotions" : n + (n == 1 ? " promotion" : " promotions")) + " in "
                + report.commits().size() + (report.commits().size() == 1 ? " commit" : " commits") + " from " + base
                + " to " + report.head().shortId());
        for (GateReport.Result r : report.results()) {
            root.out.println("  " + (r.passes() ? "ok       " : "blocked  ") + r.promotion().describe() + " (tier " + r.tier() + ")");
        }
        root.out.flush();
    }
}
