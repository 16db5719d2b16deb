package dev.registry.lifecycle;

import dev.registry.UsageException;
import dev.registry.card.CardKind;
import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.SemVer;
import dev.registry.card.Stage;
import dev.registry.check.NearestName;
import dev.registry.edit.CardEditor;
import dev.registry.edit.ChangeSet;
import dev.registry.edit.FileChange;
import dev.registry.edit.RegistryState;
import dev.registry.edit.WritePlan;
import dev.registry.edit.YamlValue;
import dev.registry.git.CardAt;
import dev.registry.git.CardChange;
import dev.registry.git.History;
import dev.registry.query.ModelQuery;
import dev.registry.source.CardBinder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code rollback <deployment> [--to <version>]}: points a deployment back at the latest lower
 * version it ran before (from the deployment file's git history) or at a named one, which must
 * still be in service: production, or deprecated and not yet retired.
 */
public final class RollbackPlan {

    private RollbackPlan() {
    }

    public static WritePlan of(String deployment, ModelRef target) {
        return state -> {
            Deployment d = deploymentOf(state, deployment);
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
     * The version a rollback returns to: walking the deployment file's history back from
     * {@code head}, the most recent version of the same model lower (by SemVer) than
     * {@code current}. Lower, not merely different: after a rollback from 1.1.0 to 1.0.0 the file's
     * previous version is 1.1.0, and a second rollback must not go forward to it.
     */
    public static Optional<ModelRef> previous(History history, String deployment, ModelRef current, String head) {
        Optional<SemVer> now = SemVer.parse(current.version());
        if (now.isEmpty()) {
            return Optional.empty();
        }
        for (CardChange c : history.deploymentChanges(deployment, history.commit(head).id())) {
            Optional<ModelRef> ran = c.after().map(CardAt::document).map(doc -> new ModelRef(
                    CardBinder.text(doc.path("model")), CardBinder.text(doc.path("version"))));
            if (ran.isPresent() && ran.get().name().equals(current.name())
                    && SemVer.parse(ran.get().version()).filter(v -> v.compareTo(now.get()) < 0).isPresent()) {
                return ran;
            }
        }
        return Optional.empty();
    }

    /**
     * A rollback without --to whose deployment history shows no lower version: refused at the
     * deployment's version, with how to name one.
     */
    public static WritePlan nothingEarlier(String deployment, ModelRef current) {
        return state -> {
            Deployment d = deploymentOf(state, deployment);
            String known = state.snapshot().versionsOf(current.name()).stream()
                    .filter(m -> m.stage() == Stage.PRODUCTION || m.stage() == Stage.DEPRECATED)
                    .filter(m -> !m.ref().equals(current)).sorted(ModelQuery.ORDER).map(ModelCard::version)
                    .collect(Collectors.joining(", "));
            return ChangeSet.refused("rollback " + deployment + " (from " + current + ")", List.of(Cards.refusal(state, d.path(),
                    "rollback-target", "/version", "the git history of deployment `" + deployment + "` shows no version of "
                            + current.name() + " lower than " + current.version() + ", the one it runs",
                    "name the version to return to: `registry rollback " + deployment + " --to <version>`"
                            + (known.isEmpty() ? "" : " (in service: " + known + ")"))));
        };
    }

    /** The version the deployment runs now, or a usage error naming the nearest deployment. */
    public static ModelRef current(RegistryState state, String deployment) {
        return deploymentOf(state, deployment).modelRef();
    }

    private static Deployment deploymentOf(RegistryState state, String deployment) {
        return state.snapshot().deployment(deployment).orElseThrow(() -> new UsageException(
                "no deployment `" + deployment + "` in the registry" + hint(deployment,
                        state.snapshot().deployments().stream().map(Deployment::name).toList())));
    }

    private static String hint(String name, List<String> known) {
        String dym = NearestName.didYouMean(name, known);
        return dym.isEmpty() ? "" : "; " + dym;
    }
}
