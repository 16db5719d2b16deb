package dev.registry.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.card.Owners;
import dev.registry.check.Check;
import dev.registry.check.NearestName;
import dev.registry.finding.Finding;
import dev.registry.source.CardBinder;
import dev.registry.source.RegistryFile;
import dev.registry.source.Snapshot;
import dev.registry.source.YamlDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the schema cannot say about {@code policy.gates}: a new gate must name the stage it
 * guards, and a required role nobody holds would block every promotion through that gate.
 */
public final class GatePolicyCheck implements Check {

    @Override
    public List<Finding> run(Snapshot s) {
        RegistryFile file = s.files().get("registry.yaml");
        if (file == null) {
            return List.of();
        }
        YamlDocument doc = file.document();
        JsonNode gates = doc.root().path("policy").path("gates");
        List<Finding> out = new ArrayList<>();
        if (!gates.isObject()) {
            return out;
        }
        Set<String> held = new TreeSet<>();
        s.owners().people().stream().map(Owners.Person::roles).forEach(held::addAll);
        for (Iterator<Map.Entry<String, JsonNode>> it = gates.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode gate = e.getValue();
            String ptr = YamlDocument.child("/policy/gates", name);
            if (!gate.isObject()) {
                continue; // the schema says it must be a mapping
            }
            if (!GatePolicy.isBuiltIn(name) && !gate.has("stage")) {
                out.add(Finding.error("gate-policy-stage", file.path(), doc.keyAt(ptr), ptr,
                        "gate `" + name + "` does not say which stage it guards, so it would never apply",
                        "add `stage: staging` or `stage: production`; built-in gates are sandbox, production and regulated"));
            }
            if (!s.files().containsKey("owners.yaml")) {
                continue;
            }
            List<String> roles = CardBinder.strings(gate.path("approvals").path("roles"));
            for (int i = 0; i < roles.size(); i++) {
                String role = roles.get(i);
                if (!held.contains(role)) {
                    String rp = ptr + "/approvals/roles/" + i;
                    String hint = NearestName.didYouMean(role, held);
                    out.add(Finding.error("gate-policy-role", file.path(), doc.valueAt(rp), rp,
                            "no one in owners.yaml holds role `" + role + "`, so nothing could pass gate `" + name + "`",
                            hint.isEmpty() ? "give the role to someone in owners.yaml, or remove it from the gate" : hint)
                            .withRelated(List.of("owners.yaml")));
                }
            }
        }
        return out;
    }
}
