package dev.registry.risk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.card.Deployment;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.check.Check;
import dev.registry.finding.Finding;
import dev.registry.source.RegistryFile;
import dev.registry.source.Snapshot;
import dev.registry.source.YamlDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The risk rules of validation: the policy in registry.yaml makes sense, cards use the policy's
 * vocabulary, no card claims a lower tier than the rules give, derogations are properly signed,
 * and prohibited systems stay experimental and undeployed.
 */
public final class RiskCheck implements Check {

    private static final Set<Stage> ABOVE_EXPERIMENTAL = Set.of(Stage.STAGING, Stage.PRODUCTION, Stage.DEPRECATED);

    private final LocalDate today;

    /** @param today the day rules' effective dates and derogation dates are judged on */
    public RiskCheck(LocalDate today) {
        this.today = today;
    }

    @Override
    public List<Finding> run(Snapshot s) {
        PolicyReader.Loaded loaded = PolicyReader.forRegistry(Optional.ofNullable(s.files().get("registry.yaml")));
        List<Finding> out = new ArrayList<>(loaded.findings());
        RiskEngine engine = RiskEngine.of(loaded.policy(), s.owners(), today);
        Map<ModelRef, Evaluation> byRef = new HashMap<>();
        for (ModelCard m : s.models()) {
            YamlDocument doc = s.files().get(m.path()).document();
            out.addAll(vocabulary(m, doc, loaded.policy().vocabulary()));
            Evaluation e = engine.evaluate(m);
            byRef.putIfAbsent(m.ref(), e);
            tiers(m, doc, e.assessment(), out);
            for (Evaluation.Problem p : e.problems()) {
                Finding f = new Finding(p.ruleId(), p.severity(), m.path(), doc.valueAt(p.pointer()).line(),
                        doc.valueAt(p.pointer()).column(), p.pointer(), p.message(), p.hint(), List.of());
                out.add(p.ruleId().equals("derogation-reviewer") ? f.withRelated(List.of("owners.yaml")) : f);
            }
        }
        for (Deployment d : s.deployments()) {
            Evaluation e = byRef.get(d.modelRef());
            if (e != null && e.assessment().effective() == RiskTier.UNACCEPTABLE) {
                RegistryFile f = s.files().get(d.path());
                out.add(Finding.error("risk-unacceptable-deployed", d.path(), f.document().valueAt("/version"), "/version",
                        "deployment `" + d.name() + "` runs " + d.modelRef() + ", whose risk tier is unacceptable ("
                                + prohibitedBasis(e.assessment()) + "); a prohibited system is never deployed",
                        "remove the deployment; `registry risk " + d.modelRef() + " --explain` shows why")
                        .withRelated(List.of(e.card().path())));
            }
        }
        return out;
    }

    /** Unknown capabilities, use domains and data tags, each located at its list item. */
    public static List<Finding> vocabulary(ModelCard m, YamlDocument doc, Vocabulary vocabulary) {
        List<Finding> out = new ArrayList<>();
        for (Condition.Field field : List.of(Condition.Field.CAPABILITY, Condition.Field.DOMAIN, Condition.Field.DATA_TAG)) {
            String key = field == Condition.Field.DOMAIN ? "useDomains" : PolicyReader.vocabularyKey(field);
            JsonNode list = m.document().path(key);
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (!item.isTextual() || vocabulary.knows(field, item.textValue())) {
                    continue; // non-strings are the schema's to report
                }
                String value = item.textValue();
                String ptr = "/" + key + "/" + i;
                List<String> values = field == Condition.Field.CAPABILITY ? vocabulary.valuesOf(value) : List.of();
                String hint = !values.isEmpty()
                        ? "name it with its value: " + value + ":<value>, where <value> is one of " + String.join(", ", values)
                        : PolicyReader.suggestion(value, vocabulary.of(field), "not in the policy vocabulary; if your organisation"
                                + " uses it, add it to policy.risk.vocabulary." + PolicyReader.vocabularyKey(field) + " in registry.yaml");
                out.add(Finding.error("vocabulary-unknown", m.path(), doc.valueAt(ptr), ptr,
                        "unknown " + field.label() + " `" + value + "`", hint));
            }
        }
        return out;
    }

    private static void tiers(ModelCard m, YamlDocument doc, RiskAssessment a, List<Finding> out) {
        if (a.understated()) {
            RiskTier declared = a.declared().orElseThrow();
            String above = a.rules().stream().filter(r -> r.tier().compareTo(declared) > 0)
                    .map(r -> r.id() + " (" + r.basis() + ")").collect(Collectors.joining(", "));
            out.add(Finding.error("risk-tier-understated", m.path(), doc.valueAt("/risk/tier"), "/risk/tier",
                    "declared risk tier " + declared + " is below the computed tier " + a.computed() + " given by " + above,
                    "declare risk.tier: " + a.computed() + " (only a signed Art 6(3) derogation, risk.derogation, lowers a tier);"
                            + " `registry risk " + m.ref() + " --explain` shows why"));
        }
        if (a.effective() == RiskTier.UNACCEPTABLE && ABOVE_EXPERIMENTAL.contains(m.stage())) {
            out.add(Finding.error("risk-unacceptable-promoted", m.path(), doc.valueAt("/lifecycle/stage"), "/lifecycle/stage",
                    m.ref() + " is " + m.stage() + " although its risk tier is unacceptable (" + prohibitedBasis(a)
                            + "); a prohibited system never goes above experimental",
                    "move it back to experimental, or retire it"));
        }
    }

    private static String prohibitedBasis(RiskAssessment a) {
        String rules = a.rules().stream().filter(r -> r.tier() == RiskTier.UNACCEPTABLE)
                .map(r -> r.id() + " " + r.basis()).collect(Collectors.joining(", "));
        return rules.isEmpty() ? "declared on the card" : rules;
    }
}
