package dev.registry.export;

import java.util.Locale;

/** What one export row stands for. */
public enum ExportKind {
    /** One row per model version: the card's own fields. */
    MODELS,
    /** One row per deployment, with the model version it runs. */
    DEPLOYMENTS,
    /** One row per model version joined with where it runs, its risk and its approvals: the audit view. */
    INVENTORY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
