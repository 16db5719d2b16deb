package dev.registry.testing;

import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.Source;
import dev.registry.source.SourceEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A registry held in memory, for unit tests of checks that need a {@link Snapshot} but no files.
 * Starts with the valid registry.yaml and owners.yaml of {@link Registries}.
 */
public final class MemorySource implements Source {

    private final Map<String, byte[]> files = new TreeMap<>();

    private MemorySource() {
    }

    /** registry.yaml and owners.yaml from {@link Registries}, and nothing else. */
    public static MemorySource minimal() {
        return empty().with("registry.yaml", Registries.REGISTRY).with("owners.yaml", Registries.OWNERS);
    }

    public static MemorySource empty() {
        return new MemorySource();
    }

    public MemorySource with(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds {@code models/<name>/<version>.yaml}: {@link Registries#model} at {@code stage}, plus extra YAML. */
    public MemorySource model(String name, String version, String stage, String extra) {
        return with("models/" + name + "/" + version + ".yaml",
                Registries.model(name, version).replace("stage: experimental", "stage: " + stage) + extra);
    }

    /** Adds {@code deployments/<name>.yaml} running {@code model@version} in {@code environment}. */
    public MemorySource deployment(String name, String model, String version, String environment) {
        return with("deployments/" + name + ".yaml", deploymentCard(name, model, version, environment));
    }

    /** A deployment card in eu-west-1 owned by team:ml-platform. */
    public static String deploymentCard(String name, String model, String version, String environment) {
        return """
                apiVersion: registry/v1
                kind: Deployment
                name: %s
                model: %s
                version: %s
                environment: %s
                region: eu-west-1
                owners: [team:ml-platform]
                """.formatted(name, model, version, environment);
    }

    public MemorySource without(String path) {
        files.remove(path);
        return this;
    }

    public Snapshot snapshot() {
        return new SnapshotReader().read(this);
    }

    @Override
    public String label() {
        return "memory";
    }

    @Override
    public List<SourceEntry> entries() {
        List<SourceEntry> out = new ArrayList<>();
        files.forEach((path, bytes) -> out.add(new SourceEntry(path, SourceEntry.Type.FILE, bytes.length, bytes::clone)));
        return out;
    }
}
