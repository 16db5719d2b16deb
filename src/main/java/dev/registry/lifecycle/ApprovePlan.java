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
            Owners.Person person = s.owners().person(identity).orElseThrow(() -> new UsageException(
                    "your git identity " + identity + " is not a person in owners.yaml; approvals must come from people"
                            + " listed there (an address you commit with can be one of your `aliases`)"));
            Readiness r = Readiness.forStage(s, card, stage, today);
            if (r.tier() == RiskTier.UNACCEPTABLE) {
                throw new UsageException(ref + " is of unacceptable risk: it can never be promoted, so there is nothing to approve");
            }
            List<Gate> gates = GatePolicy.of(s).approvalGatesFor(stage, r.tier());
            Set<String> asked = new LinkedHashSet<>();
            gates.forEach(g -> asked.addAll(g.approvals().roles()));
            String chosen = role.orElseGet(() -> person.roles().stream().filter(asked::contains).findFirst().orElse(""));
            if (!chosen.isEmpty() && !person.roles().contains(chosen)) {
                throw new UsageException("owners.yaml does not give " + person.email() + " the role " + chosen
                        + (person.roles().isEmpty() ? "" : "; their roles: " + String.join(", ", person.roles())));
            }
            GateCheck check = new GateCheck(GatePolicy.of(s), s.owners(), today);
            if (!gates.isEmpty() && gates.stream().noneMatch(g -> g.approvals().ownersMayApprove())
                    && check.isOwner(person.email(), card)) {
                throw new UsageException(person.email() + " owns " + ref + ", and the " + gates.get(0).name()
                        + " gate does not count owners' approvals of their own model; ask someone who does not own it");
            }
            // Approving again adds an entry: the earlier one stays in the audit trail, and the gate
            // counts the new one when the card changed after the old. Only an identical entry is refused.
            String note = comment.filter(c -> !c.isBlank()).orElse("");
            for (Approval a : card.approvals()) {
                if (a.stage() == stage && person.answersTo(a.by()) && a.role().equals(chosen)
                        && a.date().equals(Optional.of(today)) && a.comment().equals(note)) {
                    throw new UsageException(person.email() + " has already approved " + ref + " for " + stage
                            + (chosen.isEmpty() ? "" : " as " + chosen) + " today; to approve it again after a change,"
                            + " say what you checked with --comment");
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
            return ChangeSet.of("approve " + ref + " for " + stage,
                    List.of(FileChange.replace(card.path(), Cards.text(state, card.path()), editor.text())));
        };
    }
}
