package dev.registry.history;

import dev.registry.card.ModelRef;
import dev.registry.git.CommitInfo;
import java.util.Optional;

/**
 * One commit in a model card's audit trail.
 *
 * @param path     where the card is after the commit (before it, for a deletion)
 * @param movedFrom the card's previous path, when the commit moved it
 */
public record Revision(CommitInfo commit, ModelRef model, Kind kind, String path, Optional<String> movedFrom,
                       CardDiff diff) implements AuditEntry {

    public enum Kind {
        CREATED, CHANGED, DELETED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
