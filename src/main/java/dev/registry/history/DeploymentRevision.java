package dev.registry.history;

import dev.registry.git.CommitInfo;
import java.util.Optional;

/**
 * One commit in a deployment card's audit trail: a deploy, a rollback, a move to another region.
 *
 * @param deployment the deployment's name
 */
public record DeploymentRevision(CommitInfo commit, String deployment, Revision.Kind kind, String path,
                                 Optional<String> movedFrom, DeploymentDiff diff) implements AuditEntry {
}
