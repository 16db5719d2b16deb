package dev.registry.gate;

import dev.registry.card.RiskTier;
import dev.registry.finding.Finding;
import dev.registry.git.CommitInfo;
import java.util.List;
import java.util.Optional;

/**
 * What {@code registry gate} found between two commits.
 *
 * @param baseRef  the branch the base was derived from when none was given
 * @param commits  the commits under review, oldest first
 * @param findings every blocking problem (errors) and every approval that did not count (warnings)
 */
public record GateReport(CommitInfo base, CommitInfo head, Optional<String> baseRef, List<CommitInfo> commits,
                         List<Result> results, List<Finding> findings) {

    /** One promotion and whether it may go ahead. */
    public record Result(Promotion promotion, RiskTier tier, boolean passes) {
    }

    public GateReport {
        commits = List.copyOf(commits);
        results = List.copyOf(results);
        findings = List.copyOf(findings);
    }

    public boolean passes() {
        return results.stream().allMatch(Result::passes) && findings.stream().noneMatch(Finding::isError);
    }

    /** "range 1a2b3c4..5d6e7f8", how the report names what it looked at. */
    public String label() {
        return "range " + base.shortId() + ".." + head.shortId();
    }
}
