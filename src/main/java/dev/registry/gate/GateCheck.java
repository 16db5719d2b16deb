package dev.registry.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.card.ModelCard;
import dev.registry.card.Owners;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.source.CardBinder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges one model version against the gates for a target stage: a pure function of the card,
 * its effective tier, the policy, owners.yaml and the approvers already established (from the
 * card's text for local checks, from git history for {@code registry gate}).
 */
public final class GateCheck {

    private final GatePolicy policy;
    private final Owners owners;
    private final LocalDate today;

    /**
     * @param owners the owners.yaml roles and aliases are taken from (the base commit's, in a gate)
     * @param today  the day evaluation ages are measured on
     */
    public GateCheck(GatePolicy policy, Owners owners, LocalDate today) {
        this.policy = policy;
        this.owners = owners;
        this.today = today;
    }

    /** Everything {@code card} still lacks to enter {@code target}, and the approvals that do not count. */
    public Verdict check(ModelCard card, Stage target, RiskTier tier, List<Approver> approvers) {
        List<Need> out = new ArrayList<>();
        List<Need> notes = new ArrayList<>();
        if (tier == RiskTier.UNACCEPTABLE) {
            out.add(new Need("risk", "gate-unacceptable", card.document().has("risk") ? "/risk" : "",
                    card.ref() + " is of unacceptable risk (EU AI Act Art. 5): it can never be promoted above experimental",
                    "run `registry risk " + card.ref() + " --explain` to see which rule forbids it"));
            return new Verdict(out, notes);
        }
        for (Gate g : policy.gatesFor(target, tier)) {
            fields(card, g, out);
            evidence(card, g, target, out);
            evaluations(card, g, out);
        }
        for (Gate g : policy.approvalGatesFor(target, tier)) {
            approvals(card, g, target, approvers, out, notes);
        }
        // Two gates that both exclude an owner explain the same approval once.
        Map<String, Need> distinct = new LinkedHashMap<>();
        notes.forEach(n -> distinct.putIfAbsent(n.ruleId() + "\u0000" + n.pointer() + "\u0000" + n.message().split(",")[0], n));
        return new Verdict(out, List.copyOf(distinct.values()));
    }

    /** Whether the person with this email owns the model, directly or through a team. */
    public boolean isOwner(String email, ModelCard card) {
        Optional<Owners.Person> person = owners.person(email);
        for (String ref : card.owners()) {
            for (String e : owners.emailsOf(ref)) {
                if (person.map(p -> p.answersTo(e)).orElse(e.equalsIgnoreCase(email))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void fields(ModelCard card, Gate g, List<Need> out) {
        for (String f : g.fields()) {
            String ptr = "/" + f.replace(".", "/");
            if (empty(card.document().at(ptr))) {
                out.add(new Need(g.name(), "gate-field-missing", ptr,
                        g.name() + " gate: `" + f + "` must be filled in", "add `" + f + "` to the card"));
            }
        }
    }

    private void evidence(ModelCard card, Gate g, Stage target, List<Need> out) {
        for (String e : g.evidence()) {
            String ptr = "/evidence/" + e;
            if (empty(card.document().at(ptr))) {
                out.add(new Need(g.name(), "gate-evidence-missing", ptr,
                        g.name() + " gate: evidence `" + e + "` is missing (needed for " + target + ")",
                        "add evidence." + e + " to the card: " + describeEvidence(e)));
            }
        }
    }

    private void evaluations(ModelCard card, Gate g, List<Need> out) {
        EvaluationRule rule = g.evaluations();
        if (!rule.requiresAny()) {
            return;
        }
        record Eval(String suite, LocalDate date) {
        }
        List<Eval> passed = new ArrayList<>();
        for (JsonNode e : card.document().path("evaluations")) {
            Optional<LocalDate> date = CardBinder.date(e.path("date"));
            if (e.path("passed").asBoolean(false) && e.path("passed").isBoolean() && date.isPresent()) {
                passed.add(new Eval(CardBinder.text(e.path("suite")), date.get()));
            }
        }
        LocalDate oldest = rule.maxAgeDays().isPresent() ? today.minusDays(rule.maxAgeDays().getAsInt()) : LocalDate.MIN;
        List<Eval> fresh = passed.stream().filter(e -> !e.date().isBefore(oldest)).toList();
        String window = rule.maxAgeDays().isPresent() ? " from the last " + rule.maxAgeDays().getAsInt() + " days" : "";
        if (fresh.size() < rule.minPassed()) {
            String ruleId = passed.size() > fresh.size() ? "gate-evaluation-stale" : "gate-evaluation-missing";
            String newest = passed.stream().map(Eval::date).max(Comparator.naturalOrder())
                    .map(d -> "; the newest passed one is from " + d).orElse("");
            out.add(new Need(g.name(), ruleId, "/evaluations",
                    g.name() + " gate: needs " + plural(rule.minPassed(), "passed evaluation") + window + ", the card has "
                            + fresh.size() + newest,
                    "run the evaluation suite again and record it under `evaluations` with passed: true and today's date"));
        }
        for (String suite : rule.suites()) {
            if (fresh.stream().noneMatch(e -> e.suite().equals(suite))) {
                boolean stale = passed.stream().anyMatch(e -> e.suite().equals(suite));
                out.add(new Need(g.name(), stale ? "gate-evaluation-stale" : "gate-evaluation-missing", "/evaluations",
                        g.name() + " gate: needs a passed evaluation of suite `" + suite + "`" + window
                                + (stale ? "; the one recorded is too old" : ""),
                        "run `" + suite + "` and record the result under `evaluations`"));
            }
        }
    }

    private void approvals(ModelCard card, Gate g, Stage target, List<Approver> approvers, List<Need> out,
                           List<Need> notes) {
        ApprovalRule rule = g.approvals();
        if (!rule.requiresAny()) {
            return;
        }
        Map<String, Approver> eligible = new LinkedHashMap<>();
        for (Approver a : approvers) {
            if (rule.ownersMayApprove() || !isOwner(a.email(), card)) {
                eligible.putIfAbsent(a.email().toLowerCase(Locale.ROOT), a);
            } else {
                notes.add(new Need(g.name(), "approval-self", a.pointer(),
                        a.email() + " owns " + card.ref() + ", so their approval does not count for the " + g.name() + " gate",
                        "owners may not approve their own model; ask someone who does not own it"));
            }
        }
        String who = rule.ownersMayApprove() ? "" : " from people who do not own the model";
        String approveCmd = "`registry approve " + card.ref() + " --stage " + target + "`";
        if (eligible.size() < rule.min()) {
            out.add(new Need(g.name(), "gate-approvals-missing", "/approvals",
                    g.name() + " gate: needs " + plural(rule.min(), "distinct approval") + " for " + target + who
                            + ", has " + eligible.size() + counted(eligible),
                    "ask " + (rule.roles().isEmpty() ? "a reviewer" : "a " + String.join(" or ", rule.roles()))
                            + " to run " + approveCmd));
        }
        for (String role : rule.roles()) {
            if (eligible.values().stream().noneMatch(a -> a.roles().contains(role))) {
                List<String> holders = owners.people().stream().filter(p -> p.roles().contains(role))
                        .map(Owners.Person::email)
                        .filter(e -> rule.ownersMayApprove() || !isOwner(e, card)).toList();
                out.add(new Need(g.name(), "gate-approval-role", "/approvals",
                        g.name() + " gate: needs an approval for " + target + " from a " + role
                                + (rule.ownersMayApprove() ? "" : " who does not own the model"),
                        holders.isEmpty() ? "no one in owners.yaml holds the role `" + role + "`; add it to someone there"
                                : "can approve: " + String.join(", ", holders) + " (" + approveCmd + ")"));
            }
        }
    }

    private static String counted(Map<String, Approver> eligible) {
        return eligible.isEmpty() ? "" : " (" + eligible.values().stream().map(Approver::email).collect(Collectors.joining(", ")) + ")";
    }

    /** Absent, null, blank text, or an empty list or mapping: nothing a reviewer could rely on. */
    static boolean empty(JsonNode n) {
        return n.isMissingNode() || n.isNull() || (n.isTextual() && n.asText().isBlank())
                || (n.isContainerNode() && n.isEmpty());
    }

    private static String describeEvidence(String key) {
        return switch (key) {
            case "dataBoundary" -> "what data the model may see and where it stays";
            case "safetyChecks" -> "the basic safety checks run and their results";
            case "benchmarks" -> "a link to benchmark results";
            case "privacyReview" -> "{report, date, reviewer} of the privacy review";
            case "rollbackPlan" -> "how to roll back, e.g. the version to return to";
            case "redTeam" -> "{report, date} of the red-team exercise";
            case "evidencePack" -> "a link to the audit evidence pack";
            default -> "a link or a short text";
        };
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
