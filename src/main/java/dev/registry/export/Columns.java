package dev.registry.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.card.Approval;
import dev.registry.card.Deployment;
import dev.registry.card.Environment;
import dev.registry.card.ModelCard;
import dev.registry.card.Stage;
import dev.registry.git.CommitInfo;
import dev.registry.risk.RuleMatch;
import dev.registry.source.CardBinder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every column an export can carry, in catalogue order. Column names are public format: scripts
 * and spreadsheets depend on them, so rename nothing; add new columns at the end of a group.
 */
public final class Columns {

    private Columns() {
    }

    /** Columns over model versions: {@code --kind models} and {@code --kind inventory}. */
    public static final Map<String, Column<VersionRow>> VERSION = catalogue(List.of(
            v("model", "model name", r -> Cell.text(r.card().name())),
            v("version", "model version (SemVer)", r -> Cell.text(r.card().version())),
            v("reference", "model@version: the unambiguous reference (Annex VIII A 4)", r -> Cell.text(r.card().ref().toString())),
            v("provider", "who provides the model: internal, openai, ... (Annex VIII A 1)", r -> Cell.text(r.card().provider())),
            v("description", "what the model is and does", r -> Cell.text(r.card().description())),
            v("modality", "input/output modalities", r -> Cell.items(r.card().modality())),
            v("capabilities", "capability flags", r -> Cell.items(r.card().capabilities())),
            v("useDomains", "domains of use (EU AI Act vocabulary)", r -> Cell.items(r.card().useDomains())),
            v("intendedUse", "intended purpose (Annex VIII A 5)", r -> strings(r.card(), "intendedUse")),
            v("disallowedUse", "uses the provider rules out", r -> strings(r.card(), "disallowedUse")),
            v("dataTags", "data classifications the model touches", r -> Cell.items(r.card().dataTags())),
            v("stage", "lifecycle stage", r -> Cell.text(r.card().stage().id())),
            v("declaredTier", "risk tier the card declares", r -> Cell.text(r.risk().declared())),
            v("computedTier", "risk tier the policy's rules give", r -> Cell.text(r.risk().computed().id())),
            v("effectiveTier", "the higher of declared and computed: what gates and filters use", r -> Cell.text(r.risk().effective().id())),
            v("riskBasis", "rules that fired, with their legal basis", r -> Cell.items(basis(r.risk().rules()))),
            v("transparencyObligations", "Art 50 transparency duties",
                    r -> Cell.items(r.risk().obligations().stream().map(o -> o.id() + ": " + o.basis()).toList())),
            v("riskNeedsReview", "cases the risk rules leave to human judgement", r -> Cell.items(r.risk().needsReview())),
            v("riskFlags", "model flags: gpai-model, systemic-risk", r -> Cell.items(r.risk().flags())),
            v("riskJustification", "the card's justification of its declared tier", r -> text(r.card(), "risk", "justification")),
            v("owners", "owner references as the card writes them", r -> Cell.items(r.card().owners())),
            v("ownerEmails", "the emails the owners stand for", r -> Cell.items(r.ownerEmails())),
            v("incidentOwner", "who answers incidents", r -> text(r.card(), "operations", "incidentOwner")),
            v("approvalState", "approved, unapproved or not-required: whether the card has the approvals the promotion"
                    + " gate asks for its stage (deprecated and retired: production)", r -> Cell.text(r.approval().get().state())),
            v("approvalsMissing", "the approvals the gate still asks for", r -> Cell.items(r.approval().get().missing())),
            v("approvedStages", "stages the card records approvals for", Columns::approvedStages),
            v("approvals", "recorded approvals, stage:email:role:date", r -> Cell.items(r.card().approvals().stream().map(Columns::approval).toList())),
            v("costPerRequestUsd", "cost per request in USD", r -> number(r.card(), "operations", "performance", "costPerRequestUsd")),
            v("avgLatencyMs", "average latency", r -> number(r.card(), "operations", "performance", "avgLatencyMs")),
            v("p95LatencyMs", "95th percentile latency", r -> number(r.card(), "operations", "performance", "p95LatencyMs")),
            v("dataResidency", "where data may reside", r -> Cell.items(r.card().dataResidency())),
            v("frameworks", "compliance frameworks the model is documented for", r -> strings(r.card(), "compliance", "frameworks")),
            v("baseModel", "the model this one derives from", r -> text(r.card(), "lineage", "baseModel")),
            v("adapter", "how it was derived: lora, full-fine-tune, ...", r -> text(r.card(), "lineage", "adapter")),
            v("embeddingModel", "embedding model used for retrieval", r -> text(r.card(), "lineage", "embeddingModel")),
            v("thirdPartyModels", "models from other providers this version is or builds on (Annex IV 2(a))", Columns::thirdPartyModels),
            v("artifactUri", "where the weights are", r -> text(r.card(), "lineage", "artifact", "uri")),
            v("artifactSha256", "checksum of the weights", r -> text(r.card(), "lineage", "artifact", "sha256")),
            v("trainingData", "training data sets, name@version (Annex IV 2(d))", Columns::trainingData),
            v("codeRepo", "training code repository", r -> text(r.card(), "lineage", "code", "repo")),
            v("codeCommit", "training code commit", r -> text(r.card(), "lineage", "code", "commit")),
            v("evaluations", "evaluations, suite@date:passed|failed (Annex IV 2(g))", Columns::evaluations),
            v("benchmarks", "benchmark evidence", r -> text(r.card(), "evidence", "benchmarks")),
            v("redTeam", "red-team report", r -> review(r.card(), "redTeam")),
            v("privacyReview", "privacy review", r -> review(r.card(), "privacyReview")),
            v("certificate", "notified body certificate: type, number, expiry (Annex VIII A 8)", r -> text(r.card(), "compliance", "certificate")),
            v("instructionsForUse", "where the instructions for use are (Annex VIII A 12)", r -> text(r.card(), "compliance", "instructionsForUse")),
            v("humanOversight", "human oversight measures (Annex IV 2(e))", r -> text(r.card(), "compliance", "humanOversight")),
            v("postMarketMonitoring", "post-market monitoring plan (Annex IV 9)", r -> text(r.card(), "compliance", "postMarketMonitoring")),
            v("deprecationAnnounced", "when deprecation was announced", r -> Cell.text(r.card().deprecation().flatMap(d -> d.announced()))),
            v("retireAfter", "earliest retirement date", r -> Cell.text(r.card().deprecation().flatMap(d -> d.retireAfter()))),
            v("replacement", "the version that replaces this one", r -> Cell.text(r.card().deprecation().flatMap(d -> d.replacement()))),
            v("deployments", "deployments running this version", r -> Cell.items(r.deployments().stream().map(Deployment::name).sorted().toList())),
            v("environments", "environments it runs in", r -> Cell.items(distinct(r.deployments(), d -> d.environment().map(Environment::id).orElse("")))),
            v("regions", "regions it runs in (Annex VIII A 10: map them to Member States)", r -> Cell.items(distinct(r.deployments(), Deployment::region))),
            v("marketStatus", "in-service (a prod deployment), no-longer-in-service (deprecated or retired, none) or not-in-service (Annex VIII A 7)", Columns::marketStatus),
            v("lastChangeCommit", "last commit that changed the card", r -> commit(r.lastChange())),
            v("lastChangeDate", "when that commit landed (UTC)", r -> date(r.lastChange())),
            v("lastChangeAuthor", "who authored that commit", r -> Cell.text(r.lastChange().map(CommitInfo::authorEmail))),
            v("path", "the card's path in the registry", r -> Cell.text(r.card().path()))));

    /** Columns over deployments: {@code --kind deployments}. */
    public static final Map<String, Column<DeploymentRow>> DEPLOYMENT = catalogue(List.of(
            d("deployment", "deployment name", r -> Cell.text(r.deployment().name())),
            d("model", "model it runs", r -> Cell.text(r.deployment().model())),
            d("version", "model version it runs", r -> Cell.text(r.deployment().version())),
            d("reference", "model@version", r -> Cell.text(r.deployment().modelRef().toString())),
            d("environment", "dev, stage or prod", r -> Cell.text(r.deployment().environment().map(Environment::id))),
            d("region", "where it runs", r -> Cell.text(r.deployment().region())),
            d("endpoint", "its endpoint", r -> Cell.text(r.deployment().endpoint())),
            d("app", "the application it serves", r -> Cell.text(r.deployment().app())),
            d("description", "what it is for", r -> Cell.text(CardBinder.text(r.deployment().document().path("description")))),
            d("rollout", "rollout strategy and percent", Columns::rollout),
            d("owners", "owner references as the card writes them", r -> Cell.items(r.deployment().owners())),
            d("ownerEmails", "the emails the owners stand for (the model's owners when the card names none)", r -> Cell.items(r.ownerEmails())),
            d("provider", "the model's provider", r -> Cell.text(r.model().map(ModelCard::provider))),
            d("modelStage", "the model version's lifecycle stage", r -> Cell.text(r.model().map(m -> m.stage().id()))),
            d("effectiveTier", "the model version's effective risk tier", r -> Cell.text(r.risk().map(t -> t.effective().id()))),
            d("dataTags", "data classifications the model touches", r -> Cell.items(r.model().map(ModelCard::dataTags).orElse(List.of()))),
            d("lastChangeCommit", "last commit that changed the deployment card", r -> commit(r.lastChange())),
            d("lastChangeDate", "when that commit landed (UTC)", r -> date(r.lastChange())),
            d("lastChangeAuthor", "who authored that commit", r -> Cell.text(r.lastChange().map(CommitInfo::authorEmail))),
            d("path", "the card's path in the registry", r -> Cell.text(r.deployment().path()))));

    /** Whether a column needs the last-change history walk (so exports that show none skip git). */
    public static boolean needsHistory(String column) {
        return column.startsWith("lastChange");
    }

    private static Column<VersionRow> v(String name, String description, Function<VersionRow, Cell> f) {
        return new Column<>(name, description, f);
    }

    private static Column<DeploymentRow> d(String name, String description, Function<DeploymentRow, Cell> f) {
        return new Column<>(name, description, f);
    }

    private static <R> Map<String, Column<R>> catalogue(List<Column<R>> columns) {
        Map<String, Column<R>> out = new LinkedHashMap<>();
        for (Column<R> c : columns) {
            if (out.put(c.name(), c) != null) {
                throw new IllegalStateException("duplicate column " + c.name());
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static JsonNode at(ModelCard card, String... path) {
        JsonNode n = card.document();
        for (String p : path) {
            n = n.path(p);
        }
        return n;
    }

    private static Cell text(ModelCard card, String... path) {
        return Cell.text(CardBinder.text(at(card, path)));
    }

    private static Cell strings(ModelCard card, String... path) {
        return Cell.items(CardBinder.strings(at(card, path)));
    }

    private static Cell number(ModelCard card, String... path) {
        JsonNode n = at(card, path);
        return n.isNumber() ? Cell.number(n.decimalValue()) : Cell.EMPTY;
    }

    /** A review is either a text or {report, date, reviewer}. */
    private static Cell review(ModelCard card, String field) {
        JsonNode n = at(card, "evidence", field);
        if (n.isTextual()) {
            return Cell.text(n.textValue());
        }
        if (!n.isObject()) {
            return Cell.EMPTY;
        }
        List<String> parts = new ArrayList<>();
        for (String k : List.of("report", "date", "reviewer")) {
            String s = CardBinder.text(n.path(k));
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return Cell.text(String.join(" ", parts));
    }

    /** Rules as an inventory cell lists them: {@code id: legal basis}, or for the fallback, that no rule applies. */
    private static List<String> basis(List<RuleMatch> rules) {
        return rules.stream().map(m -> m.id() + ": " + (m.fallback() ? "no rule applies" : m.basis())).toList();
    }

    private static Cell approvedStages(VersionRow r) {
        TreeSet<Stage> stages = new TreeSet<>();
        r.card().approvals().forEach(a -> stages.add(a.stage()));
        return Cell.items(stages.stream().map(Stage::id).toList());
    }

    private static String approval(Approval a) {
        return a.stage().id() + ":" + a.by() + ":" + a.role() + ":" + a.date().map(Object::toString).orElse("");
    }

    private static Cell thirdPartyModels(VersionRow r) {
        List<String> out = new ArrayList<>();
        String provider = r.card().provider();
        if (!provider.isEmpty() && !provider.equals("internal")) {
            out.add(provider + ":" + r.card().ref());
        }
        for (String field : List.of("baseModel", "embeddingModel")) {
            String s = CardBinder.text(at(r.card(), "lineage", field));
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return Cell.items(out);
    }

    private static Cell trainingData(VersionRow r) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : at(r.card(), "lineage", "trainingData")) {
            String name = CardBinder.text(d.path("name"));
            String version = CardBinder.text(d.path("version"));
            out.add(version.isEmpty() ? name : name + "@" + version);
        }
        return Cell.items(out);
    }

    private static Cell evaluations(VersionRow r) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : at(r.card(), "evaluations")) {
            JsonNode passed = e.path("passed");
            out.add(CardBinder.text(e.path("suite")) + "@" + CardBinder.text(e.path("date")) + ":"
                    + (passed.isBoolean() ? (passed.booleanValue() ? "passed" : "failed") : "unknown"));
        }
        return Cell.items(out);
    }

    private static Cell marketStatus(VersionRow r) {
        if (r.deployments().stream().anyMatch(d -> d.environment().equals(Optional.of(Environment.PROD)))) {
            return Cell.text("in-service");
        }
        Stage s = r.card().stage();
        return Cell.text(s == Stage.DEPRECATED || s == Stage.RETIRED ? "no-longer-in-service" : "not-in-service");
    }

    private static Cell rollout(DeploymentRow r) {
        JsonNode n = r.deployment().document().path("rollout");
        String strategy = CardBinder.text(n.path("strategy"));
        JsonNode percent = n.path("percent");
        String p = percent.isNumber() ? ((Cell.Number) Cell.number(percent.decimalValue())).value().toPlainString() + "%" : "";
        return Cell.text((strategy + " " + p).trim());
    }

    private static List<String> distinct(List<Deployment> deployments, Function<Deployment, String> f) {
        TreeSet<String> out = new TreeSet<>();
        deployments.forEach(d -> {
            String s = f.apply(d);
            if (!s.isEmpty()) {
                out.add(s);
            }
        });
        return List.copyOf(out);
    }

    private static Cell commit(Optional<CommitInfo> c) {
        return Cell.text(c.map(CommitInfo::id));
    }

    private static Cell date(Optional<CommitInfo> c) {
        return Cell.text(c.map(i -> i.committed().toInstant().toString()));
    }
}
