package dev.registry.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.check.SchemaCatalog;
import dev.registry.risk.RiskEngine;
import dev.registry.risk.Vocabulary;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The values a registry already knows, to offer when prompting and to suggest from on a typo:
 * owners from owners.yaml, modalities from the schema, providers its cards use, regions its
 * deployments run in and its data residencies name, and
 * capabilities, use domains and data tags from the risk policy's vocabulary, those the registry
 * already uses first.
 */
public record KnownValues(List<String> owners, List<String> providers, List<String> modalities, List<String> capabilities,
                          List<String> useDomains, List<String> dataTags, List<String> regions) {

    public KnownValues {
        owners = List.copyOf(owners);
        providers = List.copyOf(providers);
        modalities = List.copyOf(modalities);
        capabilities = List.copyOf(capabilities);
        useDomains = List.copyOf(useDomains);
        dataTags = List.copyOf(dataTags);
        regions = List.copyOf(regions);
    }

    public static KnownValues of(Snapshot s, LocalDate today) {
        Vocabulary vocabulary = RiskEngine.of(s, today).policy().vocabulary();
        List<String> owners = new ArrayList<>();
        s.owners().teams().forEach(t -> owners.add("team:" + t.id()));
        s.owners().people().forEach(p -> owners.add(p.email()));
        List<String> modalities = new ArrayList<>();
        SchemaCatalog.get().node(SchemaCatalog.ID_PREFIX + "model.schema.json#/properties/modality/items/enum")
                .ifPresent(n -> n.forEach((JsonNode v) -> modalities.add(v.asText())));
        TreeSet<String> regions = new TreeSet<>(distinct(s.deployments(), (Deployment d) -> List.of(d.region())));
        regions.addAll(distinct(s.models(), ModelCard::dataResidency));
        return new KnownValues(owners,
                distinct(s.models(), m -> List.of(m.provider())),
                modalities,
                usedFirst(distinct(s.models(), ModelCard::capabilities), vocabulary.capabilities()),
                usedFirst(distinct(s.models(), ModelCard::useDomains), vocabulary.useDomains()),
                usedFirst(distinct(s.models(), ModelCard::dataTags), vocabulary.dataTags()),
                List.copyOf(regions));
    }

    /**
     * Whether a region asked for is one a deployment runs in or a data residency names, or an area
     * holding one ({@code eu} when {@code eu-west-1} is used). A typo such as {@code eu-wset-1} is
     * not, although it lies within a residency of {@code eu}: that is why it would match silently.
     */
    public boolean knowsRegion(String region) {
        Area asked = Area.of(region.strip());
        return regions.stream().anyMatch(asked::contains);
    }

    /** The regions used and the areas holding them, to suggest from on a typo. */
    public List<String> regionsAndAreas() {
        TreeSet<String> out = new TreeSet<>();
        for (String r : regions) {
            for (int dash = r.indexOf('-'); dash > 0; dash = r.indexOf('-', dash + 1)) {
                out.add(r.substring(0, dash));
            }
            out.add(r);
        }
        return List.copyOf(out);
    }

    private static List<String> usedFirst(List<String> used, Collection<String> vocabulary) {
        List<String> out = new ArrayList<>(used);
        new TreeSet<>(vocabulary).stream().filter(v -> !used.contains(v)).forEach(out::add);
        return List.copyOf(out);
    }

    private static <T> List<String> distinct(Collection<T> items, Function<T, List<String>> values) {
        TreeSet<String> out = new TreeSet<>();
        items.forEach(i -> values.apply(i).stream().filter(v -> !v.isEmpty()).forEach(out::add));
        return List.copyOf(out);
    }
}
