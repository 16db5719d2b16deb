package dev.registry.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.card.Approval;
import dev.registry.card.ModelCard;
import dev.registry.card.Owners;
import dev.registry.card.Stage;
import dev.registry.git.CardAt;
import dev.registry.git.CommitInfo;
import dev.registry.git.History;
import dev.registry.source.CardBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Decides which approvals of a card count, from git history rather than from the card's text.
 * An approval counts when
 * <ul>
 *   <li>the commit that added it was authored by the approver (or an alias owners.yaml lists for them),</li>
 *   <li>the approver authored none of the commits in the range that changed the card's content,</li>
 *   <li>the card's content is the same now as when the approval was added, and</li>
 *   <li>the approver holds the role the approval claims.</li>
 * </ul>
 * "Content" is the card less its approvals and lifecycle: approving and promoting do not make
 * earlier approvals stale; any other edit does. Owners come from the base commit, so a pull request
 * cannot grant its author a role or an alias.
 */
final class ApprovalAudit {

    /** Who counts, and why the others do not. */
    record Outcome(List<Approver> approvers, List<Need> notes, List<Need> blocking) {
    }

    private final History history;
    private final Owners owners;
    private final List<CommitInfo> range;
    private final String head;

    /**
     * @param owners the base commit's owners.yaml
     * @param range  the commits under review, oldest first
     * @param head   the commit whose cards are judged
     */
    ApprovalAudit(History history, Owners owners, List<CommitInfo> range, String head) {
        this.history = history;
        this.owners = owners;
        this.range = List.copyOf(range);
        this.head = head;
    }

    /** The part of a card an approval vouches for. */
    static JsonNode content(JsonNode card) {
        ObjectNode copy = card.deepCopy();
        copy.remove("approvals");
        copy.remove("lifecycle");
        return copy;
    }

    Outcome audit(ModelCard card, Stage stage, List<String> approvedBy) {
        List<Approver> approvers = new ArrayList<>();
        List<Need> notes = new ArrayList<>();
        List<Need> blocking = new ArrayList<>();
        List<CommitInfo> editors = history.changedIn(range, card.ref(), ApprovalAudit::content);
        JsonNode contentNow = content(card.document());

        for (int i = 0; i < card.approvals().size(); i++) {
            Approval a = card.approvals().get(i);
            if (a.stage() != stage || a.by().isEmpty()) {
                continue;
            }
            String ptr = "/approvals/" + i;
            Optional<Owners.Person> person = owners.person(a.by());
            if (person.isEmpty()) {
                notes.add(Readiness.unknownApprover(a, ptr, " at the base commit"));
                continue;
            }
            Owners.Person p = person.get();
            CommitInfo added = history.introducedBy(card.ref(), head, sameApproval(a));
            if (!p.answersTo(added.authorEmail()) && !inRange(added)) {
                // Already on the base branch (a registry's first import, cards written before the
                // gate ran in CI): not this change's doing, so it does not block it; it only does
                // not count, and the approver can approve again in a commit of their own.
                notes.add(new Need("approvals", "approval-unverified", ptr,
                        "approval by " + a.by() + " does not count: it was added before this range, in commit " + added.shortId()
                                + " by " + added.authorEmail() + ", and counts only when its approver commits it",
                        a.by() + " can approve again in a commit of their own (`registry approve " + card.ref() + " --stage " + stage
                                + "` run as them); an address they commit with can be listed under `aliases` in owners.yaml"));
                continue;
            }
            if (!p.answersTo(added.authorEmail())) {
                blocking.add(new Need("approvals", "approval-forged", ptr,
                        "approval by " + a.by() + " was added in commit " + added.shortId() + " by " + added.authorEmail()
                                + "; an approval counts only when its approver commits it",
                        a.by() + " must add it in a commit of their own (`registry approve " + card.ref() + " --stage " + stage
                                + "` run as them); an address they commit with can be listed under `aliases` in owners.yaml"));
                continue;
            }
            if (!Readiness.holdsClaimedRole(a, p)) {
                notes.add(Readiness.roleNotHeld(a, p, ptr));
                continue;
            }
            List<CommitInfo> own = editorsAmong(editors, p);
            if (!own.isEmpty()) {
                notes.add(new Need("approvals", "approval-author", ptr,
                        "approval by " + a.by() + " does not count: they changed the card in this range (commit "
                                + own.stream().map(CommitInfo::shortId).collect(Collectors.joining(", ")) + ")",
                        "someone who did not write the change must approve it"));
                continue;
            }
            Optional<CommitInfo> laterEdit = editedSince(card, added, contentNow);
            if (laterEdit.isPresent()) {
                CommitInfo e = laterEdit.get();
                notes.add(new Need("approvals", "approval-stale", ptr,
                        "approval by " + a.by() + " (commit " + added.shortId() + ") no longer counts: the card changed after it,"
                                + " in commit " + e.shortId() + " by " + e.authorEmail(),
                        "ask " + a.by() + " to review the change and approve again"));
                continue;
            }
            approvers.add(new Approver(p.email(), p.roles(), ptr));
        }

        for (String email : approvedBy) {
            Optional<Owners.Person> person = owners.person(email);
            if (person.isEmpty()) {
                notes.add(new Need("approvals", "approval-unknown", "",
                        "--approved-by " + email + " does not count for " + card.ref() + ": not a person in owners.yaml at the base commit",
                        "list them (or this address as an alias) in owners.yaml"));
                continue;
            }
            List<CommitInfo> own = editorsAmong(editors, person.get());
            if (!own.isEmpty()) {
                notes.add(new Need("approvals", "approval-author", "",
                        "--approved-by " + email + " does not count for " + card.ref() + ": they changed the card in this range (commit "
                                + own.stream().map(CommitInfo::shortId).collect(Collectors.joining(", ")) + ")",
                        "someone who did not write the change must approve it"));
                continue;
            }
            approvers.add(new Approver(person.get().email(), person.get().roles(), ""));
        }
        return new Outcome(approvers, notes, blocking);
    }

    /**
     * Why the card's Art 6(3) derogation cannot be trusted, if it cannot: like an approval, it
     * counts only when its reviewer committed it and the card has not changed since. Empty when
     * there is none, or it checks out, or its reviewer is unknown (the risk engine refuses that).
     */
    Optional<Need> derogation(ModelCard card) {
        JsonNode d = card.document().at("/risk/derogation");
        String reviewer = CardBinder.text(d.path("reviewer"));
        String rule = CardBinder.text(d.path("rule"));
        Optional<Owners.Person> person = owners.person(reviewer);
        if (!d.isObject() || rule.isEmpty() || person.isEmpty()) {
            return Optional.empty();
        }
        Predicate<JsonNode> same = doc -> CardBinder.text(doc.at("/risk/derogation/rule")).equals(rule)
                && CardBinder.text(doc.at("/risk/derogation/reviewer")).equalsIgnoreCase(reviewer);
        CommitInfo added = history.introducedBy(card.ref(), head, same);
        String ptr = "/risk/derogation";
        if (!person.get().answersTo(added.authorEmail())) {
            return Optional.of(new Need("risk", "derogation-forged", ptr,
                    "the derogation from " + rule + " signed by " + reviewer + " was added in commit " + added.shortId() + " by "
                            + added.authorEmail() + "; it counts only when its reviewer commits it, so the tier is judged without it",
                    reviewer + " must add it in a commit of their own"));
        }
        Optional<CommitInfo> laterEdit = editedSince(card, added, content(card.document()));
        if (laterEdit.isPresent()) {
            return Optional.of(new Need("risk", "derogation-stale", ptr,
                    "the derogation from " + rule + " signed by " + reviewer + " (commit " + added.shortId() + ") predates a change"
                            + " to the card (commit " + laterEdit.get().shortId() + " by " + laterEdit.get().authorEmail()
                            + "), so the tier is judged without it",
                    "ask " + reviewer + " to review the change and sign the derogation again"));
        }
        return Optional.empty();
    }

    private boolean inRange(CommitInfo commit) {
        return range.stream().anyMatch(c -> c.id().equals(commit.id()));
    }

    private static List<CommitInfo> editorsAmong(List<CommitInfo> editors, Owners.Person p) {
        return editors.stream().filter(c -> p.answersTo(c.authorEmail())).toList();
    }

    /** The last commit that changed the content between the approval and head, when it differs now. */
    private Optional<CommitInfo> editedSince(ModelCard card, CommitInfo added, JsonNode contentNow) {
        Optional<JsonNode> then = history.model(added.id(), card.ref()).map(CardAt::document).map(ApprovalAudit::content);
        if (then.isPresent() && then.get().equals(contentNow)) {
            return Optional.empty();
        }
        List<CommitInfo> edits = history.changedIn(history.range(added.id(), head), card.ref(), ApprovalAudit::content);
        // Content differs, so some commit after the approval changed it (or a merge brought the change in).
        return Optional.of(edits.isEmpty() ? added : edits.get(edits.size() - 1));
    }

    /**
     * Whether a card carries this approval, exactly: stage, approver, role, date and comment. An
     * approval someone else edits is theirs from then on; approving again after a change adds a
     * new entry (a new date or comment), which its approver's own commit introduces.
     */
    private static Predicate<JsonNode> sameApproval(Approval a) {
        String by = a.by().toLowerCase(Locale.ROOT);
        String date = a.date().map(Object::toString).orElse("");
        return doc -> {
            for (JsonNode n : doc.path("approvals")) {
                if (CardBinder.text(n.path("stage")).equals(a.stage().id())
                        && CardBinder.text(n.path("by")).toLowerCase(Locale.ROOT).equals(by)
                        && CardBinder.text(n.path("role")).equals(a.role())
                        && CardBinder.text(n.path("date")).equals(date)
                        && CardBinder.text(n.path("comment")).equals(a.comment())) {
                    return true;
                }
            }
            return false;
        };
    }
}
