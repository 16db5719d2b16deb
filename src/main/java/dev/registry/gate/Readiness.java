package dev.registry.gate;

import dev.registry.card.Approval;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.Owners;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.query.PromotionNeeds;
import dev.registry.query.VersionFacts;
import dev.registry.source.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a model version still needs to enter a stage, judged locally from one snapshot: the card's
 * approvals are taken as written (only {@code registry gate} checks them against git history).
 * Used by {@code promote} before it writes anything, and by {@code show}.
 *
 * @param target the stage judged, empty when the version has no next stage (production and later)
 * @param needs  what is missing; empty when the promotion may go ahead
 * @param notes  approvals on the card that do not count, and why
 */
public record Readiness(ModelRef model, Stage current, Optional<Stage> target, RiskTier tier, List<Need> needs,
                        List<Need> notes) {

    public Readiness {
        needs = List.copyOf(needs);
        notes = List.copyOf(notes);
    }

    public boolean ready() {
        return target.isPresent() && needs.isEmpty();
    }

    /** The stage a version is promoted to next: experimental → staging → production; none after that. */
    public static Optional<Stage> nextStage(Stage current) {
        return VersionFacts.nextStage(current);
    }

    /**
     * The gate's answer to {@code show}: for a version and the stage it would enter next, one line
     * per requirement not yet met (an empty list when it is ready), judged locally like
     * {@link #forStage(Snapshot, ModelCard, Stage, LocalDate)}. Use it as
     * {@code query.facts(card, Readiness.promotionNeeds(LocalDate.now()))}.
     */
    public static PromotionNeeds promotionNeeds(LocalDate today) {
        return (card, target, snapshot) -> GatePolicy.isPromotionTarget(target)
                ? Optional.of(forStage(snapshot, card, target, today).needs().stream().map(Need::message).toList())
                : Optional.empty();
    }

    /**
     * What {@code card} needs for its next stage, under the snapshot's gate policy, owners and
     * risk rules (the effective tier from {@link dev.registry.risk.RiskEngine}). The entry point
     * for {@code show}.
     */
    public static Readiness forNextStage(Snapshot snapshot, ModelCard card, LocalDate today) {
        return forNextStage(snapshot, card, Tiers.under(snapshot, today).apply(card), today);
    }

    /** What {@code card} needs to enter {@code target}, with the tier computed as for {@link #forNextStage(Snapshot, ModelCard, LocalDate)}. */
    public static Readiness forStage(Snapshot snapshot, ModelCard card, Stage target, LocalDate today) {
        return forStage(snapshot, card, target, Tiers.under(snapshot, today).apply(card), today);
    }

    /** What {@code card} needs for its next stage, under the snapshot's policy and owners, for a known tier. */
    public static Readiness forNextStage(Snapshot snapshot, ModelCard card, RiskTier tier, LocalDate today) {
        Optional<Stage> next = nextStage(card.stage());
        if (next.isEmpty()) {
            return new Readiness(card.ref(), card.stage(), Optional.empty(), tier, List.of(), List.of());
        }
        return forStage(snapshot, card, next.get(), tier, today);
    }

    /** What {@code card} needs to enter {@code target} (staging or production). */
    public static Readiness forStage(Snapshot snapshot, ModelCard card, Stage target, RiskTier tier, LocalDate today) {
        List<Need> notes = new ArrayList<>();
        List<Approver> approvers = approversOnCard(card, target, snapshot.owners(), notes);
        Verdict v = new GateCheck(GatePolicy.of(snapshot), snapshot.owners(), today).check(card, target, tier, approvers);
        notes.addAll(v.notes());
        return new Readiness(card.ref(), card.stage(), Optional.of(target), tier, v.needs(), notes);
    }

    /** The card's approvals for {@code stage}, as written, less those owners.yaml cannot vouch for. */
    static List<Approver> approversOnCard(ModelCard card, Stage stage, Owners owners, List<Need> notes) {
        List<Approver> out = new ArrayList<>();
        for (int i = 0; i < card.approvals().size(); i++) {
            Approval a = card.approvals().get(i);
            if (a.stage() != stage) {
                continue;
            }
            String ptr = "/approvals/" + i;
            Optional<Owners.Person> person = owners.person(a.by());
            if (person.isEmpty()) {
                notes.add(unknownApprover(a, ptr, ""));
            } else if (!holdsClaimedRole(a, person.get())) {
                notes.add(roleNotHeld(a, person.get(), ptr));
            } else {
                out.add(new Approver(person.get().email(), person.get().roles(), ptr));
            }
        }
        return out;
    }

    /** Why an approval by someone owners.yaml does not list does not count. */
    static Need unknownApprover(Approval a, String ptr, String where) {
        return new Need("approvals", "approval-unknown", ptr + "/by",
                "approval by " + a.by() + " does not count: they are not a person in owners.yaml" + where,
                "approvers must be listed in owners.yaml (an address they commit with can be one of their `aliases`)");
    }

    static boolean holdsClaimedRole(Approval a, Owners.Person p) {
        return a.role().isEmpty() || p.roles().contains(a.role());
    }

    /** Why an approval in a role its approver does not hold does not count. */
    static Need roleNotHeld(Approval a, Owners.Person p, String ptr) {
        return new Need("approvals", "approval-role", ptr + "/role",
                "approval by " + a.by() + " as " + a.role() + " does not count: owners.yaml does not give them that role",
                p.roles().isEmpty() ? "they hold no roles in owners.yaml" : "their roles: " + String.join(", ", p.roles()));
    }
}
