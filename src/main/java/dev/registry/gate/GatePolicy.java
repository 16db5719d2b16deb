package dev.registry.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.card.RegistryConfig;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.source.CardBinder;
import dev.registry.source.Snapshot;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The promotion gates in force for a registry: the built-in seed rules, with whatever
 * {@code policy.gates} in registry.yaml changes. A gate named like a built-in one (sandbox,
 * production, regulated) starts from the built-in and replaces the fields it sets; any other name
 * is a new gate and must say which {@code stage} it guards.
 *
 * <p>Evidence, fields and evaluations add up along the way: reaching production also needs what
 * the staging gates ask for. Approvals are per target stage: only the gates that guard the stage
 * being entered ask for approvals, and only approvals recorded for that stage count.
 */
public record GatePolicy(List<Gate> gates) {

    /** Built-in gates: sandbox for staging, production for production, regulated on top for high risk. */
    static final String DEFAULTS = """
            {
              "sandbox": {
                "stage": "staging",
                "evidence": ["dataBoundary", "safetyChecks"],
                "evaluations": {"minPassed": 0},
                "approvals": {"min": 0, "roles": [], "ownersMayApprove": true}
              },
              "production": {
                "stage": "production",
                "evidence": ["benchmarks", "privacyReview", "rollbackPlan"],
                "evaluations": {"minPassed": 1, "maxAgeDays": 180},
                "approvals": {"min": 1, "roles": ["risk-officer"], "ownersMayApprove": false}
              },
              "regulated": {
                "stage": "production",
                "tiers": ["high"],
                "evidence": ["redTeam", "evidencePack"],
                "approvals": {"min": 2, "roles": ["risk-officer", "privacy-officer"], "ownersMayApprove": false}
              }
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    public GatePolicy {
        gates = List.copyOf(gates);
    }

    /** The built-in policy, as used when registry.yaml says nothing about gates. */
    public static GatePolicy defaults() {
        return fromGates(MissingNode.getInstance());
    }

    /** The policy in force in a snapshot: its registry.yaml, or the defaults when there is none. */
    public static GatePolicy of(Snapshot snapshot) {
        return fromGates(snapshot.config().map(RegistryConfig::document)
                .map(d -> d.path("policy").path("gates")).orElse(MissingNode.getInstance()));
    }

    /** The policy from the {@code policy.gates} node of a registry.yaml (missing: the defaults). */
    public static GatePolicy fromGates(JsonNode gates) {
        ObjectNode merged = defaultTree();
        if (gates.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = gates.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isObject()) {
                    continue;
                }
                JsonNode base = merged.get(e.getKey());
                merged.set(e.getKey(), base == null ? e.getValue().deepCopy() : overlay((ObjectNode) base.deepCopy(), e.getValue()));
            }
        }
        List<Gate> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = merged.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            bind(e.getKey(), e.getValue()).ifPresent(out::add);
        }
        return new GatePolicy(out);
    }

    /** Whether a gate of this name has a built-in definition. */
    public static boolean isBuiltIn(String name) {
        return defaultTree().has(name);
    }

    /** Every gate whose evidence, fields and evaluations a promotion to {@code target} must meet. */
    public List<Gate> gatesFor(Stage target, RiskTier tier) {
        requirePromotable(target);
        return gates.stream().filter(g -> g.stage().ordinal() <= target.ordinal() && g.appliesTo(tier)).toList();
    }

    /** The gates whose approval rules a promotion to {@code target} must meet. */
    public List<Gate> approvalGatesFor(Stage target, RiskTier tier) {
        requirePromotable(target);
        return gates.stream().filter(g -> g.stage() == target && g.appliesTo(tier)).toList();
    }

    public Optional<Gate> gate(String name) {
        return gates.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** Stages a gate can guard: the ones a version is promoted to. */
    public static boolean isPromotionTarget(Stage s) {
        return s == Stage.STAGING || s == Stage.PRODUCTION;
    }

    private static void requirePromotable(Stage target) {
        if (!isPromotionTarget(target)) {
            throw new IllegalArgumentException("not a promotion target: " + target);
        }
    }

    private static ObjectNode defaultTree() {
        try {
            return (ObjectNode) JSON.readTree(DEFAULTS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Objects merge key by key; anything else the registry sets replaces the default. */
    private static ObjectNode overlay(ObjectNode base, JsonNode over) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode current = base.get(e.getKey());
            if (current != null && current.isObject() && e.getValue().isObject()) {
                base.set(e.getKey(), overlay((ObjectNode) current, e.getValue()));
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return base;
    }

    /** A gate without a stage it can guard cannot apply; the policy check reports it. */
    private static Optional<Gate> bind(String name, JsonNode n) {
        Optional<Stage> stage = Stage.parse(CardBinder.text(n.path("stage"))).filter(GatePolicy::isPromotionTarget);
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        Set<RiskTier> tiers = EnumSet.noneOf(RiskTier.class);
        CardBinder.strings(n.path("tiers")).forEach(t -> RiskTier.parse(t).ifPresent(tiers::add));
        JsonNode ev = n.path("evaluations");
        JsonNode maxAge = ev.path("maxAgeDays");
        EvaluationRule evaluations = new EvaluationRule(count(ev.path("minPassed"), 0),
                maxAge.isIntegralNumber() && maxAge.intValue() > 0 ? OptionalInt.of(maxAge.intValue()) : OptionalInt.empty(),
                CardBinder.strings(ev.path("suites")));
        JsonNode ap = n.path("approvals");
        JsonNode owners = ap.path("ownersMayApprove");
        ApprovalRule approvals = new ApprovalRule(count(ap.path("min"), 0), CardBinder.strings(ap.path("roles")),
                owners.isBoolean() && owners.booleanValue());
        return Optional.of(new Gate(name, stage.get(), tiers, CardBinder.strings(n.path("fields")),
                CardBinder.strings(n.path("evidence")), evaluations, approvals));
    }

    private static int count(JsonNode n, int otherwise) {
        return n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 0 ? n.intValue() : otherwise;
    }
}
