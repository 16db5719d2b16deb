package dev.registry.query;

import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.risk.RiskAssessment;
import java.util.Optional;

/** A deployment as queries return it, with the card and risk of the version it runs (when the registry has it). */
public record DeploymentRow(Deployment deployment, Optional<ModelCard> model, Optional<RiskAssessment> risk) {
}
