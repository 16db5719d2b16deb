package dev.registry.risk;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The identifiers cards may use for capabilities, use domains and data tags. A capability with a
 * value is listed in full ({@code annex-i-legislation:mdr}); conditions may name it without the
 * value to mean any of them.
 */
public record Vocabulary(Set<String> capabilities, Set<String> useDomains, Set<String> dataTags) {

    public Vocabulary {
        capabilities = Set.copyOf(capabilities);
        useDomains = Set.copyOf(useDomains);
        dataTags = Set.copyOf(dataTags);
    }

    public static Vocabulary empty() {
        return new Vocabulary(Set.of(), Set.of(), Set.of());
    }

    /** Both vocabularies together. */
    public Vocabulary plus(Vocabulary other) {
        return new Vocabulary(union(capabilities, other.capabilities), union(useDomains, other.useDomains),
                union(dataTags, other.dataTags));
    }

    /** The identifiers of one card field, sorted (for suggestions). */
    public List<String> of(Condition.Field field) {
        Set<String> set = switch (field) {
            case CAPABILITY -> capabilities;
            case DOMAIN -> useDomains;
            case DATA_TAG -> dataTags;
            case MODALITY, PROVIDER -> Set.of();
        };
        return List.copyOf(new TreeSet<>(set));
    }

    /** Whether a card may carry this value in the field. */
    public boolean knows(Condition.Field field, String value) {
        return switch (field) {
            case CAPABILITY -> capabilities.contains(value);
            case DOMAIN -> useDomains.contains(value);
            case DATA_TAG -> dataTags.contains(value);
            case MODALITY, PROVIDER -> true; // the card schema and registry govern these
        };
    }

    /** Whether a condition may test the value: a known identifier, or a valued capability's name alone. */
    public boolean knowsTerm(Condition.Field field, String value) {
        return knows(field, value) || (field == Condition.Field.CAPABILITY && !valuesOf(value).isEmpty());
    }

    /** The values a valued capability takes: {@code annex-i-legislation} → mdr, ivdr, ... */
    public List<String> valuesOf(String capability) {
        String prefix = capability + ":";
        return capabilities.stream().filter(c -> c.startsWith(prefix)).map(c -> c.substring(prefix.length())).sorted().toList();
    }

    private static Set<String> union(Collection<String> a, Collection<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
