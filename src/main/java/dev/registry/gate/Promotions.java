package dev.registry.gate;

import dev.registry.card.Deployment;
import dev.registry.card.Environment;
import dev.registry.card.ModelCard;
import dev.registry.card.Stage;
import dev.registry.source.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the promotions between two snapshots of a registry. */
public final class Promotions {

    private Promotions() {
    }

    /**
     * Every promotion from {@code base} to {@code head}: a stage raised to staging or production,
     * a new card already above experimental, a prod deployment that newly runs a version.
     */
    public static List<Promotion> between(Snapshot base, Snapshot head) {
        List<Promotion> out = new ArrayList<>();
        for (ModelCard m : head.models()) {
            if (m.name().isEmpty() || m.version().isEmpty() || !GatePolicy.isPromotionTarget(m.stage())) {
                continue;
            }
            Optional<ModelCard> before = base.model(m.ref());
            if (before.isEmpty()) {
                out.add(new Promotion(Promotion.Kind.NEW_CARD, m.ref(), Optional.empty(), m.stage(), m.path(), Optional.empty()));
            } else if (raises(before.get().stage(), m.stage())) {
                out.add(new Promotion(Promotion.Kind.STAGE_RAISED, m.ref(), Optional.of(before.get().stage()), m.stage(),
                        m.path(), Optional.empty()));
            }
        }
        for (Deployment d : head.deployments()) {
            if (d.environment().orElse(Environment.DEV) != Environment.PROD || d.model().isEmpty() || d.version().isEmpty()) {
                continue;
            }
            Optional<Deployment> before = base.deployment(d.name());
            boolean wasProdHere = before.isPresent() && before.get().environment().orElse(Environment.DEV) == Environment.PROD
                    && before.get().modelRef().equals(d.modelRef());
            if (!wasProdHere) {
                out.add(new Promotion(Promotion.Kind.PROD_DEPLOYMENT, d.modelRef(), Optional.empty(), Stage.PRODUCTION,
                        d.path(), Optional.of(d.name())));
            }
        }
        out.sort(Comparator.comparing(Promotion::path));
        return out;
    }

    /**
     * Whether moving from {@code from} to {@code to} enters a gated stage: up the ladder, or back
     * into service from deprecated or retired. Production back to staging is a step down.
     */
    static boolean raises(Stage from, Stage to) {
        if (!GatePolicy.isPromotionTarget(to) || from == to) {
            return false;
        }
        return !(from == Stage.PRODUCTION && to == Stage.STAGING);
    }
}
