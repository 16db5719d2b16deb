package dev.registry.gate;

import dev.registry.UsageException;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.check.SchemaCatalog;
import dev.registry.check.SchemaCheck;
import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import dev.registry.finding.Severity;
import dev.registry.git.CommitInfo;
import dev.registry.git.GitRepo;
import dev.registry.git.GitSource;
import dev.registry.git.History;
import dev.registry.source.RegistryFile;
import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.YamlDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The service behind {@code registry gate}: every promotion between two commits, judged by the
 * policy, owners and risk rules of the <em>base</em> commit (a change must not loosen the rules it
 * is judged by), with approvals established from git history.
 */
public final class PromotionGate {

    /**
     * What to check.
     *
     * @param base       the revision to compare with; empty: the merge base with the upstream or default branch
     * @param head       the revision under review
     * @param approvedBy people who approved outside git (pull-request reviews read by CI)
     * @param today      the day evaluation ages and risk dates are judged on
     */
    public record Request(Optional<String> base, String head, List<String> approvedBy, LocalDate today) {
        public Request {
            approvedBy = List.copyOf(approvedBy);
        }
    }

    private PromotionGate() {
    }

    public static GateReport check(GitRepo repo, Request request) {
        try (History history = new History(repo)) {
            CommitInfo head = history.commit(request.head());
            Optional<String> baseRef = Optional.empty();
            CommitInfo base;
            if (request.base().isPresent()) {
                base = history.commit(request.base().get());
            } else {
                baseRef = history.defaultBaseRef();
                String ref = baseRef.orElseThrow(() -> new UsageException(
                        "no upstream, origin/HEAD, main or master to compare with; pass --base <rev>"));
                CommitInfo tip = history.commit(ref);
                base = history.mergeBase(tip.id(), head.id()).orElseThrow(() -> new UsageException(
                        request.head() + " has no history in common with " + ref + "; pass --base <rev>"));
            }
            List<CommitInfo> commits = history.range(base.id(), head.id());
            SnapshotReader reader = new SnapshotReader();
            Snapshot before = reader.read(GitSource.revision(repo, base.id()));
            Snapshot after = reader.read(GitSource.revision(repo, head.id()));
            requireValidPolicy(before, base);

            GateCheck check = new GateCheck(GatePolicy.of(before), before.owners(), request.today());
            Function<ModelCard, RiskTier> tiers = Tiers.under(before, request.today());
            ApprovalAudit audit = new ApprovalAudit(history, before.owners(), commits, head.id());
            Judge judge = new Judge(after, check, tiers, audit, request.approvedBy());
            judge.findings.addAll(IntroducedErrors.between(before, after, request.today()));
            return judge.judge(base, head, baseRef, commits, Promotions.between(before, after));
        }
    }

    /** A policy the base cannot state correctly would be judged by defaults nobody chose. */
    private static void requireValidPolicy(Snapshot base, CommitInfo at) {
        RegistryFile file = base.files().get("registry.yaml");
        List<Finding> problems = new ArrayList<>();
        if (file != null) {
            new SchemaCheck().check(SchemaCatalog.get(), file).stream()
                    .filter(f -> f.pointer().startsWith("/policy/gates")).forEach(problems::add);
            new GatePolicyCheck().run(base).stream().filter(Finding::isError).forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            Finding f = problems.get(0);
            throw new UsageException("the gate policy in registry.yaml at the base commit " + at.shortId() + " is invalid: "
                    + f.path() + ":" + f.line() + ":" + f.column() + ": " + f.message() + " [" + f.ruleId() + "]"
                    + "; fix it on the base branch first");
        }
    }

    /** Judges each promotion once; several prod deployments of one version share its verdict. */
    private static final class Judge {
        private final Snapshot head;
        private final GateCheck check;
        private final Function<ModelCard, RiskTier> tiers;
        private final ApprovalAudit audit;
        private final List<String> approvedBy;
        private final List<Finding> findings = new ArrayList<>();
        private final Map<String, Verdict> verdicts = new HashMap<>();
        private final Set<String> forged = new HashSet<>();
        private final Map<String, RiskTier> tierCache = new HashMap<>();

        Judge(Snapshot head, GateCheck check, Function<ModelCard, RiskTier> tiers, ApprovalAudit audit, List<String> approvedBy) {
            this.head = head;
            this.check = check;
            this.tiers = tiers;
            this.audit = audit;
            this.approvedBy = approvedBy;
        }

        GateReport judge(CommitInfo base, CommitInfo headCommit, Optional<String> baseRef, List<CommitInfo> commits,
                         List<Promotion> promotions) {
            Set<ModelRef> cardsToProduction = new HashSet<>();
            promotions.stream().filter(p -> p.kind() != Promotion.Kind.PROD_DEPLOYMENT && p.to() == Stage.PRODUCTION)
                    .forEach(p -> cardsToProduction.add(p.model()));
            List<GateReport.Result> results = new ArrayList<>();
            for (Promotion p : promotions) {
                results.add(p.kind() == Promotion.Kind.PROD_DEPLOYMENT
                        ? deployment(p, cardsToProduction.contains(p.model()))
                        : card(p));
            }
            return new GateReport(base, headCommit, baseRef, commits, results, findings);
        }

        private GateReport.Result card(Promotion p) {
            ModelCard card = head.model(p.model()).orElseThrow();
            RiskTier tier = tier(card);
            Verdict v = verdict(card, p.to(), tier);
            YamlDocument doc = head.files().get(card.path()).document();
            for (Need n : v.needs()) {
                findings.add(n.toFinding(Severity.ERROR, card.path(), doc, p.describe() + ": "));
            }
            return new GateReport.Result(p, tier, passes(card, v));
        }

        private boolean passes(ModelCard card, Verdict v) {
            return v.passes() && !forged.contains(card.ref().toString());
        }

        private GateReport.Result deployment(Promotion p, boolean judgedWithCard) {
            String name = p.deployment().orElseThrow();
            YamlDocument doc = head.files().get(p.path()).document();
            Location at = doc.valueAt("/version");
            Optional<ModelCard> card = head.model(p.model());
            if (card.isEmpty()) {
                findings.add(Finding.error("gate-deployment-model", p.path(), at, "/version",
                        "prod deployment `" + name + "` runs " + p.model() + ", which is not in the registry",
                        "register the version first, or point the deployment at one that exists"));
                return new GateReport.Result(p, RiskTier.MINIMAL, false);
            }
            ModelCard m = card.get();
            RiskTier tier = tier(m);
            List<String> related = List.of(m.path());
            // A deprecated version still serves until it retires: a rollback may return to it.
            if (m.stage() != Stage.PRODUCTION && m.stage() != Stage.DEPRECATED) {
                findings.add(Finding.error("gate-deployment-stage", p.path(), at, "/version",
                        "prod deployment `" + name + "` runs " + m.ref() + ", which is " + m.stage() + ", not production",
                        "promote it first: `registry promote " + m.ref() + " --to production`").withRelated(related));
                return new GateReport.Result(p, tier, false);
            }
            Verdict v = verdict(m, Stage.PRODUCTION, tier);
            if (judgedWithCard) {
                // The card's own promotion to production in this range carries the findings.
                return new GateReport.Result(p, tier, passes(m, v));
            }
            for (Need n : v.needs()) {
                findings.add(Finding.error(n.ruleId(), p.path(), at, "/version",
                        "prod deployment `" + name + "` runs " + m.ref() + ": " + n.message(), n.hint()).withRelated(related));
            }
            return new GateReport.Result(p, tier, passes(m, v));
        }

        /**
         * The effective tier under the base policy. A derogation git history cannot vouch for is
         * left out, so a pull request cannot lower its own tier by writing a sign-off.
         */
        private RiskTier tier(ModelCard card) {
            return tierCache.computeIfAbsent(card.ref().toString(), k -> {
                Optional<Need> problem = audit.derogation(card);
                if (problem.isEmpty()) {
                    return tiers.apply(card);
                }
                Need n = problem.get();
                YamlDocument doc = head.files().get(card.path()).document();
                findings.add(n.ruleId().equals("derogation-forged")
                        ? Finding.error(n.ruleId(), card.path(), doc.keyAt(n.pointer()), n.pointer(), n.message(), n.hint())
                        : Finding.warning(n.ruleId(), card.path(), doc.keyAt(n.pointer()), n.pointer(), n.message(), n.hint()));
                com.fasterxml.jackson.databind.node.ObjectNode copy = card.document().deepCopy();
                if (copy.path("risk").isObject()) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("risk")).remove("derogation");
                }
                return tiers.apply(dev.registry.source.CardBinder.model(card.path(), copy));
            });
        }

        /** The verdict for a card entering a stage, with its approval findings recorded once. */
        private Verdict verdict(ModelCard card, Stage target, RiskTier tier) {
            return verdicts.computeIfAbsent(card.ref().toString(), k -> {
                YamlDocument doc = head.files().get(card.path()).document();
                ApprovalAudit.Outcome o = tier == RiskTier.UNACCEPTABLE
                        ? new ApprovalAudit.Outcome(List.of(), List.of(), List.of())
                        : audit.audit(card, target, approvedBy);
                if (!o.blocking().isEmpty()) {
                    forged.add(k);
                }
                for (Need n : o.blocking()) {
                    findings.add(Finding.error(n.ruleId(), card.path(), doc.valueAt(n.pointer()), n.pointer(), n.message(), n.hint()));
                }
                Verdict v = check.check(card, target, tier, o.approvers());
                List<Need> notes = new ArrayList<>(o.notes());
                notes.addAll(v.notes());
                for (Need n : notes) {
                    String ptr = n.pointer().isEmpty() ? "/approvals" : n.pointer();
                    findings.add(Finding.warning(n.ruleId(), card.path(), doc.valueAt(ptr), n.pointer(), n.message(), n.hint()));
                }
                return v;
            });
        }
    }
}
