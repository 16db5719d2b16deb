package dev.registry.export;

import dev.registry.UsageException;
import java.util.List;
import java.util.Locale;

/** A named default column set for a purpose; {@code --columns} still chooses freely from the catalogue. */
public enum ExportProfile {
    /** The everyday inventory. */
    STANDARD,
    /**
     * EU AI Act registration (Annex VIII Section A) and technical documentation (Annex IV) columns;
     * docs/export.md maps each column to its item.
     */
    EU_AI_ACT;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ExportProfile parse(String text) {
        for (ExportProfile p : values()) {
            if (p.id().equals(text)) {
                return p;
            }
        }
        throw new UsageException("unknown profile `" + text + "`; expected standard or eu-ai-act");
    }

    /** The columns an export of this kind carries when {@code --columns} is not given. */
    public List<String> columns(ExportKind kind) {
        if (this == EU_AI_ACT) {
            if (kind == ExportKind.DEPLOYMENTS) {
                throw new UsageException("--profile eu-ai-act describes model versions; use --kind inventory or --kind models");
            }
            return List.of("provider", "reference", "model", "version", "intendedUse", "useDomains", "description",
                    "modality", "dataTags", "capabilities", "effectiveTier", "riskBasis", "transparencyObligations",
                    "marketStatus", "certificate", "regions", "instructionsForUse", "baseModel", "thirdPartyModels",
                    "artifactSha256", "trainingData", "evaluations", "humanOversight", "postMarketMonitoring",
                    "incidentOwner", "approvals", "lastChangeCommit", "lastChangeDate");
        }
        return switch (kind) {
            case MODELS -> List.of("model", "version", "provider", "description", "stage", "declaredTier", "computedTier",
                    "effectiveTier", "owners", "capabilities", "useDomains", "dataTags", "modality", "costPerRequestUsd", "path");
            case INVENTORY -> List.of("model", "version", "provider", "stage", "declaredTier", "computedTier", "effectiveTier",
                    "owners", "dataTags", "deployments", "environments", "regions", "approvalState", "approvals",
                    "costPerRequestUsd", "lastChangeCommit", "lastChangeDate");
            case DEPLOYMENTS -> List.of("deployment", "model", "version", "environment", "region", "endpoint", "app",
                    "owners", "modelStage", "effectiveTier", "lastChangeCommit", "lastChangeDate");
        };
    }
}
