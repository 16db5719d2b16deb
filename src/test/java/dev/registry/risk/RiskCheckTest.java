package dev.registry.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.check.ValidationReport;
import dev.registry.check.Validator;
import dev.registry.finding.Finding;
import dev.registry.source.SnapshotReader;
import dev.registry.source.WorkingTreeSource;
import dev.registry.testing.Registries;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The risk rules of {@code registry validate}, through the Validator's default checks. */
class RiskCheckTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 15);

    @TempDir
    Path dir;

    private List<String> validate() {
        ValidationReport r = new Validator(DAY).validate(new SnapshotReader().read(new WorkingTreeSource(dir)));
        return r.findings().stream().map(RiskCheckTest::show).toList();
    }

    private static String show(Finding f) {
        return f.path() + ":" + f.line() + ":" + f.column() + ": " + f.severity().id() + ": " + f.message() + " [" + f.ruleId() + "]"
                + (f.hint().isEmpty() ? "" : " | " + f.hint()) + (f.related().isEmpty() ? "" : " related " + f.related());
    }

    private void card(Card c) {
        Registries.write(dir, c.path(), c.yaml());
    }

    @Test
    void unknownIdentifiersAreLocatedAtTheListItemWithASuggestion() {
        Registries.minimal(dir);
        card(Card.named("scanner").caps("classification", "emotion-recogntion", "annex-i-legislation", "annex-i-legislation:mdx")
                .domains("employmnet").tags("pii", "helth", "quantum-secrets"));
        assertEquals(List.of(
                "models/scanner/1.0.0.yaml:7:32: error: unknown capability `emotion-recogntion` [vocabulary-unknown]"
                        + " | did you mean `emotion-recognition`?",
                "models/scanner/1.0.0.yaml:7:52: error: unknown capability `annex-i-legislation` [vocabulary-unknown]"
                        + " | name it with its value: annex-i-legislation:<value>, where <value> is one of agricultural-forestry-vehicles,"
                        + " cableway-installations, civil-aviation, civil-aviation-security, drones, explosive-atmospheres,"
                        + " gas-appliances, ivdr, lifts, machinery, marine-equipment, mdr, motor-vehicles, personal-protective-equipment,"
                        + " pressure-equipment, radio-equipment, rail, recreational-craft, toys, two-three-wheel-vehicles",
                "models/scanner/1.0.0.yaml:7:73: error: unknown capability `annex-i-legislation:mdx` [vocabulary-unknown]"
                        + " | did you mean `annex-i-legislation:mdr`?",
                "models/scanner/1.0.0.yaml:8:14: error: unknown domain `employmnet` [vocabulary-unknown] | did you mean `employment`?",
                "models/scanner/1.0.0.yaml:9:17: error: unknown data tag `helth` [vocabulary-unknown] | did you mean `health`?",
                "models/scanner/1.0.0.yaml:9:24: error: unknown data tag `quantum-secrets` [vocabulary-unknown] | not in the policy"
                        + " vocabulary; if your organisation uses it, add it to policy.risk.vocabulary.dataTags in registry.yaml"),
                validate());
    }

    @Test
    void registryYamlExtendsTheVocabulary() {
        Registries.minimal(dir);
        Registries.write(dir, "registry.yaml", Registries.REGISTRY + "policy:\n  risk:\n    vocabulary:\n      dataTags: [quantum-secrets]\n");
        card(Card.named("vault").caps("classification").tags("quantum-secrets"));
        assertEquals(List.of(), validate());
    }

    @Test
    void aDeclaredTierBelowTheComputedOneIsAnErrorNamingTheRules() {
        Registries.minimal(dir);
        card(Card.named("cv-bot").caps("cv-filtering", "interacts-with-humans").domains("employment").tier("limited"));
        card(Card.named("spam").caps("classification").tier("high"));
        assertEquals(List.of("models/cv-bot/1.0.0.yaml:9:14: error: declared risk tier limited is below the computed tier high"
                + " given by H-4a (Annex III 4(a)) [risk-tier-understated] | declare risk.tier: high (only a signed Art 6(3)"
                + " derogation, risk.derogation, lowers a tier); `registry risk cv-bot@1.0.0 --explain` shows why"), validate());
    }

    @Test
    void anUnacceptableModelStaysExperimentalAndUndeployed() {
        Registries.minimal(dir);
        Card mood = Card.named("mood").caps("emotion-recognition").domains("workplace").tags("biometric");
        card(mood);
        assertEquals(List.of(), validate(), "an unacceptable model may exist as an experiment");
        card(mood.stage("staging"));
        Registries.write(dir, "deployments/mood-dev.yaml", """
                apiVersion: registry/v1
                kind: Deployment
                name: mood-dev
                model: mood
                version: 1.0.0
                environment: dev
                region: eu-west-1
                """);
        assertEquals(List.of(
                "deployments/mood-dev.yaml:5:10: error: deployment `mood-dev` runs mood@1.0.0, whose risk tier is unacceptable"
                        + " (P-f Art 5(1)(f)); a prohibited system is never deployed [risk-unacceptable-deployed] | remove the deployment;"
                        + " `registry risk mood@1.0.0 --explain` shows why related [models/mood/1.0.0.yaml]",
                "models/mood/1.0.0.yaml:11:10: error: mood@1.0.0 is staging although its risk tier is unacceptable (P-f Art 5(1)(f));"
                        + " a prohibited system never goes above experimental [risk-unacceptable-promoted] | move it back to"
                        + " experimental, or retire it"), validate());
    }

    @Test
    void aDeclaredUnacceptableTierCountsToo() {
        Registries.minimal(dir);
        card(Card.named("oddity").caps("classification").tier("unacceptable").stage("production"));
        assertEquals(List.of("models/oddity/1.0.0.yaml:10:10: error: oddity@1.0.0 is production although its risk tier is unacceptable"
                + " (declared on the card); a prohibited system never goes above experimental [risk-unacceptable-promoted]"
                + " | move it back to experimental, or retire it"), validate());
    }

    @Test
    void derogationProblemsAreLocated() {
        Registries.minimal(dir);
        card(DerogationTest.ranker().derogation("minimal", "H-4a", "alice@example.com", "2026-09-01"));
        assertEquals(List.of(
                "models/cv-ranker/1.0.0.yaml:11:9: error: declared risk tier minimal is below the computed tier high given by"
                        + " H-4a (Annex III 4(a)), D-63 (Art 6(3)-(4)) [risk-tier-understated] | declare risk.tier: high (only a signed"
                        + " Art 6(3) derogation, risk.derogation, lowers a tier); `registry risk cv-ranker@1.0.0 --explain` shows why",
                "models/cv-ranker/1.0.0.yaml:14:15: error: reviewer `alice@example.com` does not hold a risk role (risk-officer);"
                        + " their roles: model-owner; the tier stays high [derogation-reviewer] | ask a person with the role"
                        + " risk-officer to review and sign the derogation related [owners.yaml]"), validate());

        card(DerogationTest.ranker().derogation("minimal", "H-4a", "carol@example.com", "2026-09-01"));
        assertEquals(List.of(), validate(), "signed by the risk officer, the minimal tier stands");
    }

    @Test
    void policyErrorsInRegistryYamlAreReported() {
        Registries.minimal(dir);
        Registries.write(dir, "registry.yaml", Registries.REGISTRY + "policy:\n  risk:\n    disable: [T-5]\n");
        assertEquals(List.of("registry.yaml:6:15: error: no rule `T-5` in the policy [policy-rule-unknown] | did you mean `T-1`?"),
                validate());
    }
}
