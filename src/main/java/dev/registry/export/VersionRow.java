package dev.registry.export;

import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.git.CommitInfo;
import dev.registry.risk.RiskAssessment;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One model version in an inventory: its card joined with its risk assessment, the deployments
 * that run it and the last commit that changed its card.
 *
 * @param ownerEmails the emails its owner references stand for (team email, else members)
 * @param approval    what the promotion gate says of its approvals, worked out when first asked for
 */
public record VersionRow(ModelCard card, RiskAssessment risk, List<Deployment> deployments, List<String> ownerEmails,
                         Optional<CommitInfo> lastChange, Supplier<ApprovalState> approval) {

    public VersionRow {
        deployments = List.copyOf(deployments);
        ownerEmails = List.copyOf(ownerEmails);
    }
}
