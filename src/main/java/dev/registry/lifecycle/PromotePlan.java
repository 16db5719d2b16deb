package dev.registry.lifecycle;

import dev.registry.UsageException;
import dev.registry.card.CardKind;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.Stage;
import dev.registry.edit.CardEditor;
import dev.registry.edit.ChangeSet;
import dev.registry.edit.FileChange;
import dev.registry.edit.RegistryState;
import dev.registry.edit.WritePlan;
import dev.registry.edit.YamlValue;
import dev.registry.finding.Finding;
import dev.registry.finding.Severity;
import dev.registry.gate.GatePolicy;
import dev.registry.gate.Need;
import dev.registry.gate.Readiness;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code promote <model@version> --to <stage>}: one stage at a time, and only when the card shows
 * what the gate asks for. Approvals are the exception: they may still come (an approver's own
 * commit, a pull-request review), so missing ones are shown, not refused; the gate on the pull
 * request insists on them.
 */
public final class PromotePlan {

    private PromotePlan() {
    }

    public static WritePlan of(ModelRef ref, Stage target, LocalDate today) {
        if (!GatePolicy.isPromotionTarget(target)) {
            throw new UsageException("--to takes staging or production; use `registry deprecate` or `registry retire` for the rest");
        }
        return state -> {
            ModelCard card = Cards.model(state, ref);
            String message = "promote " + ref + " to " + target;
            Optional<Finding> wrongStage = stageRefusal(state, card, target);
            if (wrongStage.isPresent()) {
                return ChangeSet.refused(message, List.of(wrongStage.get()));
            }
            Readiness r = Readiness.forStage(state.snapshot(), card, target, today);
            List<Finding> blocking = r.needs().stream().filter(n -> !n.isApproval())
                    .map(n -> n.toFinding(Severity.ERROR, card.path(), Cards.document(state, card.path()), ""))
                    .toList();
            if (!blocking.isEmpty()) {
                return ChangeSet.refused(message, blocking);
            }
            CardEditor editor = Cards.editor(state, card.path(), CardKind.MODEL);
            editor.set(Cards.path("lifecycle", "stage"), YamlValue.text(target.id()));
            return ChangeSet.of(message, List.of(FileChange.replace(card.path(), Cards.text(state, card.path()), editor.text())));
        };
    }

    /**
     * The approvals the gate will still ask for once the card is promoted, as warnings in the
     * card; empty when there is nothing to wait for (or the promotion would be refused anyway).
     */
    public static List<Finding> pendingApprovals(RegistryState state, ModelRef ref, Stage target, LocalDate today) {
        Snapshot s = state.snapshot();
        ModelCard card = s.model(ref).orElse(null);
        if (card == null || !GatePolicy.isPromotionTarget(target)
                || card.stage() != (target == Stage.STAGING ? Stage.EXPERIMENTAL : Stage.STAGING)) {
            return List.of();
        }
        Readiness r = Readiness.forStage(s, card, target, today);
        return r.needs().stream().filter(Need::isApproval)
                .map(n -> n.toFinding(Severity.WARNING, card.path(), Cards.document(state, card.path()), "still needed: "))
                .toList();
    }

    /**
     * Why the card's stage does not allow the promotion, located at its {@code lifecycle.stage}: a
     * policy refusal of a well-formed request, so a finding, not a usage error.
     */
    private static Optional<Finding> stageRefusal(RegistryState state, ModelCard card, Stage target) {
        Stage from = card.stage();
        Stage before = target == Stage.STAGING ? Stage.EXPERIMENTAL : Stage.STAGING;
        if (from == before) {
            return Optional.empty();
        }
        String message;
        String hint;
        if (from == target) {
            message = card.ref() + " is already " + target;
            hint = target == Stage.STAGING ? "promote it to production with `registry promote " + card.ref() + " --to production`"
                    : "nothing to promote: production is the last stage";
        } else if (from == Stage.DEPRECATED || from == Stage.RETIRED) {
            message = card.ref() + " is " + from + "; a version is not promoted again after it was deprecated";
            hint = "register a new version: `registry register --from " + card.ref() + " --bump patch`";
        } else if (from.ordinal() < before.ordinal()) {
            message = "promotion goes one stage at a time: " + card.ref() + " is " + from;
            hint = "promote it to " + before + " first: `registry promote " + card.ref() + " --to " + before + "`";
        } else {
            message = card.ref() + " is " + from + ", past " + target;
            hint = "a version does not go back a stage; register a new version instead";
        }
        return Optional.of(Cards.refusal(state, card.path(), "lifecycle-stage", "/lifecycle/stage", message, hint));
    }
}
