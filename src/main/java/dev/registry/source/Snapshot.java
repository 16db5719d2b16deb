package dev.registry.source;

import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.Owners;
import dev.registry.card.RegistryConfig;
import dev.registry.finding.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An immutable, fully parsed registry as it was in one source. Everything the tool does is a
 * function of one or more snapshots.
 *
 * @param files        every file that parsed, by registry-relative path, sorted
 * @param readFindings what could not be read at all (bad YAML, symlinks, oversized files)
 */
public record Snapshot(String label, Optional<RegistryConfig> config, Owners owners, List<ModelCard> models,
                       List<Deployment> deployments, Map<String, RegistryFile> files, List<Finding> readFindings) {

    public Snapshot {
        models = List.copyOf(models);
        deployments = List.copyOf(deployments);
        files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
        readFindings = List.copyOf(readFindings);
    }

    /** The card for a model version, if the registry has exactly that version. */
    public Optional<ModelCard> model(ModelRef ref) {
        return models.stream().filter(m -> m.name().equals(ref.name()) && m.version().equals(ref.version())).findFirst();
    }

    /** Every version of a model, in file order. */
    public List<ModelCard> versionsOf(String name) {
        return models.stream().filter(m -> m.name().equals(name)).collect(Collectors.toList());
    }

    /** Deployments that run the given model version. */
    public List<Deployment> deploymentsOf(ModelRef ref) {
        return deployments.stream().filter(d -> d.modelRef().equals(ref)).collect(Collectors.toList());
    }

    public Optional<Deployment> deployment(String name) {
        return deployments.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The notice period in days from registry.yaml, or the default. */
    public int deprecationNoticeDays() {
        return config.map(RegistryConfig::deprecationNoticeDays).orElse(RegistryConfig.DEFAULT_NOTICE_DAYS);
    }
}
