package dev.registry.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.registry.history.CardDiff.Transition;
import dev.registry.source.CardBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one commit changed in a deployment card, in the terms of an incident review: which model
 * version it runs, where, at which endpoint, how it is rolled out, and which other fields.
 *
 * @param version     the model version it runs ({@code model@version}) before and after
 * @param environment {@code environment} before and after
 * @param rollout     the rollout ("canary 25%") before and after
 * @param fields      every other field that changed
 */
public record DeploymentDiff(Optional<Transition> version, Optional<Transition> environment, Optional<Transition> region,
                             Optional<Transition> endpoint, Optional<Transition> rollout, List<String> fields) {

    /** The fields reported on their own; {@code model} and {@code version} together, as one model version. */
    private static final Set<String> OWN = Set.of("model", "version", "environment", "region", "endpoint", "rollout");

    public DeploymentDiff {
        fields = List.copyOf(fields);
    }

    /** The difference between two versions of a deployment card; a missing side is an absent card. */
    public static DeploymentDiff between(Optional<JsonNode> before, Optional<JsonNode> after) {
        JsonNode a = before.orElse(MissingNode.getInstance());
        JsonNode b = after.orElse(MissingNode.getInstance());
        List<String> fields = new ArrayList<>();
        for (String k : CardDiff.keys(a, b)) {
            if (!OWN.contains(k) && !a.path(k).equals(b.path(k))) {
                fields.add(k);
            }
        }
        return new DeploymentDiff(
                change(runs(a), runs(b)),
                CardDiff.transition(a.path("environment"), b.path("environment")),
                CardDiff.transition(a.path("region"), b.path("region")),
                CardDiff.transition(a.path("endpoint"), b.path("endpoint")),
                change(rollout(a.path("rollout")), rollout(b.path("rollout"))),
                fields);
    }

    public boolean isEmpty() {
        return version.isEmpty() && environment.isEmpty() && region.isEmpty() && endpoint.isEmpty() && rollout.isEmpty()
                && fields.isEmpty();
    }

    private static Optional<Transition> change(Optional<String> from, Optional<String> to) {
        return from.equals(to) ? Optional.empty() : Optional.of(new Transition(from, to));
    }

    /** {@code model@version}, or what there is of it. */
    private static Optional<String> runs(JsonNode card) {
        String model = CardBinder.text(card.path("model"));
        String version = CardBinder.text(card.path("version"));
        if (model.isEmpty() && version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(model + "@" + version);
    }

    /** "canary 25%", "blue-green", or the value as written when it is not a rollout mapping. */
    private static Optional<String> rollout(JsonNode r) {
        if (r.isMissingNode() || r.isNull()) {
            return Optional.empty();
        }
        if (!r.isObject()) {
            return Optional.of(r.isTextual() ? r.textValue() : r.toString());
        }
        String strategy = CardBinder.text(r.path("strategy"));
        JsonNode percent = r.path("percent");
        String share = percent.isNumber() ? percent.asText().replaceAll("\\.0+$", "") + "%" : "";
        String text = (strategy + " " + share).strip();
        return Optional.of(text.isEmpty() ? r.toString() : text);
    }
}
