package dev.registry.query;

import dev.registry.card.ModelCard;
import dev.registry.card.Stage;
import dev.registry.source.Snapshot;
import java.util.List;
import java.util.Optional;

/**
 * What a model version still needs before it may be promoted to a stage: the extension point
 * where the promotion gate's policy ({@code dev.registry.gate.Readiness}) plugs into
 * {@code show}, so the query package does not depend on the gate.
 */
@FunctionalInterface
public interface PromotionNeeds {

    /**
     * The requirements not yet met (missing evidence, approvals, evaluations), each one line;
     * an empty list when the version is ready; empty when no gate policy can tell.
     */
    Optional<List<String>> missing(ModelCard card, Stage target, Snapshot snapshot);
}
