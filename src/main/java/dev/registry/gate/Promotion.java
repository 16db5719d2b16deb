package dev.registry.gate;

import dev.registry.card.ModelRef;
import dev.registry.card.Stage;
import java.util.Optional;

/**
 * A model version moving up between two snapshots.
 *
 * @param from       the stage at the base; empty for a card that did not exist there
 * @param to         the stage whose gates apply (production for a deployment)
 * @param path       the file that carries the promotion: the card, or the deployment
 * @param deployment the deployment's name, for {@link Kind#PROD_DEPLOYMENT}
 */
public record Promotion(Kind kind, ModelRef model, Optional<Stage> from, Stage to, String path,
                        Optional<String> deployment) {

    public enum Kind {
        /** An existing card's stage went up. */
        STAGE_RAISED,
        /** A card appeared already above experimental. */
        NEW_CARD,
        /** A prod deployment newly runs this version. */
        PROD_DEPLOYMENT
    }

    /** "credit-scorer@2.1.0 staging -> production", "new credit-scorer@2.1.0 at staging", ... */
    public String describe() {
        return switch (kind) {
            case STAGE_RAISED -> model + " " + from.map(Stage::id).orElse("?") + " -> " + to;
            case NEW_CARD -> "new card " + model + " at " + to;
            case PROD_DEPLOYMENT -> "prod deployment " + deployment.orElse("?") + " -> " + model;
        };
    }
}
