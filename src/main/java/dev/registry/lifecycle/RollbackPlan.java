package dev.registry.lifecycle;

import dev.registry.UsageException;
import dev.registry.card.CardKind;
import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.Stage;
import dev.registry.check.NearestName;
import dev.registry.edit.CardEditor;
import dev.registry.edit.ChangeSet;
import dev.registry.edit.FileChange;
import dev.registry.edit.WritePlan;
import dev.registry.edit.YamlValue;
import dev.registry.git.CardAt;
import dev.registry.git.CardChange;
import dev.registry.git.History;
import dev.registry.source.CardBinder;
import java.util.List;
import java.util.Optional;

/**
 * {@code rollback <deployment> [--to <version>]}: points a deployment back at the version it ran
 * before (from the deployment file's git history) or at a named one, which must still be in
 * service: production, or deprecated and not yet retired.
 */
public final class RollbackPlan {

    private RollbackPlan() {
    }

    public static WritePlan of(String deployment, ModelRef target) {
        return state -> {
            Deployment d = state.snapshot().deployment(deployment).orElseThrow(() -> new UsageException(
                    "no deployment `" + deployment + "` in the registry" + hint(deployment,
                            state.snapshot().deployments().stream().map(Deployment::name).toList())));
            String message = "rollback " + deployment + " to " + target + " (from " + d.modelRef() + ")";
            if (d.modelRef().equals(target)) {
                return ChangeSet.refused(message, List.of(Cards.refusal(state, d.path(), "rollback-target", "/version",
                        "deployment `" + deployment + "` already runs " + target, "name another version with --to")));
            }
            ModelCard card = Cards.model(state, target);
            if (card.stage() != Stage.PRODUCTION && card.stage() != Stage.DEPRECATED) {
                return ChangeSet.refused(message, List.of(Cards.refusal(state, d.path(), "rollback-target", "/version",
                        "cannot roll `" + deployment + "` back to " + target + ", which is " + card.stage(),
                        "a rollback target must be production, or deprecated and not yet retired; name one with --to")
                        .withRelated(List.of(card.path()))));
            }
            CardEditor editor = Cards.editor(state, d.path(), CardKind.DEPLOYMENT);
            if (!d.model().equals(target.name())) {
                editor.set(Cards.path("model"), YamlValue.text(target.name()));
            }
            editor.set(Cards.path("version"), YamlValue.text(target.version()));
            return ChangeSet.of(message, List.of(FileChange.replace(d.path(), Cards.text(state, d.path()), editor.text())));
        };
    }

    /**
     * The version a deployment ran before {@code current}: walking the deployment file's history
     * back from {@code head}, the first model version it pointed at other than the current one.
     */
    public static Optional<ModelRef> previous(History history, String deployment, ModelRef current, String head) {
        for (CardChange c : history.deploymentChanges(deployment, history.commit(head).id())) {
            Optional<ModelRef> ran = c.after().map(CardAt::document).map(doc -> new ModelRef(
                    CardBinder.text(doc.path("model")), CardBinder.text(doc.path("version"))));
            if (ran.isPresent() && !ran.get().name().isEmpty() && !ran.get().version().isEmpty() && !ran.get().equals(current)) {
                return ran;
            }
        }
        return Optional.empty();
    }

    private static String hint(String name, List<String> known) {
        String dym = NearestName.didYouMean(name, known);
        return dym.isEmpty() ? "" : "; " + dym;
    }
}
