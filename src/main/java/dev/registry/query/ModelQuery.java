package dev.registry.query;

import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.card.SemVer;
import dev.registry.risk.RiskAssessment;
import dev.registry.risk.RiskEngine;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Answers questions about one snapshot: which model versions and deployments match a
 * {@link ModelFilter}, and what each one's risk is. Risk assessments are computed once per
 * version and shared by every question asked of the same query.
 */
public final class ModelQuery {

    /** By name, then by SemVer precedence (versions that are not SemVer last, by text). */
    public static final Comparator<ModelCard> ORDER = Comparator.comparing(ModelCard::name)
            .thenComparing(m -> m.semVer().orElse(null), Comparator.nullsLast(Comparator.<SemVer>naturalOrder()))
            .thenComparing(ModelCard::version);

    private final Snapshot snapshot;
    private final RiskEngine risk;
    private final Map<String, RiskAssessment> assessed = new HashMap<>();

    public ModelQuery(Snapshot snapshot, LocalDate today) {
        this.snapshot = snapshot;
        this.risk = RiskEngine.of(snapshot, today);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The version's risk under the snapshot's policy. */
    public synchronized RiskAssessment risk(ModelCard card) {
        return assessed.computeIfAbsent(card.path(), p -> risk.assess(card));
    }

    /** Every model version the filter keeps, in {@link #ORDER}. */
    public List<ModelRow> models(ModelFilter f) {
        return snapshot.models().stream()
                .filter(m -> matchesCard(m, f))
                .filter(m -> !f.needsDeployments() || snapshot.deploymentsOf(m.ref()).stream().anyMatch(placed(f)))
                .sorted(ORDER)
                .map(this::row)
                .toList();
    }

    /** The rows of the given versions: card, risk and deployments. */
    public ModelRow row(ModelCard m) {
        return new ModelRow(m, risk(m), snapshot.deploymentsOf(m.ref()));
    }

    /** Every version of a model, oldest first; empty when the registry has no such model. */
    public List<ModelCard> versions(String name) {
        return snapshot.versionsOf(name).stream().sorted(ORDER).toList();
    }

    /** A version's card, risk, deployments and next promotion, with what {@code needs} says it lacks. */
    public VersionFacts facts(ModelCard card, PromotionNeeds needs) {
        Optional<dev.registry.card.Stage> next = VersionFacts.nextStage(card.stage());
        return new VersionFacts(row(card), next, next.flatMap(s -> needs.missing(card, s, snapshot)));
    }

    /**
     * Every deployment the filter keeps, by name: it runs within the regions and environments
     * asked for, and the version it runs passes the model criteria (a deployment of a version the
     * registry lacks passes only when there are none). The owner criterion matches the
     * deployment's own owners too.
     */
    public List<DeploymentRow> deployments(ModelFilter f) {
        boolean modelCriteria = !f.providers().isEmpty() || !f.capabilities().isEmpty() || !f.stages().isEmpty()
                || !f.tiers().isEmpty() || !f.dataTags().isEmpty();
        return snapshot.deployments().stream()
                .filter(placed(f))
                .map(d -> {
                    Optional<ModelCard> m = snapshot.model(d.modelRef());
                    return new DeploymentRow(d, m, m.map(this::risk));
                })
                .filter(r -> r.model().map(m -> matchesCard(m, withoutOwners(f))).orElse(!modelCriteria))
                .filter(r -> f.owners().isEmpty() || r.deployment().owners().stream().anyMatch(o -> ownedBy(o, f))
                        || r.model().map(m -> m.owners().stream().anyMatch(o -> ownedBy(o, f))).orElse(false))
                .sorted(Comparator.comparing(r -> r.deployment().name()))
                .toList();
    }

    private boolean matchesCard(ModelCard m, ModelFilter f) {
        return (f.providers().isEmpty() || f.providers().contains(m.provider()))
                && (f.capabilities().isEmpty() || m.capabilities().stream().anyMatch(c -> f.capabilities().stream()
                        .anyMatch(want -> c.equals(want) || c.startsWith(want + ":"))))
                && (f.stages().isEmpty() || f.stages().contains(m.stage()))
                && (f.dataTags().isEmpty() || m.dataTags().stream().anyMatch(f.dataTags()::contains))
                && (f.owners().isEmpty() || m.owners().stream().anyMatch(o -> ownedBy(o, f)))
                && (f.tiers().isEmpty() || f.tiers().contains(risk(m).effective()));
    }

    private static ModelFilter withoutOwners(ModelFilter f) {
        return new ModelFilter(f.providers(), f.capabilities(), f.stages(), f.tiers(), java.util.Set.of(), f.dataTags(),
                f.regions(), f.environments());
    }

    private static Predicate<Deployment> placed(ModelFilter f) {
        return d -> (f.regions().isEmpty() || f.regions().stream().anyMatch(a -> a.contains(d.region())))
                && (f.environments().isEmpty() || d.environment().map(f.environments()::contains).orElse(false));
    }

    /** Whether an owner reference on a card answers to one of the owners asked for. */
    private boolean ownedBy(String ownerRef, ModelFilter f) {
        for (String want : f.owners()) {
            if (ownerRef.equalsIgnoreCase(want)) {
                return true;
            }
            if (ownerRef.startsWith("team:") && want.contains("@")) {
                String w = want.toLowerCase(Locale.ROOT);
                boolean member = snapshot.owners().emailsOf(ownerRef).stream().anyMatch(e -> e.toLowerCase(Locale.ROOT).equals(w))
                        || snapshot.owners().person(want).map(p -> snapshot.owners().emailsOf(ownerRef).stream().anyMatch(p::answersTo))
                        .orElse(false);
                if (member) {
                    return true;
                }
            }
        }
        return false;
    }
}
