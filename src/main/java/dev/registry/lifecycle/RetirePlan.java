package dev.registry.lifecycle;

import dev.registry.card.CardKind;
import dev.registry.card.Deployment;
import dev.registry.card.Deprecation;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.Stage;
import dev.registry.edit.CardEditor;
import dev.registry.edit.ChangeSet;
import dev.registry.edit.FileChange;
import dev.registry.edit.WritePlan;
import dev.registry.edit.YamlValue;
import dev.registry.finding.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code retire <model@version>}: only a deprecated version, only once its notice has run out,
 * and only when no deployment runs it any more.
 */
public final class RetirePlan {

    private RetirePlan() {
    }

    public static WritePlan of(ModelRef ref, LocalDate today) {
        return state -> {
            ModelCard card = Cards.model(state, ref);
            String message = "retire " + ref;
            if (card.stage() == Stage.RETIRED) {
                return ChangeSet.refused(message, List.of(Cards.refusal(state, card.path(), "lifecycle-stage", "/lifecycle/stage",
                        ref + " is already retired", "")));
            }
            if (card.stage() != Stage.DEPRECATED || card.deprecation().isEmpty()) {
                return ChangeSet.refused(message, List.of(Cards.refusal(state, card.path(), "lifecycle-stage", "/lifecycle/stage",
                        ref + " is " + card.stage() + "; only a deprecated version is retired",
                        "deprecate it first, which gives users notice: `registry deprecate " + ref + " --replacement <model@version>`")));
            }
            Deprecation d = card.deprecation().get();
            List<Finding> refusals = new ArrayList<>();
            if (d.retireAfter().isEmpty() || d.retireAfter().get().isAfter(today)) {
                refusals.add(Cards.refusal(state, card.path(), "retired-early", "/lifecycle/deprecation/retireAfter",
                        "the notice for " + ref + " runs until " + d.retireAfter().map(LocalDate::toString).orElse("a date not set")
                                + "; it cannot be retired before then",
                        "retire it on or after " + d.retireAfter().map(LocalDate::toString).orElse("its retireAfter date")));
            }
            List<Deployment> users = state.snapshot().deploymentsOf(ref);
            if (!users.isEmpty()) {
                String names = users.stream().map(Deployment::name).collect(Collectors.joining(", "));
                refusals.add(Cards.refusal(state, card.path(), "retire-in-use", "/lifecycle/stage",
                        ref + " still runs in " + (users.size() == 1 ? "deployment " : "deployments ") + names,
                        "move " + (users.size() == 1 ? "it" : "them") + " first: `registry deploy --name "
                                + (users.size() == 1 ? users.get(0).name() : "<deployment>") + " --model "
                                + d.replacement().map(ModelRef::toString).orElse("<model@version>") + "`")
                        .withRelated(users.stream().map(Deployment::path).toList()));
            }
            if (!refusals.isEmpty()) {
                return ChangeSet.refused(message, refusals);
            }
            CardEditor editor = Cards.editor(state, card.path(), CardKind.MODEL);
            editor.set(Cards.path("lifecycle", "stage"), YamlValue.text(Stage.RETIRED.id()));
            return ChangeSet.of(message, List.of(FileChange.replace(card.path(), Cards.text(state, card.path()), editor.text())));
        };
    }
}
