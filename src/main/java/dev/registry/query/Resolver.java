package dev.registry.query;

import dev.registry.card.Deployment;
import dev.registry.card.Environment;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.RiskTier;
import dev.registry.card.SemVer;
import dev.registry.card.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code resolve}: which model version an application should call for a capability.
 *
 * <p>A candidate is any version listing the capability (a name without value matches valued ones).
 * It qualifies when it is in production, comes from the provider asked for, may process data in
 * the region asked for, and, when an environment is asked for, runs there (in the region, when
 * one is asked for). Data residency: a region is allowed when one of the card's
 * {@code compliance.dataResidency} entries is that region or an area holding it ({@link Area}:
 * {@code eu-west-1} is allowed by {@code eu-west-1}, {@code eu-west} or {@code eu}); a card that
 * declares no residency is not placed in any requested region, since nothing says its data may go
 * there.
 *
 * <p>Among qualifying versions the answer is the primary one: a version that is not the fallback
 * of another qualifying version, then the highest SemVer, then the model name. Its fallback chain
 * follows {@code fallbacks} depth-first (each fallback's own fallbacks after it), without
 * repeats; a fallback is usable when it passes the same checks, where deprecated counts as well as
 * production (it still runs until retired).
 */
public final class Resolver {

    private final ModelQuery query;

    public Resolver(ModelQuery query) {
        this.query = query;
    }

    /** What is asked for. */
    public record Request(String capability, Optional<String> region, Optional<Environment> environment,
                          Optional<String> provider) {
    }

    /** A version considered, with why it was not chosen (nothing when it was). */
    public record Candidate(ModelCard card, RiskTier tier, List<Deployment> deployments, List<String> reasons) {
        public Candidate {
            deployments = List.copyOf(deployments);
            reasons = List.copyOf(reasons);
        }

        public boolean qualifies() {
            return reasons.isEmpty();
        }
    }

    /** One step of the fallback chain; {@code card} is empty when the registry lacks the version. */
    public record Fallback(ModelRef ref, Optional<Candidate> card, List<String> reasons) {
        public Fallback {
            reasons = List.copyOf(reasons);
        }

        public boolean usable() {
            return reasons.isEmpty();
        }
    }

    /**
     * The answer: the chosen version (empty when nothing qualifies), its fallback chain, and every
     * other candidate with why it was not chosen.
     */
    public record Resolution(Request request, Optional<Candidate> chosen, List<Fallback> fallbacks, List<Candidate> others) {
        public Resolution {
            fallbacks = List.copyOf(fallbacks);
            others = List.copyOf(others);
        }
    }

    public Resolution resolve(Request request) {
        List<Candidate> all = new ArrayList<>();
        for (ModelCard m : query.snapshot().models()) {
            if (hasCapability(m, request.capability())) {
                all.add(check(m, request, Set.of(Stage.PRODUCTION)));
            }
        }
        List<Candidate> qualifying = all.stream().filter(Candidate::qualifies).toList();
        Set<ModelRef> fallbackOfQualifying = new HashSet<>();
        qualifying.forEach(c -> c.card().fallbacks().forEach(f -> ModelRef.parse(f).ifPresent(fallbackOfQualifying::add)));
        Comparator<Candidate> rank = Comparator
                .comparing((Candidate c) -> fallbackOfQualifying.contains(c.card().ref()))
                .thenComparing(c -> c.card().semVer().orElse(null), Comparator.nullsLast(Comparator.<SemVer>reverseOrder()))
                .thenComparing(c -> c.card().name());
        Optional<Candidate> chosen = qualifying.stream().min(rank);
        List<Candidate> others = new ArrayList<>();
        for (Candidate c : all) {
            if (chosen.isPresent() && c == chosen.get()) {
                continue;
            }
            if (c.qualifies()) {
                ModelCard best = chosen.orElseThrow().card();
                String why = fallbackOfQualifying.contains(c.card().ref()) ? "qualifies, but it is a fallback of another qualifying version"
                        : c.card().name().equals(best.name()) ? "qualifies, but " + best.ref() + " is newer"
                        : "qualifies, but ranks below " + best.ref() + " (by version, then name)";
                others.add(new Candidate(c.card(), c.tier(), c.deployments(), List.of(why)));
            } else {
                others.add(c);
            }
        }
        others.sort(Comparator.comparing(Candidate::card, ModelQuery.ORDER));
        List<Fallback> chain = chosen.map(c -> chain(c.card(), request)).orElse(List.of());
        return new Resolution(request, chosen, chain, others);
    }

    private List<Fallback> chain(ModelCard start, Request request) {
        List<Fallback> out = new ArrayList<>();
        Set<ModelRef> seen = new LinkedHashSet<>();
        seen.add(start.ref());
        follow(start, request, seen, out);
        return out;
    }

    private void follow(ModelCard from, Request request, Set<ModelRef> seen, List<Fallback> out) {
        for (String f : from.fallbacks()) {
            Optional<ModelRef> ref = ModelRef.parse(f);
            if (ref.isEmpty() || !seen.add(ref.get())) {
                continue;
            }
            Optional<ModelCard> card = query.snapshot().model(ref.get());
            if (card.isEmpty()) {
                out.add(new Fallback(ref.get(), Optional.empty(), List.of("not in the registry")));
                continue;
            }
            Candidate c = check(card.get(), request, Set.of(Stage.PRODUCTION, Stage.DEPRECATED));
            List<String> reasons = new ArrayList<>(c.reasons());
            if (!hasCapability(card.get(), request.capability())) {
                reasons.add(0, "does not list capability `" + request.capability() + "`");
            }
            out.add(new Fallback(ref.get(), Optional.of(c), reasons));
            follow(card.get(), request, seen, out);
        }
    }

    private Candidate check(ModelCard m, Request request, Set<Stage> stages) {
        List<String> reasons = new ArrayList<>();
        if (!stages.contains(m.stage())) {
            reasons.add("stage is " + m.stage() + ", not " + String.join(" or ", stages.stream().map(Stage::id).sorted().toList()));
        }
        request.provider().filter(p -> !p.equals(m.provider()))
                .ifPresent(p -> reasons.add("provider is " + m.provider() + ", not " + p));
        request.region().ifPresent(r -> {
            if (m.dataResidency().isEmpty()) {
                reasons.add("declares no compliance.dataResidency, so nothing allows its data in " + r);
            } else if (m.dataResidency().stream().noneMatch(a -> Area.of(a).contains(r))) {
                reasons.add("data residency " + String.join(", ", m.dataResidency()) + " does not allow " + r);
            }
        });
        List<Deployment> deployments = query.snapshot().deploymentsOf(m.ref());
        List<Deployment> where = deployments.stream()
                .filter(d -> request.environment().map(e -> d.environment().map(e::equals).orElse(false)).orElse(true))
                .filter(d -> request.region().map(r -> Area.of(r).contains(d.region())).orElse(true))
                .toList();
        request.environment().ifPresent(e -> {
            if (where.isEmpty()) {
                reasons.add("no " + e + " deployment" + request.region().map(r -> " in " + r).orElse(""));
            }
        });
        RiskTier tier = query.risk(m).effective();
        if (tier == RiskTier.UNACCEPTABLE) {
            reasons.add("risk tier is unacceptable");
        }
        return new Candidate(m, tier, where, reasons);
    }

    private static boolean hasCapability(ModelCard m, String capability) {
        return m.capabilities().stream().anyMatch(c -> c.equals(capability) || c.startsWith(capability + ":"));
    }
}
