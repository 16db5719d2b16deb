package dev.registry.export;

import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.git.CommitInfo;
import dev.registry.query.ModelQuery;
import dev.registry.risk.RiskAssessment;
import dev.registry.risk.RiskEngine;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A snapshot seen as an inventory: every model version with its assessment, deployments and last
 * change, and every deployment with the version it runs. Each version is assessed once, in
 * parallel: the assessor must be thread-safe (the risk engine is).
 */
public final class Inventory {

    private final Snapshot snapshot;
    private final RiskEngine engine;
    private final Map<String, CommitInfo> lastChanges;
    private final LocalDate today;
    private final Map<ModelRef, RiskAssessment> assessments = new java.util.concurrent.ConcurrentHashMap<>();

    private Inventory(Snapshot snapshot, Map<String, CommitInfo> lastChanges, LocalDate today) {
        this.snapshot = snapshot;
        this.engine = RiskEngine.of(snapshot, today);
        this.lastChanges = Map.copyOf(lastChanges);
        this.today = today;
    }

    /**
     * @param lastChanges the last commit that changed each file, by registry-relative path; empty
     *                    when the registry is not in git or no column shows it
     * @param today       the day the snapshot's risk and gate policies are judged on
     */
    public static Inventory of(Snapshot snapshot, Map<String, CommitInfo> lastChanges, LocalDate today) {
        return new Inventory(snapshot, lastChanges, today);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Every model version, by name and version. */
    public List<VersionRow> versions() {
        return versions(m -> true);
    }

    /** The model versions to keep, by name and version; only those are assessed. */
    public List<VersionRow> versions(Predicate<ModelCard> keep) {
        Map<ModelRef, List<Deployment>> running = new HashMap<>();
        snapshot.deployments().forEach(d -> running.computeIfAbsent(d.modelRef(), k -> new java.util.ArrayList<>()).add(d));
        List<ModelCard> kept = snapshot.models().stream().filter(keep).sorted(ModelQuery.ORDER).toList();
        // Assessing is the costly part of a large export; the engine is thread-safe, so use every core.
        dev.registry.Parallel.map(kept, this::assessment);
        return kept.stream()
                .map(m -> new VersionRow(m, assessment(m), running.getOrDefault(m.ref(), List.of()),
                        OwnerEmails.of(snapshot.owners(), m.owners()), Optional.ofNullable(lastChanges.get(m.path())),
                        once(() -> ApprovalState.of(snapshot, m, assessment(m).effective(), today))))
                .toList();
    }

    /** Every deployment, by name. */
    public List<DeploymentRow> deployments() {
        return deployments(d -> true);
    }

    /** The deployments to keep, by name. */
    public List<DeploymentRow> deployments(Predicate<Deployment> keep) {
        Map<ModelRef, ModelCard> models = new HashMap<>();
        snapshot.models().forEach(m -> models.putIfAbsent(m.ref(), m));
        return snapshot.deployments().stream().filter(keep).sorted(Comparator.comparing(Deployment::name).thenComparing(Deployment::path))
                .map(d -> {
                    Optional<ModelCard> model = Optional.ofNullable(models.get(d.modelRef()));
                    List<String> owners = d.owners().isEmpty() ? model.map(ModelCard::owners).orElse(List.of()) : d.owners();
                    return new DeploymentRow(d, model, model.map(this::assessment), OwnerEmails.of(snapshot.owners(), owners),
                            Optional.ofNullable(lastChanges.get(d.path())));
                })
                .toList();
    }

    /** A supplier that computes its value on the first call only: most exports show no approval state. */
    private static <T> Supplier<T> once(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = compute.get();
                }
                return value;
            }
        };
    }

    /** The assessment of one version, computed once. */
    public RiskAssessment assessment(ModelCard m) {
        return assessments.computeIfAbsent(m.ref(), k -> engine.assess(m));
    }
}
