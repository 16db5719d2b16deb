package dev.registry.source;

import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.Owners;
import dev.registry.card.RegistryConfig;
import dev.registry.finding.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable, fully parsed registry as it was in one source. Everything the tool does is a
 * function of one or more snapshots. Lookups by reference and by name are indexed: checks and
 * queries call them once per card, so a linear scan would make a large registry quadratic.
 */
public final class Snapshot {

    private final String label;
    private final Optional<RegistryConfig> config;
    private final Owners owners;
    private final List<ModelCard> models;
    private final List<Deployment> deployments;
    private final Map<String, RegistryFile> files;
    private final List<Finding> readFindings;

    private final Map<ModelRef, ModelCard> modelsByRef = new HashMap<>();
    private final Map<String, List<ModelCard>> modelsByName = new HashMap<>();
    private final Map<ModelRef, List<Deployment>> deploymentsByRef = new HashMap<>();
    private final Map<String, Deployment> deploymentsByName = new HashMap<>();

    /**
     * @param label        how the source reads in messages ("working tree", "index", "commit 1a2b3c4")
     * @param files        every file that parsed, by registry-relative path
     * @param readFindings what could not be read at all (bad YAML, symlinks, oversized files)
     */
    public Snapshot(String label, Optional<RegistryConfig> config, Owners owners, List<ModelCard> models,
                    List<Deployment> deployments, Map<String, RegistryFile> files, List<Finding> readFindings) {
        this.label = label;
        this.config = config;
        this.owners = owners;
        this.models = List.copyOf(models);
        this.deployments = List.copyOf(deployments);
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.readFindings = List.copyOf(readFindings);
        for (ModelCard m : this.models) {
            modelsByRef.putIfAbsent(m.ref(), m);
            modelsByName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
        }
        for (Deployment d : this.deployments) {
            deploymentsByRef.computeIfAbsent(d.modelRef(), k -> new ArrayList<>()).add(d);
            deploymentsByName.putIfAbsent(d.name(), d);
        }
    }

    public String label() {
        return label;
    }

    public Optional<RegistryConfig> config() {
        return config;
    }

    public Owners owners() {
        return owners;
    }

    /** Every model card, in path order. */
    public List<ModelCard> models() {
        return models;
    }

    /** Every deployment card, in path order. */
    public List<Deployment> deployments() {
        return deployments;
    }

    /** Every file that parsed, by registry-relative path, sorted. */
    public Map<String, RegistryFile> files() {
        return files;
    }

    /** What could not be read at all (bad YAML, symlinks, oversized files). */
    public List<Finding> readFindings() {
        return readFindings;
    }

    /** The card for a model version, if the registry has exactly that version (the first, if twice). */
    public Optional<ModelCard> model(ModelRef ref) {
        return Optional.ofNullable(modelsByRef.get(ref));
    }

    /** Every version of a model, in file order. */
    public List<ModelCard> versionsOf(String name) {
        return List.copyOf(modelsByName.getOrDefault(name, List.of()));
    }

    /** Deployments that run the given model version. */
    public List<Deployment> deploymentsOf(ModelRef ref) {
        return List.copyOf(deploymentsByRef.getOrDefault(ref, List.of()));
    }

    /** The deployment with this name (the first, if twice). */
    public Optional<Deployment> deployment(String name) {
        return Optional.ofNullable(deploymentsByName.get(name));
    }

    /** The notice period in days from registry.yaml, or the default. */
    public int deprecationNoticeDays() {
        return config.map(RegistryConfig::deprecationNoticeDays).orElse(RegistryConfig.DEFAULT_NOTICE_DAYS);
    }

    @Override
    public String toString() {
        return "Snapshot[" + label + ": " + models.size() + " model versions, " + deployments.size() + " deployments, "
                + files.size() + " files, " + readFindings.size() + " unreadable]";
    }
}
