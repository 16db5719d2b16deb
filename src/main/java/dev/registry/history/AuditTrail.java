package dev.registry.history;

import dev.registry.card.ModelRef;
import dev.registry.git.CardAt;
import dev.registry.git.CardChange;
import dev.registry.git.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail of a model or a deployment from git: every commit that touched one of its
 * cards, newest first.
 */
public final class AuditTrail {

    private AuditTrail() {
    }

    /**
     * Every commit reachable from {@code head} that changed a card of {@code model} (only that
     * {@code version}, when given), followed by name and version wherever the file was stored.
     */
    public static List<Revision> of(History history, String model, Optional<String> version, String head) {
        List<CardChange> changes = history.modelChanges(model, version, history.commit(head).id());
        return changes.stream().map(c -> new Revision(c.commit(), new ModelRef(model, c.key()), kind(c), path(c), movedFrom(c),
                CardDiff.between(c.before().map(CardAt::document), c.after().map(CardAt::document)))).toList();
    }

    /**
     * Every commit reachable from {@code head} that changed the card of deployment {@code name},
     * followed by name wherever the file was stored: deploys, rollbacks, moves.
     */
    public static List<DeploymentRevision> ofDeployment(History history, String name, String head) {
        List<CardChange> changes = history.deploymentChanges(name, history.commit(head).id());
        return changes.stream().map(c -> new DeploymentRevision(c.commit(), name, kind(c), path(c), movedFrom(c),
                DeploymentDiff.between(c.before().map(CardAt::document), c.after().map(CardAt::document)))).toList();
    }

    /**
     * The trail of a name: every version of the model so named and the deployment so named
     * (models and deployments have names of their own, so one name may be both), newest first.
     */
    public static List<AuditEntry> ofName(History history, String name, String head) {
        return newestFirst(of(history, name, Optional.empty(), head), ofDeployment(history, name, head));
    }

    /** Two trails, each newest first, as one: by commit time, the model's first on a tie. */
    private static List<AuditEntry> newestFirst(List<? extends AuditEntry> a, List<? extends AuditEntry> b) {
        List<AuditEntry> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            boolean takeA = j >= b.size()
                    || i < a.size() && !a.get(i).commit().committed().isBefore(b.get(j).commit().committed());
            out.add(takeA ? a.get(i++) : b.get(j++));
        }
        return out;
    }

    private static Revision.Kind kind(CardChange c) {
        return c.before().isEmpty() ? Revision.Kind.CREATED : c.after().isEmpty() ? Revision.Kind.DELETED : Revision.Kind.CHANGED;
    }

    private static String path(CardChange c) {
        return c.after().or(c::before).map(CardAt::path).orElse("");
    }

    private static Optional<String> movedFrom(CardChange c) {
        return c.before().map(CardAt::path).filter(p -> kind(c) == Revision.Kind.CHANGED && !p.equals(path(c)));
    }
}
