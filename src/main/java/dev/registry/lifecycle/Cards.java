package dev.registry.lifecycle;

import dev.registry.UsageException;
import dev.registry.card.CardKind;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.edit.CardEditor;
import dev.registry.edit.KeyOrder;
import dev.registry.edit.ModelRegistration;
import dev.registry.edit.RegistryState;
import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import dev.registry.gate.Need;
import dev.registry.source.YamlDocument;
import java.util.List;
import java.util.stream.Collectors;

/** What every lifecycle edit starts from: the card it changes, read from the working tree. */
final class Cards {

    private Cards() {
    }

    /**
     * The card for {@code ref}, or a usage error: that its file cannot be read as a card, or the
     * versions there are.
     */
    static ModelCard model(RegistryState state, ModelRef ref) {
        return state.snapshot().model(ref).orElseThrow(() -> {
            String path = ModelRegistration.pathOf(ref);
            if (state.exists(path)) {
                // Not "not in the registry": the file is there, and the user has to fix it.
                return new UsageException(path + " cannot be read as the card of " + ref + "; `registry validate " + path
                        + "` shows why");
            }
            String known = state.snapshot().versionsOf(ref.name()).stream().map(ModelCard::version).sorted()
                    .collect(Collectors.joining(", "));
            return new UsageException(ref + " is not in the registry"
                    + (known.isEmpty() ? "" : "; known versions of " + ref.name() + ": " + known));
        });
    }

    /** An editor over the card's text, keeping its comments and layout. */
    static CardEditor editor(RegistryState state, String path, CardKind kind) {
        String text = state.text(path).orElseThrow(() -> new UsageException(path + " cannot be read; run `registry validate`"));
        return CardEditor.of(text, KeyOrder.of(kind));
    }

    static String text(RegistryState state, String path) {
        return state.text(path).orElseThrow();
    }

    static YamlDocument document(RegistryState state, String path) {
        return state.snapshot().files().get(path).document();
    }

    /** A refusal located at a pointer of the card (its nearest existing ancestor). */
    static Finding refusal(RegistryState state, String path, String ruleId, String pointer, String message, String hint) {
        Location at = document(state, path).valueAt(pointer);
        return Finding.error(ruleId, path, at, pointer, message, hint);
    }

    /**
     * A refusal about a part of the card that may not be written yet (its approvals): at that
     * key, else the nearest enclosing one, else the card's stage line.
     */
    static Finding refusalNear(RegistryState state, String path, String ruleId, String pointer, String message, String hint) {
        return Finding.error(ruleId, path, Need.locate(document(state, path), pointer), pointer, message, hint);
    }

    static List<String> path(String... keys) {
        return List.of(keys);
    }
}
