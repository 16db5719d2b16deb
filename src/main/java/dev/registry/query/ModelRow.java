package dev.registry.query;

import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.risk.RiskAssessment;
import java.util.List;

/** A model version as queries return it: the card, its risk, and the deployments running it. */
public record ModelRow(ModelCard card, RiskAssessment risk, List<Deployment> deployments) {

    public ModelRow {
        deployments = List.copyOf(deployments);
    }
}
