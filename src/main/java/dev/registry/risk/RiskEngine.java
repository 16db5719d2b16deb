package dev.registry.risk;

import dev.registry.card.ModelCard;
import dev.registry.card.Owners;
import dev.registry.card.RiskTier;
import dev.registry.finding.Severity;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes tiers from the policy in force for a snapshot (default EU AI Act policy +
 * registry.yaml additions). The tier is the highest any in-force rule gives, minimal when none
 * does; transparency duties, needs-review cases and GPAI flags are reported beside it.
 */
public final class RiskEngine {

    private final Policy policy;
    private final Owners owners;
    private final LocalDate today;
    private final Map<Facts, Judgement> judged = new java.util.concurrent.ConcurrentHashMap<>();

    private RiskEngine(Policy policy, Owners owners, LocalDate today) {
        this.policy = policy;
        this.owners = owners;
        this.today = today;
    }

    /** The engine for a snapshot: its registry.yaml's policy, its owners (who may sign derogations). */
    public static RiskEngine of(Snapshot snapshot, LocalDate today) {
        return of(PolicyReader.forRegistry(Optional.ofNullable(snapshot.files().get("registry.yaml"))).policy(),
                snapshot.owners(), today);
    }

    /** The engine for a given policy, for comparing policies or testing one. */
    public static RiskEngine of(Policy policy, Owners owners, LocalDate today) {
        return new RiskEngine(policy, owners, today);
    }

    public Policy policy() {
        return policy;
    }

    public LocalDate today() {
        return today;
    }

    /** The model's tiers, rules, duties, review cases and flags. */
    public RiskAssessment assess(ModelCard model) {
        return evaluate(model).assessment();
    }

    /** The assessment with every rule's outcome and the derogation's problems. */
    public Evaluation evaluate(ModelCard card) {
        Facts facts = Facts.of(card);
        Optional<Derogation> derogation = Derogation.of(card);
        // Without a derogation, everything but the card's own name and declared tier follows from
        // its facts, which many cards share (the versions of one model, models of one kind): at
        // 10,000 cards, judging each set of facts once is most of the risk check's time.
        Judgement j = derogation.isEmpty()
                ? judged.computeIfAbsent(facts, f -> judge(f, Optional.empty()))
                : judge(facts, derogation);
        RiskTier effective = card.declaredTier().filter(d -> d.compareTo(j.computed()) > 0).orElse(j.computed());
        RiskAssessment assessment = new RiskAssessment(card.ref(), card.declaredTier(), j.computed(), effective, j.rules(),
                j.obligations(), j.needsReview(), j.flags());
        return new Evaluation(card, assessment, j.outcomes(), derogation, j.problems());
    }

    /** What the policy says about a set of facts and a derogation, before it is put on a card. */
    private record Judgement(RiskTier computed, List<RuleMatch> rules, List<Obligation> obligations, List<String> needsReview,
                             List<String> flags, List<RuleOutcome> outcomes, List<Evaluation.Problem> problems) {
        Judgement {
            rules = List.copyOf(rules);
            obligations = List.copyOf(obligations);
            needsReview = List.copyOf(needsReview);
            flags = List.copyOf(flags);
            outcomes = List.copyOf(outcomes);
            problems = List.copyOf(problems);
        }
    }

    private Judgement judge(Facts facts, Optional<Derogation> derogation) {
        Map<String, Trace> traces = new LinkedHashMap<>();
        Set<String> fired = new LinkedHashSet<>();
        // Tier and obligation rules first: the others may test which of them fired.
        for (Rule r : policy.rules()) {
            if (r.kind().primary()) {
                Trace t = r.when().orElseThrow().evaluate(facts);
                traces.put(r.id(), t);
                if (t.holds() && r.inForce(today)) {
                    fired.add(r.id());
                }
            }
        }
        Facts withFired = facts.withFired(fired);
        for (Rule r : policy.rules()) {
            if (!r.kind().primary() && r.when().isPresent()) {
                Trace t = r.when().get().evaluate(withFired);
                traces.put(r.id(), t);
                if (t.holds() && r.inForce(today) && r.kind() != RuleKind.DEROGATION) {
                    fired.add(r.id());
                }
            }
        }

        List<String> derogable = policy.rules().stream()
                .filter(r -> r.derogable() && fired.contains(r.id())).map(Rule::id).toList();
        Optional<Rule> derogationRule = policy.derogation().filter(r -> r.inForce(today));
        boolean claimed = !derogable.isEmpty() && derogationRule.map(r -> traces.get(r.id()).holds()).orElse(false);
        List<Evaluation.Problem> problems = new ArrayList<>();
        Optional<String> derogated = derogation.filter(d -> signedOff(d, fired, derogationRule, traces, problems))
                .map(Derogation::rule);

        List<RuleMatch> rules = new ArrayList<>();
        List<Obligation> obligations = new ArrayList<>();
        List<String> needsReview = new ArrayList<>();
        Set<String> flags = new LinkedHashSet<>();
        List<RuleOutcome> outcomes = new ArrayList<>();
        Optional<Rule> fallback = Optional.empty();
        for (Rule r : policy.rules()) {
            Optional<Trace> trace = Optional.ofNullable(traces.get(r.id()));
            boolean inForce = r.inForce(today);
            RuleOutcome.Status status = !inForce ? RuleOutcome.Status.NOT_IN_FORCE
                    : fired.contains(r.id()) ? RuleOutcome.Status.FIRED
                    : trace.map(Trace::nearly).orElse(false) && r.kind() != RuleKind.NEEDS_REVIEW && r.kind() != RuleKind.FLAG
                            ? RuleOutcome.Status.NEARLY_FIRED : RuleOutcome.Status.NOT_FIRED;
            String note = inForce ? "" : dates(r);
            switch (r.kind()) {
                case TIER -> {
                    if (status == RuleOutcome.Status.FIRED && derogated.filter(r.id()::equals).isPresent()) {
                        Derogation d = derogation.orElseThrow();
                        status = RuleOutcome.Status.DEROGATED;
                        note = "lowered by an Art 6(3) derogation signed by " + d.reviewer() + " on " + d.date();
                    } else if (status == RuleOutcome.Status.FIRED) {
                        rules.add(r.match(r.reason()));
                    }
                }
                case OBLIGATION -> {
                    if (status == RuleOutcome.Status.FIRED) {
                        obligations.add(r.obligation());
                        r.tier().ifPresent(t -> rules.add(r.match(r.reason())));
                    }
                }
                case DEROGATION -> {
                    if (inForce && claimed) {
                        status = RuleOutcome.Status.FIRED;
                        List<String> pending = derogable.stream().filter(id -> derogated.filter(id::equals).isEmpty()).toList();
                        if (pending.isEmpty()) {
                            Derogation d = derogation.orElseThrow();
                            note = "derogation from " + d.rule() + " signed by " + d.reviewer() + " on " + d.date();
                            rules.add(new RuleMatch(r.id(), RiskTier.MINIMAL, r.basis(), "Art 6(3) derogation from "
                                    + d.rule() + " signed off by " + d.reviewer() + " on " + d.date()
                                    + (d.reason().isEmpty() ? "" : ": " + d.reason())));
                        } else {
                            note = "claimed for " + String.join(", ", pending);
                            rules.add(r.match(r.reason() + " (claimed for " + String.join(", ", pending) + ")"));
                            needsReview.add(review(r, "claimed for " + String.join(", ", pending)
                                    + "; it needs the signature of a person with the role " + String.join(" or ", policy.reviewerRoles())));
                        }
                    } else if (inForce && trace.map(Trace::holds).orElse(false)) {
                        note = "no derogable rule applies";
                    }
                }
                case NEEDS_REVIEW -> {
                    if (status == RuleOutcome.Status.FIRED) {
                        needsReview.add(review(r, ""));
                    }
                }
                case FLAG -> {
                    if (status == RuleOutcome.Status.FIRED) {
                        flags.add(r.flag().orElseThrow());
                    }
                }
                case FALLBACK -> fallback = Optional.of(r);
            }
            if (status == RuleOutcome.Status.NOT_IN_FORCE && r.from().filter(today::isBefore).isPresent()
                    && trace.map(Trace::holds).orElse(false) && r.tier().isPresent() && r.kind().primary()) {
                needsReview.add(r.id() + ": from " + r.from().get() + " this rule makes the model " + r.tier().get()
                        + ": " + r.reason() + " (" + r.basis() + ")");
            }
            outcomes.add(new RuleOutcome(r, status, trace, note));
        }
        if (rules.isEmpty() && fallback.isPresent() && fallback.get().inForce(today)) {
            Rule m = fallback.get();
            rules.add(m.match(m.reason()));
            outcomes.replaceAll(o -> o.rule() == m ? new RuleOutcome(m, RuleOutcome.Status.FIRED, Optional.empty(), "") : o);
        }
        RiskTier computed = rules.stream().map(RuleMatch::tier).max(RiskTier::compareTo).orElse(RiskTier.MINIMAL);
        return new Judgement(computed, rules, obligations, needsReview, List.copyOf(flags), outcomes, problems);
    }

    /**
     * Whether the card's derogation lowers its rule: the rule is derogable and fired, the Art 6(3)
     * conditions hold, and a person holding a reviewer role signed it, on a day already past.
     * Every reason it does not is added to {@code problems}.
     */
    private boolean signedOff(Derogation d, Set<String> fired, Optional<Rule> derogationRule, Map<String, Trace> traces,
                              List<Evaluation.Problem> problems) {
        int before = problems.size();
        String at = Derogation.POINTER;
        if (derogationRule.isEmpty()) {
            problems.add(error("derogation-unavailable", at, "the risk policy in force has no Art 6(3) derogation rule,"
                    + " so risk.derogation has no effect", "remove risk.derogation, or enable the derogation rule in registry.yaml"));
            return false;
        }
        Rule dr = derogationRule.get();
        Optional<Rule> target = policy.rule(d.rule());
        if (target.isEmpty()) {
            problems.add(error("derogation-rule-unknown", at + "/rule", "no rule `" + d.rule() + "` in the policy in force",
                    PolicyReader.suggestion(d.rule(), policy.derogableIds(), "derogable rules: " + String.join(", ", policy.derogableIds()))));
        } else if (!target.get().derogable()) {
            problems.add(error("derogation-not-derogable", at + "/rule", "`" + d.rule() + "` (" + target.get().basis()
                    + ") cannot be derogated; Art 6(3) applies only to " + String.join(", ", policy.derogableIds()), ""));
        } else if (!fired.contains(d.rule())) {
            problems.add(new Evaluation.Problem("derogation-unused", Severity.WARNING, at + "/rule",
                    "`" + d.rule() + "` does not apply to this model, so the derogation lowers nothing",
                    "remove risk.derogation, or name the rule that applies"));
        }
        Trace conditions = traces.get(dr.id());
        if (!conditions.holds()) {
            String missing = conditions.missing().stream().map(RiskEngine::unmet).collect(Collectors.joining("; "));
            problems.add(error("derogation-conditions", at, "the " + dr.basis() + " conditions do not hold: " + missing
                    + "; the tier stays high", "a derogation counts only when " + dr.when().orElseThrow().describe()));
        }
        Optional<Owners.Person> reviewer = owners.person(d.reviewer());
        String roles = String.join(" or ", policy.reviewerRoles());
        if (reviewer.isEmpty()) {
            problems.add(error("derogation-reviewer", at + "/reviewer", "reviewer `" + d.reviewer()
                    + "` is not a person in owners.yaml; the tier stays high",
                    "a derogation must be signed by a person in owners.yaml with the role " + roles));
        } else if (reviewer.get().roles().stream().noneMatch(policy.reviewerRoles()::contains)) {
            problems.add(error("derogation-reviewer", at + "/reviewer", "reviewer `" + d.reviewer() + "` does not hold a risk role ("
                    + roles + ")" + (reviewer.get().roles().isEmpty() ? "" : "; their roles: " + String.join(", ", reviewer.get().roles()))
                    + "; the tier stays high", "ask a person with the role " + roles + " to review and sign the derogation"));
        }
        if (d.date().isAfter(today)) {
            problems.add(error("derogation-date", at + "/date", "the derogation is dated " + d.date() + ", after today ("
                    + today + ")", "record the day it was signed"));
        }
        return problems.size() == before;
    }

    /** What an unmet conjunct asks for, in words. */
    private static String unmet(Trace t) {
        return t.condition() instanceof Condition.Not n ? n.part().describe() + " is declared" : "needs " + t.condition().describe();
    }

    private static Evaluation.Problem error(String rule, String pointer, String message, String hint) {
        return new Evaluation.Problem(rule, Severity.ERROR, pointer, message, hint);
    }

    private static String review(Rule r, String detail) {
        return r.id() + ": " + r.reason() + (detail.isEmpty() ? "" : "; " + detail) + " (" + r.basis() + ")";
    }

    private static String dates(Rule r) {
        return r.from().map(f -> "in force from " + f).orElse("")
                + (r.from().isPresent() && r.until().isPresent() ? " " : "")
                + r.until().map(u -> "in force until " + u).orElse("");
    }
}
