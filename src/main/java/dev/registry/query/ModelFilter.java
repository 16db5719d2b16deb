package dev.registry.query;

import dev.registry.card.Environment;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import java.util.Set;

/**
 * Which model versions (or deployments) a query keeps: shared by {@code list} and {@code export}.
 * Each criterion holds the values asked for; an empty one keeps everything. A version is kept
 * when it matches any value of every non-empty criterion (values of one option are alternatives,
 * options narrow each other).
 *
 * @param providers    the card's provider
 * @param capabilities a capability on the card; a name without value matches valued ones
 *                     ({@code annex-i-legislation} matches {@code annex-i-legislation:mdr})
 * @param stages       the lifecycle stage
 * @param tiers        the effective risk tier (the higher of declared and computed)
 * @param owners       an owner of the card, {@code team:<id>} or an email; an email also matches
 *                     the cards of the teams that person is a member of
 * @param dataTags     a data tag on the card
 * @param regions      areas: a model is kept when one of its deployments runs within one of
 *                     them (see {@link Area}); a deployment when it runs within one
 * @param environments a model is kept when one of its deployments runs there; with regions too,
 *                     the same deployment must satisfy both
 */
public record ModelFilter(Set<String> providers, Set<String> capabilities, Set<Stage> stages, Set<RiskTier> tiers,
                          Set<String> owners, Set<String> dataTags, Set<Area> regions, Set<Environment> environments) {

    public ModelFilter {
        providers = Set.copyOf(providers);
        capabilities = Set.copyOf(capabilities);
        stages = Set.copyOf(stages);
        tiers = Set.copyOf(tiers);
        owners = Set.copyOf(owners);
        dataTags = Set.copyOf(dataTags);
        regions = Set.copyOf(regions);
        environments = Set.copyOf(environments);
    }

    /** The filter that keeps everything. */
    public static ModelFilter all() {
        return new ModelFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** Whether the filter needs deployments to decide (region or environment criteria). */
    public boolean needsDeployments() {
        return !regions.isEmpty() || !environments.isEmpty();
    }
}
