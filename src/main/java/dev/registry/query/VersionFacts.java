package dev.registry.query;

import dev.registry.card.Stage;
import java.util.List;
import java.util.Optional;

/**
 * What {@code show} says about one model version beyond its card.
 *
 * @param nextStage      the next promotion (experimental → staging → production); empty from
 *                       production on, since deprecation is not a promotion
 * @param nextStageNeeds what that promotion still needs, from {@link PromotionNeeds}; empty when
 *                       no gate policy can tell
 */
public record VersionFacts(ModelRow row, Optional<Stage> nextStage, Optional<List<String>> nextStageNeeds) {

    /** The stage a version would be promoted to next. */
    public static Optional<Stage> nextStage(Stage stage) {
        return switch (stage) {
            case EXPERIMENTAL -> Optional.of(Stage.STAGING);
            case STAGING -> Optional.of(Stage.PRODUCTION);
            default -> Optional.empty();
        };
    }
}
