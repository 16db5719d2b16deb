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
            requireNextStage(card, target);
            Readiness r = Readiness.forStage(state.snapshot(), card, target, today);
            String message = "promote " + ref + " to " + target;
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

    private static void requireNextStage(ModelCard card, Stage target) {
        Stage from = card.stage();
        if (from == target) {
            throw new UsageException(card.ref() + " is already " + target);
        }
        Stage before = target == Stage.STAGING ? Stage.EXPERIMENTAL : Stage.STAGING;
        if (from == before) {
            return;
        }
        if (from == Stage.DEPRECATED || from == Stage.RETIRED) {
            throw new UsageException(card.ref() + " is " + from + "; register a new version instead of promoting it again");
        }
        throw new UsageException("promotion goes one stage at a time: " + card.ref() + " is " + from
                + (from.ordinal() < before.ordinal() ? "; promote it to " + before + " first" : ", past " + target));
    }
}
