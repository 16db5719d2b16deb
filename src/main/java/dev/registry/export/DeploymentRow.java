package dev.registry.export;

import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.git.CommitInfo;
import dev.registry.risk.RiskAssessment;
import java.util.List;
import java.util.Optional;

/**
 * One deployment in an inventory, with the model version it runs when the registry has it.
 *
 * @param risk the assessment of that model version
 */
public record DeploymentRow(Deployment deployment, Optional<ModelCard> model, Optional<RiskAssessment> risk,
                            List<String> ownerEmails, Optional<CommitInfo> lastChange) {

    public DeploymentRow {
        ownerEmails = List.copyOf(ownerEmails);
    }
}
