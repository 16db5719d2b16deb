package dev.registry.edit;

import dev.registry.UsageException;
import dev.registry.card.CardKind;
import dev.registry.finding.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans {@code deploy}: creates {@code deployments/<name>.yaml}, or changes the given fields of
 * the existing card in place (comments kept). Whether the model version may run there (a prod
 * deployment needs a production version, nothing runs a retired one) is the validator's to say.
 */
public final class DeploymentPlan {

    private DeploymentPlan() {
    }

    public static WritePlan of(DeploymentDraft draft) {
        String name = ModelRegistration.checkDeploymentName(draft.name());
        draft.model().ifPresent(ModelRegistration::checkName);
        draft.version().ifPresent(v -> ModelRegistration.checkVersion(v, "--version"));
        Map<String, YamlValue> given = draft.fields();
        String path = "deployments/" + name + ".yaml";
        return state -> {
            if (!state.exists(path)) {
                List<String> missing = new ArrayList<>();
                draft.model().ifPresentOrElse(v -> { }, () -> missing.add("--model"));
                draft.version().ifPresentOrElse(v -> { }, () -> missing.add("--version"));
                draft.environment().ifPresentOrElse(v -> { }, () -> missing.add("--env"));
                draft.region().ifPresentOrElse(v -> { }, () -> missing.add("--region"));
                if (!missing.isEmpty()) {
                    throw new UsageException("deployment `" + name + "` is new; it needs " + String.join(", ", missing));
                }
                Map<String, YamlValue> fields = new LinkedHashMap<>();
                fields.put("apiVersion", YamlValue.text("registry/v1"));
                fields.put("kind", YamlValue.text("Deployment"));
                fields.put("name", YamlValue.text(name));
                fields.putAll(given);
                String text = YamlText.document(ModelRegistration.header(state, CardKind.DEPLOYMENT, "../"),
                        new YamlValue.Mapping(fields), KeyOrder.of(CardKind.DEPLOYMENT));
                return ChangeSet.of(message(name, draft.model().get(), draft.version().get()), List.of(FileChange.create(path, text)));
            }
            var old = state.snapshot().deployment(name).filter(d -> d.path().equals(path));
            String before = state.text(path).orElse(null);
            if (before == null || old.isEmpty()) {
                List<Finding> why = state.snapshot().readFindings().stream().filter(f -> f.path().equals(path)).toList();
                if (why.isEmpty()) {
                    throw new UsageException(path + " does not hold deployment `" + name + "`; fix it before deploying");
                }
                return ChangeSet.refused("deploy to " + name, why);
            }
            if (given.isEmpty()) {
                throw new UsageException("deployment `" + name + "` exists; say what to change (--model, --version, --env,"
                        + " --region, --endpoint, --app, --owner)");
            }
            CardEditor card = CardEditor.of(before, KeyOrder.of(CardKind.DEPLOYMENT));
            given.forEach((k, v) -> card.set(List.of(k), v));
            String after = card.text();
            String message = message(name, draft.model().orElse(old.get().model()), draft.version().orElse(old.get().version()));
            return ChangeSet.of(message, after.equals(before) ? List.of() : List.of(FileChange.replace(path, before, after)));
        };
    }

    private static String message(String deployment, String model, String version) {
        return "deploy " + model + "@" + version + " to " + deployment;
    }
}
