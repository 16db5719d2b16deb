package dev.registry.export;

import dev.registry.card.ModelCard;
import dev.registry.source.Snapshot;

/** Assesses the model versions of one snapshot under the policy that snapshot holds; called from several threads. */
@FunctionalInterface
public interface TierAssessor {

    Tiers assess(ModelCard model);

    /** Makes an assessor for each snapshot an export or diff reads. */
    @FunctionalInterface
    interface Factory {
        TierAssessor forSnapshot(Snapshot snapshot, java.time.LocalDate today);
    }
}
