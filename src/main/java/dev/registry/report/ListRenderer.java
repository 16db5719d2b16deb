package dev.registry.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.card.Deployment;
import dev.registry.card.Environment;
import dev.registry.card.ModelCard;
import dev.registry.card.RiskTier;
import dev.registry.query.DeploymentRow;
import dev.registry.query.ModelRow;
import dev.registry.risk.RiskAssessment;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Prints {@code list} results: model versions or deployments, as a table, JSON or CSV. */
public final class ListRenderer {

    private static final List<String> MODEL_COLUMNS = List.of("name", "version", "stage", "tier", "computedTier",
            "declaredTier", "provider", "owners", "capabilities", "useDomains", "dataTags", "dataResidency", "deployments", "path");
    private static final List<String> DEPLOYMENT_COLUMNS = List.of("deployment", "model", "version", "environment", "region",
            "stage", "tier", "app", "endpoint", "owners", "path");

    private ListRenderer() {
    }

    public static void models(List<ModelRow> rows, ListFormat format, PrintWriter out) {
        switch (format) {
            case TABLE -> {
                Table t = new Table(List.of("MODEL", "VERSION", "STAGE", "TIER", "PROVIDER", "OWNERS", "DEPLOYED"));
                for (ModelRow r : rows) {
                    ModelCard m = r.card();
                    t.add(List.of(m.name(), m.version(), m.stage().id(), r.risk().effective().id(), m.provider(),
                            String.join(", ", m.owners()), deployed(r.deployments())));
                }
                t.print(out);
            }
            case JSON -> {
                ArrayNode a = JsonRenderer.JSON.createArrayNode();
                for (ModelRow r : rows) {
                    ModelCard m = r.card();
                    ObjectNode o = a.addObject();
                    o.put("model", m.name());
                    o.put("version", m.version());
                    o.put("path", m.path());
                    o.put("provider", m.provider());
                    o.put("description", m.description());
                    o.put("stage", m.stage().id());
                    tiers(o, r.risk());
                    strings(o, "owners", m.owners());
                    strings(o, "capabilities", m.capabilities());
                    strings(o, "useDomains", m.useDomains());
                    strings(o, "dataTags", m.dataTags());
                    strings(o, "dataResidency", m.dataResidency());
                    strings(o, "deployments", r.deployments().stream().map(Deployment::name).toList());
                }
                JsonRenderer.write(a, out);
            }
            case CSV -> {
                CsvWriter w = new CsvWriter(out).row(MODEL_COLUMNS);
                for (ModelRow r : rows) {
                    ModelCard m = r.card();
                    w.row(List.of(m.name(), m.version(), m.stage().id(), r.risk().effective().id(), r.risk().computed().id(),
                            r.risk().declared().map(RiskTier::id).orElse(""), m.provider(), CsvWriter.items(m.owners()),
                            CsvWriter.items(m.capabilities()), CsvWriter.items(m.useDomains()), CsvWriter.items(m.dataTags()),
                            CsvWriter.items(m.dataResidency()),
                            CsvWriter.items(r.deployments().stream().map(Deployment::name).toList()), m.path()));
                }
                w.flush();
            }
        }
    }

    public static void deployments(List<DeploymentRow> rows, ListFormat format, PrintWriter out) {
        switch (format) {
            case TABLE -> {
                Table t = new Table(List.of("DEPLOYMENT", "MODEL", "ENV", "REGION", "STAGE", "TIER", "APP", "ENDPOINT"));
                for (DeploymentRow r : rows) {
                    Deployment d = r.deployment();
                    t.add(List.of(d.name(), d.modelRef().toString(), env(d), d.region(), stage(r).orElse("?"),
                            tier(r).orElse("?"), d.app(), d.endpoint()));
                }
                t.print(out);
            }
            case JSON -> {
                ArrayNode a = JsonRenderer.JSON.createArrayNode();
                for (DeploymentRow r : rows) {
                    Deployment d = r.deployment();
                    ObjectNode o = a.addObject();
                    o.put("deployment", d.name());
                    o.put("path", d.path());
                    o.put("model", d.model());
                    o.put("version", d.version());
                    o.put("environment", env(d));
                    o.put("region", d.region());
                    o.put("endpoint", d.endpoint());
                    o.put("app", d.app());
                    strings(o, "owners", d.owners());
                    o.put("stage", stage(r).orElse(null));
                    o.put("tier", tier(r).orElse(null));
                }
                JsonRenderer.write(a, out);
            }
            case CSV -> {
                CsvWriter w = new CsvWriter(out).row(DEPLOYMENT_COLUMNS);
                for (DeploymentRow r : rows) {
                    Deployment d = r.deployment();
                    w.row(List.of(d.name(), d.model(), d.version(), env(d), d.region(), stage(r).orElse(""), tier(r).orElse(""),
                            d.app(), d.endpoint(), CsvWriter.items(d.owners()), d.path()));
                }
                w.flush();
            }
        }
    }

    /** The effective tier, and the computed and declared tiers it comes from. */
    static void tiers(ObjectNode o, RiskAssessment risk) {
        o.put("tier", risk.effective().id());
        o.put("computedTier", risk.computed().id());
        o.put("declaredTier", risk.declared().map(RiskTier::id).orElse(null));
    }

    static void strings(ObjectNode o, String key, List<String> values) {
        ArrayNode a = o.putArray(key);
        values.forEach(a::add);
    }

    /** Where a version runs, as environment counts: {@code prod:2 stage:1}, or {@code -}. */
    private static String deployed(List<Deployment> deployments) {
        Map<String, Integer> byEnv = new TreeMap<>();
        deployments.forEach(d -> byEnv.merge(env(d), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (Environment e : new Environment[] {Environment.PROD, Environment.STAGE, Environment.DEV}) {
            Integer n = byEnv.remove(e.id());
            if (n != null) {
                parts.add(e.id() + ":" + n);
            }
        }
        byEnv.forEach((k, n) -> parts.add(k + ":" + n));
        return parts.isEmpty() ? "-" : String.join(" ", parts);
    }

    private static String env(Deployment d) {
        return d.environment().map(Environment::id).orElse("");
    }

    private static Optional<String> stage(DeploymentRow r) {
        return r.model().map(m -> m.stage().id());
    }

    private static Optional<String> tier(DeploymentRow r) {
        return r.risk().map(x -> x.effective().id());
    }
}
