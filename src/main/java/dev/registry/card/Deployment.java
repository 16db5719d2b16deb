package dev.registry.card;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** A model version running somewhere, as read from {@code deployments/<name>.yaml}. */
public record Deployment(
        String path,
        String name,
        String model,
        String version,
        Optional<Environment> environment,
        String region,
        String endpoint,
        String app,
        List<String> owners,
        JsonNode document) {

    public Deployment {
        owners = List.copyOf(owners);
    }

    public ModelRef modelRef() {
        return new ModelRef(model, version);
    }
}
