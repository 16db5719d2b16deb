package dev.registry.lifecycle;

import dev.registry.UsageException;
import dev.registry.card.Approval;
import dev.registry.card.CardKind;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.Owners;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.edit.CardEditor;
import dev.registry.edit.ChangeSet;
import dev.registry.edit.FileChange;
import dev.registry.edit.WritePlan;
import dev.registry.edit.YamlValue;
import dev.registry.finding.Finding;
import dev.registry.gate.Gate;
import dev.registry.gate.GateCheck;
import dev.registry.gate.GatePolicy;
import dev.registry.gate.Readiness;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code approve <model@version> --stage <stage>}: adds an approval in the name of the git
 * identity running it, refused locally when it could never count (an unknown person, a role they
 * do not hold, an owner where the gate excludes owners, a model of unacceptable risk).
 */
public final class ApprovePlan {

    private ApprovePlan() {
    }

    /**
     * @param identity the email of the git identity running the command
     * @param role     the role approved in; empty: the first of the approver's roles the gate asks for
     */
    public static WritePlan of(ModelRef ref, Stage stage, Optional<String> role, Optional<String> comment, String identity,
                               LocalDate today) {
        if (!GatePolicy.isPromotionTarget(stage)) {
            throw new UsageException("--stage takes staging or production: approvals are for promotions");
        }
        return state -> {
            Snapshot s = state.snapshot();
            ModelCard card = Cards.model(state, ref);
            String message = "approve " + ref + " for " + stage;
            Optional<Owners.Person> who = s.owners().person(identity);
            if (who.isEmpty()) {
                return refused(message, Cards.refusalNear(state, card.path(), "approval-unknown", "/approvals",
                        "your git identity " + identity + " is not a person in owners.yaml; approvals must come from people listed there",
                        "commit as the address owners.yaml gives you (git config user.email), or list " + identity
                                + " among your `aliases` there"));
            }
            Owners.Person person = who.get();
            Readiness r = Readiness.forStage(s, card, stage, today);
            if (r.tier() == RiskTier.UNACCEPTABLE) {
                return refused(message, Cards.refusalNear(state, card.path(), "gate-unacceptable", "/risk",
                        ref + " is of unacceptable risk: it can never be promoted, so there is nothing to approve", ""));
            }
            List<Gate> gates = GatePolicy.of(s).approvalGatesFor(stage, r.tier());
            Set<String> asked = new LinkedHashSet<>();
            gates.forEach(g -> asked.addAll(g.approvals().roles()));
            GateCheck check = new GateCheck(GatePolicy.of(s), s.owners(), today);
            boolean ownersExcluded = !gates.isEmpty() && gates.stream().noneMatch(g -> g.approvals().ownersMayApprove());
            Predicate<String> cannotCount = e -> ownersExcluded && check.isOwner(e, card);
            String chosen = role.orElseGet(() -> person.roles().stream().filter(asked::contains).findFirst().orElse(""));
            if (!chosen.isEmpty() && !person.roles().contains(chosen)) {
                return refused(message, Cards.refusalNear(state, card.path(), "approval-role", "/approvals",
                        "owners.yaml does not give " + person.email() + " the role " + chosen
                                + (person.roles().isEmpty() ? "" : "; their roles: " + String.join(", ", person.roles())),
                        "approve in a role you hold, or ask someone who holds " + chosen
                                + holders(s.owners(), List.of(chosen), cannotCount)));
            }
            if (cannotCount.test(person.email())) {
                return refused(message, Cards.refusal(state, card.path(), "approval-self", "/owners",
                        person.email() + " owns " + ref + ", and the " + gates.get(0).name()
                                + " gate does not count owners' approvals of their own model",
                        "ask someone who does not own it" + holders(s.owners(), List.copyOf(asked), cannotCount)));
            }
            // Approving again adds an entry: the earlier one stays in the audit trail, and the gate
            // counts the new one when the card changed after the old. Only an identical entry is refused.
            String note = comment.filter(c -> !c.isBlank()).orElse("");
            for (int i = 0; i < card.approvals().size(); i++) {
                Approval a = card.approvals().get(i);
                if (a.stage() == stage && person.answersTo(a.by()) && a.role().equals(chosen)
                        && a.date().equals(Optional.of(today)) && a.comment().equals(note)) {
                    return refused(message, Cards.refusal(state, card.path(), "approval-duplicate", "/approvals/" + i,
                            person.email() + " has already approved " + ref + " for " + stage + (chosen.isEmpty() ? "" : " as " + chosen)
                                    + " today", "to approve it again after a change, say what you checked with --comment"));
                }
            }
            Map<String, YamlValue> entry = new LinkedHashMap<>();
            entry.put("stage", YamlValue.text(stage.id()));
            entry.put("by", YamlValue.text(person.email()));
            if (!chosen.isEmpty()) {
                entry.put("role", YamlValue.text(chosen));
            }
            entry.put("date", YamlValue.text(today.toString()));
            comment.filter(c -> !c.isBlank()).ifPresent(c -> entry.put("comment", YamlValue.text(c)));
            CardEditor editor = Cards.editor(state, card.path(), CardKind.MODEL);
            editor.append(Cards.path("approvals"), new YamlValue.Mapping(entry));
            return ChangeSet.of(message, List.of(FileChange.replace(card.path(), Cards.text(state, card.path()), editor.text())));
        };
    }

    /**
     * A refusal of a well-formed request the policy does not allow, located in the card: a finding
     * (exit 1), where a malformed request is a usage error.
     */
    private static ChangeSet refused(String message, Finding why) {
        return ChangeSet.refused(message, List.of(why));
    }

    /** "; can approve: a, b" for the people holding one of the roles, less those excluded; "" when none. */
    private static String holders(Owners owners, List<String> roles, Predicate<String> excluded) {
        List<String> emails = owners.people().stream().filter(p -> p.roles().stream().anyMatch(roles::contains))
                .map(Owners.Person::email).filter(e -> !excluded.test(e)).toList();
        return emails.isEmpty() ? "" : "; can approve: " + String.join(", ", emails);
    }
}
