package dev.registry.risk;

import dev.registry.card.ModelCard;
import dev.registry.source.CardBinder;
import dev.registry.source.StrictYamlReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds model cards for risk tests, through the same YAML reading and binding real cards go through. */
final class Card {

    private final String name;
    private final List<String> capabilities = new ArrayList<>();
    private final List<String> domains = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<String> extra = new ArrayList<>();
    private String stage = "experimental";

    private Card(String name) {
        this.name = name;
    }

    static Card named(String name) {
        return new Card(name);
    }

    Card caps(String... values) {
        capabilities.addAll(List.of(values));
        return this;
    }

    Card domains(String... values) {
        domains.addAll(List.of(values));
        return this;
    }

    Card tags(String... values) {
        tags.addAll(List.of(values));
        return this;
    }

    Card stage(String value) {
        stage = value;
        return this;
    }

    Card flop(String value) {
        extra.add("lineage: {trainingComputeFlop: " + value + "}");
        return this;
    }

    Card tier(String tier) {
        extra.add("risk: {tier: " + tier + "}");
        return this;
    }

    /** A risk section with a derogation (and a declared tier when given). */
    Card derogation(String tier, String rule, String reviewer, String date) {
        extra.add("risk:\n" + (tier == null ? "" : "  tier: " + tier + "\n")
                + "  derogation:\n    rule: " + rule + "\n    reviewer: " + reviewer + "\n    date: " + date
                + "\n    reason: Only ranks CVs for a recruiter who reads every application.");
        return this;
    }

    String yaml() {
        StringBuilder sb = new StringBuilder("""
                apiVersion: registry/v1
                kind: Model
                name: %s
                version: 1.0.0
                provider: internal
                owners: [team:ml-platform]
                """.formatted(name));
        if (!capabilities.isEmpty()) {
            sb.append("capabilities: [").append(String.join(", ", capabilities)).append("]\n");
        }
        if (!domains.isEmpty()) {
            sb.append("useDomains: [").append(String.join(", ", domains)).append("]\n");
        }
        if (!tags.isEmpty()) {
            sb.append("dataTags: [").append(String.join(", ", tags)).append("]\n");
        }
        extra.forEach(e -> sb.append(e).append('\n'));
        sb.append("lifecycle:\n  stage: ").append(stage).append('\n');
        return sb.toString();
    }

    String path() {
        return "models/" + name + "/1.0.0.yaml";
    }

    ModelCard build() {
        var r = new StrictYamlReader().read(path(), yaml().getBytes(StandardCharsets.UTF_8));
        if (!(r instanceof StrictYamlReader.Parsed p)) {
            throw new IllegalArgumentException("test card does not parse: " + ((StrictYamlReader.Rejected) r).finding() + "\n" + yaml());
        }
        return CardBinder.model(path(), p.document().root());
    }

    @Override
    public String toString() {
        return name + " " + capabilities + " " + domains + " " + tags;
    }
}
