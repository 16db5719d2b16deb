package dev.registry.edit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The deployment card fields a user gave to {@code deploy}; absent fields are left as they are. */
public record DeploymentDraft(String name, Optional<String> model, Optional<String> version, Optional<String> environment,
                             Optional<String> region, Optional<String> endpoint, Optional<String> app, List<String> owners) {

    public DeploymentDraft {
        owners = List.copyOf(owners);
    }

    /** The given fields as card keys and values, in card order. */
    Map<String, YamlValue> fields() {
        Map<String, YamlValue> out = new LinkedHashMap<>();
        model.ifPresent(v -> out.put("model", YamlValue.text(v)));
        version.ifPresent(v -> out.put("version", YamlValue.text(v)));
        environment.ifPresent(v -> out.put("environment", YamlValue.text(v)));
        region.ifPresent(v -> out.put("region", YamlValue.text(v)));
        endpoint.ifPresent(v -> out.put("endpoint", YamlValue.text(v)));
        app.ifPresent(v -> out.put("app", YamlValue.text(v)));
        if (!owners.isEmpty()) {
            out.put("owners", YamlValue.strings(owners));
        }
        return out;
    }
}
