package dev.registry.risk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.card.ModelCard;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a model card says that rules can test, plus the rules that already fired (for rules that
 * refer to others).
 */
public record Facts(Set<String> capabilities, Set<String> domains, Set<String> dataTags, Set<String> modality,
                    String provider, OptionalDouble trainingComputeFlop, Set<String> fired) {

    public Facts {
        capabilities = Set.copyOf(capabilities);
        domains = Set.copyOf(domains);
        dataTags = Set.copyOf(dataTags);
        modality = Set.copyOf(modality);
        fired = Set.copyOf(fired);
    }

    public static Facts of(ModelCard card) {
        JsonNode flop = card.document().path("lineage").path("trainingComputeFlop");
        return new Facts(Set.copyOf(card.capabilities()), Set.copyOf(card.useDomains()), Set.copyOf(card.dataTags()),
                Set.copyOf(card.modality()), card.provider(),
                flop.isNumber() ? OptionalDouble.of(flop.doubleValue()) : OptionalDouble.empty(), Set.of());
    }

    public Facts withFired(Set<String> ruleIds) {
        return new Facts(capabilities, domains, dataTags, modality, provider, trainingComputeFlop, ruleIds);
    }

    /**
     * Whether the field holds the value. A capability term without a value matches the capability
     * with any value: {@code annex-i-legislation} matches {@code annex-i-legislation:mdr}.
     */
    public boolean has(Condition.Field field, String value) {
        return switch (field) {
            case CAPABILITY -> capabilities.contains(value)
                    || (value.indexOf(':') < 0 && capabilities.stream().anyMatch(c -> c.startsWith(value + ":")));
            case DOMAIN -> domains.contains(value);
            case DATA_TAG -> dataTags.contains(value);
            case MODALITY -> modality.contains(value);
            case PROVIDER -> provider.equals(value);
        };
    }
}
