package dev.registry.export;

import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.git.CommitInfo;
import java.util.List;
import java.util.Optional;

/**
 * One model version in an inventory: its card joined with its risk assessment, the deployments
 * that run it and the last commit that changed its card.
 *
 * @param ownerEmails the emails its owner references stand for (team email, else members)
 */
public record VersionRow(ModelCard card, Tiers tiers, List<Deployment> deployments, List<String> ownerEmails,
                         Optional<CommitInfo> lastChange) {

    public VersionRow {
        deployments = List.copyOf(deployments);
        ownerEmails = List.copyOf(ownerEmails);
    }
}
