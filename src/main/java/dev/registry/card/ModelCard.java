package dev.registry.card;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One model version as read from {@code models/<name>/<version>.yaml}. Fields the card leaves out
 * are empty, never null. {@code document} is the parsed card, for exporters and editors; treat it
 * as read-only.
 */
public record ModelCard(
        String path,
        String name,
        String version,
        String provider,
        String description,
        List<String> modality,
        List<String> capabilities,
        List<String> useDomains,
        List<String> dataTags,
        List<String> owners,
        Optional<RiskTier> declaredTier,
        List<String> fallbacks,
        Stage stage,
        Optional<Deprecation> deprecation,
        List<Approval> approvals,
        List<String> dataResidency,
        JsonNode document) {

    public ModelCard {
        modality = List.copyOf(modality);
        capabilities = List.copyOf(capabilities);
        useDomains = List.copyOf(useDomains);
        dataTags = List.copyOf(dataTags);
        owners = List.copyOf(owners);
        fallbacks = List.copyOf(fallbacks);
        approvals = List.copyOf(approvals);
        dataResidency = List.copyOf(dataResidency);
    }

    public ModelRef ref() {
        return new ModelRef(name, version);
    }

    public Optional<SemVer> semVer() {
        return SemVer.parse(version);
    }
}
