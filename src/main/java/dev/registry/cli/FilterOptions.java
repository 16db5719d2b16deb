package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.card.Environment;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.check.NearestName;
import dev.registry.query.Area;
import dev.registry.query.KnownValues;
import dev.registry.query.ModelFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The query filters shared by {@code list} and {@code export}: each option takes comma-separated
 * or repeated values, which are alternatives; different options narrow each other.
 */
public final class FilterOptions {

    @Option(names = "--provider", paramLabel = "<provider>", split = ",", description = "Keep these providers.")
    List<String> providers = new ArrayList<>();

    @Option(names = "--capability", paramLabel = "<capability>", split = ",",
            description = "Keep versions with one of these capabilities.")
    List<String> capabilities = new ArrayList<>();

    @Option(names = "--stage", paramLabel = "<stage>", split = ",",
            description = "Keep these lifecycle stages: experimental, staging, production, deprecated, retired.")
    List<String> stages = new ArrayList<>();

    @Option(names = "--tier", paramLabel = "<tier>", split = ",",
            description = "Keep these effective risk tiers: minimal, limited, high, unacceptable.")
    List<String> tiers = new ArrayList<>();

    @Option(names = "--owner", paramLabel = "<owner>", split = ",",
            description = "Keep versions owned by team:<id> or an email (a person also matches their teams' models).")
    List<String> owners = new ArrayList<>();

    @Option(names = "--data-tag", paramLabel = "<tag>", split = ",", description = "Keep versions touching one of these data tags.")
    List<String> dataTags = new ArrayList<>();

    @Option(names = "--region", paramLabel = "<region>", split = ",",
            description = "Keep what runs within a region or area: eu matches eu-west-1.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--env", paramLabel = "<env>", split = ",", description = "Keep what runs in dev, stage or prod.")
    List<String> environments = new ArrayList<>();

    /** The domain filter; unknown stage, tier or environment names are usage errors with a suggestion. */
    public ModelFilter filter() {
        return new ModelFilter(Set.copyOf(providers), Set.copyOf(capabilities),
                parse(stages, "--stage", Stage::parse, Arrays.stream(Stage.values()).map(Stage::id).toList()),
                parse(tiers, "--tier", RiskTier::parse, Arrays.stream(RiskTier.values()).map(RiskTier::id).toList()),
                Set.copyOf(owners), Set.copyOf(dataTags),
                Set.copyOf(regions.stream().map(Area::of).toList()),
                parse(environments, "--env", Environment::parse, Arrays.stream(Environment.values()).map(Environment::id).toList()));
    }

    /**
     * Why a filter may have matched nothing: values the registry does not know (a capability or
     * data tag outside its vocabulary, a provider no card names, an owner owners.yaml does not
     * define, a region no deployment or data residency names), each with the nearest known one.
     */
    List<String> unknownValues(KnownValues known, Set<String> aliases) {
        List<String> notes = new ArrayList<>();
        for (String v : capabilities) {
            unknown(v, known.capabilities(), "`" + v + "` is not a capability of the vocabulary").ifPresent(notes::add);
        }
        for (String v : dataTags) {
            unknown(v, known.dataTags(), "`" + v + "` is not a data tag of the vocabulary").ifPresent(notes::add);
        }
        providers.forEach(v -> unknownProvider(v, known).ifPresent(notes::add));
        for (String v : owners) {
            if (!aliases.contains(v.strip().toLowerCase(java.util.Locale.ROOT))) {
                unknown(v, known.owners(), "owner `" + v + "` is not defined in owners.yaml").ifPresent(notes::add);
            }
        }
        regions.forEach(v -> unknownRegion(v, known).ifPresent(notes::add));
        return notes;
    }

    /** The note for a provider no card names, with the nearest known one. */
    static Optional<String> unknownProvider(String provider, KnownValues known) {
        return unknown(provider, known.providers(), "no card names provider `" + provider + "`");
    }

    /** The note for a region no deployment or data residency names (nor an area of one), with the nearest known one. */
    static Optional<String> unknownRegion(String region, KnownValues known) {
        if (known.knowsRegion(region)) {
            return Optional.empty();
        }
        String hint = NearestName.didYouMean(region.strip(), known.regionsAndAreas());
        return Optional.of("no deployment or data residency names region `" + region + "`" + (hint.isEmpty() ? "" : "; " + hint));
    }

    /** The note for a value outside {@code known}, with the nearest known one; empty when it is known. */
    private static Optional<String> unknown(String value, List<String> known, String note) {
        if (known.contains(value.strip())) {
            return Optional.empty();
        }
        String hint = NearestName.didYouMean(value.strip(), known);
        return Optional.of(note + (hint.isEmpty() ? "" : "; " + hint));
    }

    private static <T> Set<T> parse(List<String> values, String option, Function<String, Optional<T>> parser, List<String> known) {
        Set<T> out = new LinkedHashSet<>();
        for (String v : values) {
            out.add(parser.apply(v.strip()).orElseThrow(() -> {
                String hint = NearestName.didYouMean(v, known);
                return new UsageException(option + " `" + v + "` is not one of " + String.join(", ", known)
                        + (hint.isEmpty() ? "" : "; " + hint));
            }));
        }
        return out;
    }
}
