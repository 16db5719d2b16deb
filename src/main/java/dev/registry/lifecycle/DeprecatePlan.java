package dev.registry.lifecycle;

import dev.registry.UsageException;
import dev.registry.card.CardKind;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.Stage;
import dev.registry.edit.CardEditor;
import dev.registry.edit.ChangeSet;
import dev.registry.edit.FileChange;
import dev.registry.edit.WritePlan;
import dev.registry.edit.YamlValue;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code deprecate <model@version> --replacement <model@version> [--retire-after <date>]}:
 * announces today that the version goes away, names what replaces it, and refuses a notice
 * shorter than the policy's ({@code policy.deprecationNoticeDays}, 90 days by default).
 */
public final class DeprecatePlan {

    private DeprecatePlan() {
    }

    /** @param retireAfter the first day it may be retired; empty: today plus the notice period */
    public static WritePlan of(ModelRef ref, ModelRef replacement, Optional<LocalDate> retireAfter, Optional<String> reason,
                               LocalDate today) {
        if (replacement.equals(ref)) {
            throw new UsageException("a version cannot replace itself");
        }
        return state -> {
            ModelCard card = Cards.model(state, ref);
            ModelCard next = Cards.model(state, replacement);
            int notice = state.snapshot().deprecationNoticeDays();
            LocalDate earliest = today.plusDays(notice);
            LocalDate retire = retireAfter.orElse(earliest);
            String message = "deprecate " + ref + " for " + replacement + ", retire after " + retire;
            if (card.stage() == Stage.DEPRECATED || card.stage() == Stage.RETIRED) {
                return ChangeSet.refused(message, List.of(Cards.refusal(state, card.path(), "lifecycle-stage", "/lifecycle/stage",
                        ref + " is already " + card.stage(), card.stage() == Stage.DEPRECATED
                                ? "its deprecation stands as announced; `registry retire " + ref + "` once the notice has run out" : "")));
            }
            if (next.stage() == Stage.DEPRECATED || next.stage() == Stage.RETIRED) {
                return ChangeSet.refused(message, List.of(Cards.refusal(state, card.path(), "deprecation-replacement", "/lifecycle/stage",
                        "the replacement " + replacement + " is " + next.stage(), "name a version people can move to: staging or production")
                        .withRelated(List.of(next.path()))));
            }
            if (retire.isBefore(earliest)) {
                return ChangeSet.refused(message, List.of(Cards.refusal(state, card.path(), "deprecation-notice", "/lifecycle",
                        "--retire-after " + retire + " gives " + java.time.temporal.ChronoUnit.DAYS.between(today, retire)
                                + " days' notice; the policy requires at least " + notice,
                        "retire after " + earliest + " or later (registry.yaml: policy.deprecationNoticeDays)")));
            }
            Map<String, YamlValue> deprecation = new LinkedHashMap<>();
            deprecation.put("announced", YamlValue.text(today.toString()));
            deprecation.put("retireAfter", YamlValue.text(retire.toString()));
            deprecation.put("replacement", YamlValue.text(replacement.toString()));
            reason.filter(x -> !x.isBlank()).ifPresent(x -> deprecation.put("reason", YamlValue.text(x)));
            CardEditor editor = Cards.editor(state, card.path(), CardKind.MODEL);
            editor.set(Cards.path("lifecycle", "stage"), YamlValue.text(Stage.DEPRECATED.id()));
            editor.set(Cards.path("lifecycle", "deprecation"), new YamlValue.Mapping(deprecation));
            return ChangeSet.of(message, List.of(FileChange.replace(card.path(), Cards.text(state, card.path()), editor.text())));
        };
    }
}
