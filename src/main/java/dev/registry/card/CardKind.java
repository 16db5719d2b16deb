package dev.registry.card;

import java.util.Locale;
import java.util.Optional;

/** The four kinds of registry file, each with its JSON Schema. */
public enum CardKind {
    REGISTRY("Registry"), OWNERS("Owners"), MODEL("Model"), DEPLOYMENT("Deployment");

    private final String kindName;

    CardKind(String kindName) {
        this.kindName = kindName;
    }

    /** The value of the {@code kind:} field. */
    public String kindName() {
        return kindName;
    }

    /** Lower-case name used on the command line and in schema file names ({@code model.schema.json}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String schemaFile() {
        return id() + ".schema.json";
    }

    public static Optional<CardKind> parse(String text) {
        for (CardKind k : values()) {
            if (k.id().equalsIgnoreCase(text) || k.kindName.equals(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The kind a file must be, from where it stands in the registry layout; empty for files that
     * are not registry files (a README under models/, say).
     */
    public static Optional<CardKind> forPath(String path) {
        if (path.equals("registry.yaml")) {
            return Optional.of(REGISTRY);
        }
        if (path.equals("owners.yaml")) {
            return Optional.of(OWNERS);
        }
        if (!isYaml(path)) {
            return Optional.empty();
        }
        if (path.startsWith("models/")) {
            return Optional.of(MODEL);
        }
        if (path.startsWith("deployments/")) {
            return Optional.of(DEPLOYMENT);
        }
        return Optional.empty();
    }

    public static boolean isYaml(String path) {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }
}
