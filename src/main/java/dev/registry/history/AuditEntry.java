package dev.registry.history;

import dev.registry.git.CommitInfo;
import java.util.Optional;

/** One commit in the audit trail of a card: a model version's ({@link Revision}) or a deployment's. */
public sealed interface AuditEntry permits Revision, DeploymentRevision {

    CommitInfo commit();

    Revision.Kind kind();

    /** Where the card is after the commit (before it, for a deletion). */
    String path();

    /** The card's previous path, when the commit moved it. */
    Optional<String> movedFrom();
}
