package dev.registry.history;

import dev.registry.card.ModelRef;
import dev.registry.git.CardAt;
import dev.registry.git.CardChange;
import dev.registry.git.History;
import java.util.List;
import java.util.Optional;

/** The audit trail of a model from git: every commit that touched one of its cards, newest first. */
public final class AuditTrail {

    private AuditTrail() {
    }

    /**
     * Every commit reachable from {@code head} that changed a card of {@code model} (only that
     * {@code version}, when given), followed by name and version wherever the file was stored.
     */
    public static List<Revision> of(History history, String model, Optional<String> version, String head) {
        List<CardChange> changes = history.modelChanges(model, version, history.commit(head).id());
        return changes.stream().map(c -> revision(model, c)).toList();
    }

    private static Revision revision(String model, CardChange c) {
        ModelRef ref = new ModelRef(model, c.key());
        Revision.Kind kind = c.before().isEmpty() ? Revision.Kind.CREATED
                : c.after().isEmpty() ? Revision.Kind.DELETED : Revision.Kind.CHANGED;
        String path = c.after().or(c::before).map(CardAt::path).orElse("");
        Optional<String> movedFrom = c.before().map(CardAt::path).filter(p -> kind == Revision.Kind.CHANGED && !p.equals(path));
        CardDiff diff = CardDiff.between(c.before().map(CardAt::document), c.after().map(CardAt::document));
        return new Revision(c.commit(), ref, kind, path, movedFrom, diff);
    }
}
