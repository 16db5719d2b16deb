package dev.registry.risk;

import dev.registry.card.ModelCard;
import dev.registry.card.SemVer;
import dev.registry.finding.Finding;
import dev.registry.source.RegistryFile;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The risk view of a registry, the service behind {@code registry risk}: the policy in force, what
 * is wrong with it, and an evaluation of each selected model version.
 *
 * @param policyProblems  errors in registry.yaml's policy.risk; while there are any, tiers cannot be trusted
 * @param cardProblems    unknown vocabulary on the selected cards, which can hide a rule
 * @param evaluations     one per selected model version, by name then version
 */
public record RiskInventory(RiskEngine engine, List<Finding> policyProblems, List<Finding> cardProblems,
                            List<Evaluation> evaluations) {

    /** Orders model versions by name, then SemVer precedence; unparseable versions last. */
    public static final Comparator<ModelCard> ORDER = Comparator.comparing(ModelCard::name)
            .thenComparing(m -> m.semVer().orElse(null), Comparator.nullsLast(Comparator.<SemVer>naturalOrder()))
            .thenComparing(ModelCard::version);

    public RiskInventory {
        policyProblems = List.copyOf(policyProblems);
        cardProblems = List.copyOf(cardProblems);
        evaluations = List.copyOf(evaluations);
    }

    /** Evaluates the given model versions of the snapshot under its policy, as of {@code today}. */
    public static RiskInventory of(Snapshot snapshot, List<ModelCard> models, LocalDate today) {
        Optional<RegistryFile> registryYaml = Optional.ofNullable(snapshot.files().get("registry.yaml"));
        PolicyReader.Loaded loaded = PolicyReader.forRegistry(registryYaml);
        List<Finding> policyProblems = new ArrayList<>(PolicyReader.schemaFindings(registryYaml));
        policyProblems.addAll(loaded.findings());
        RiskEngine engine = RiskEngine.of(loaded.policy(), snapshot.owners(), today);
        List<Finding> cardProblems = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        for (ModelCard m : models.stream().sorted(ORDER).toList()) {
            cardProblems.addAll(RiskCheck.vocabulary(m, snapshot.files().get(m.path()).document(), loaded.policy().vocabulary()));
            evaluations.add(engine.evaluate(m));
        }
        return new RiskInventory(engine, policyProblems.stream().sorted(Finding.ORDER).toList(), cardProblems, evaluations);
    }
}
