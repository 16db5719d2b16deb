package dev.registry.export;

import dev.registry.card.ModelCard;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.gate.GatePolicy;
import dev.registry.gate.Need;
import dev.registry.gate.Readiness;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Whether a version carries the approvals its registry's promotion gate asks for the stage it is
 * in, judged from the card as written ({@code registry gate} alone checks them against git
 * history). Deprecated and retired versions are judged against the production gate they passed.
 *
 * @param state   {@code approved}, {@code unapproved}, or {@code not-required} where the gate asks for no approval
 *                (experimental versions; staging under the built-in sandbox gate)
 * @param missing the approvals the gate still asks for, in its words
 */
public record ApprovalState(String state, List<String> missing) {

    public ApprovalState {
        missing = List.copyOf(missing);
    }

    /** The state of {@code card} of effective {@code tier} under the snapshot's gate policy. */
    public static ApprovalState of(Snapshot snapshot, ModelCard card, RiskTier tier, LocalDate today) {
        Optional<Stage> judged = judgedStage(card.stage());
        boolean asked = judged.isPresent() && GatePolicy.of(snapshot).approvalGatesFor(judged.get(), tier).stream()
                .anyMatch(g -> g.approvals().min() > 0 || !g.approvals().roles().isEmpty());
        if (!asked) {
            return new ApprovalState("not-required", List.of());
        }
        List<String> missing = Readiness.forStage(snapshot, card, judged.get(), tier, today).needs().stream()
                .filter(Need::isApproval).map(Need::message).toList();
        return new ApprovalState(missing.isEmpty() ? "approved" : "unapproved", missing);
    }

    static Optional<Stage> judgedStage(Stage stage) {
        if (GatePolicy.isPromotionTarget(stage)) {
            return Optional.of(stage);
        }
        return stage == Stage.DEPRECATED || stage == Stage.RETIRED ? Optional.of(Stage.PRODUCTION) : Optional.empty();
    }
}
