package dev.registry.export;

import dev.registry.card.Approval;
import dev.registry.card.Deployment;
import dev.registry.card.Environment;
import dev.registry.card.ModelRef;
import dev.registry.card.RiskTier;
import dev.registry.card.Stage;
import dev.registry.risk.RiskAssessment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed in an inventory between two points: the quarterly governance report's content.
 * Model versions are matched by name and version, deployments by name, never by path, so a moved
 * file is not reported as removed and added.
 *
 * @param changes in report order: by kind, then model version, then deployment
 */
public record InventoryDiff(List<Change> changes) {

    /** The kinds of change, in the order a report lists them. */
    public enum Kind {
        REGISTERED("Registered"),
        PROMOTED("Promoted"),
        DEMOTED("Demoted"),
        DEPRECATED("Deprecated"),
        RETIRED("Retired"),
        REINSTATED("Reinstated"),
        REMOVED("Removed from the registry"),
        TIER_CHANGED("Risk tier changes"),
        DEPLOYMENT_ADDED("Deployments added"),
        DEPLOYMENT_MOVED("Deployments moved"),
        DEPLOYMENT_REMOVED("Deployments removed"),
        APPROVAL_ADDED("Approvals added"),
        APPROVAL_REMOVED("Approvals withdrawn");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        /** Kebab-case id, as CSV and JSON write it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Section heading in the text report. */
        public String title() {
            return title;
        }
    }

    /**
     * One change.
     *
     * @param model      the model version concerned (for a deployment, the version it runs after, else before)
     * @param deployment the deployment concerned, for deployment changes
     * @param from       the state before ("" for something new): a stage, a tier, {@code model@version env region}
     * @param to         the state after ("" for something gone)
     * @param detail     the rest a reader needs: owners of a new version, what moved, who approved
     */
    public record Change(Kind kind, Optional<ModelRef> model, Optional<String> deployment, String from, String to,
                         String detail) {
    }

    public InventoryDiff {
        changes = List.copyOf(changes);
    }

    /** How many changes of each kind, in report order, kinds without changes left out. */
    public Map<Kind, Long> counts() {
        Map<Kind, Long> out = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            long n = changes.stream().filter(c -> c.kind() == k).count();
            if (n > 0) {
                out.put(k, n);
            }
        }
        return out;
    }

    /** The changes from {@code before} to {@code after}. */
    public static InventoryDiff between(Inventory before, Inventory after) {
        List<Change> out = new ArrayList<>();
        Map<ModelRef, VersionRow> old = index(before.versions(), r -> r.card().ref());
        Map<ModelRef, VersionRow> now = index(after.versions(), r -> r.card().ref());

        for (VersionRow n : now.values()) {
            ModelRef ref = n.card().ref();
            VersionRow o = old.get(ref);
            if (o == null) {
                out.add(version(Kind.REGISTERED, ref, "", n.card().stage().id(),
                        n.risk().effective().id() + " risk, owners " + String.join(", ", n.card().owners())));
                byDate(n.card().approvals()).forEach(a -> out.add(approval(Kind.APPROVAL_ADDED, ref, a)));
                continue;
            }
            stageChange(o.card().stage(), n.card().stage()).ifPresent(k ->
                    out.add(version(k, ref, o.card().stage().id(), n.card().stage().id(), "")));
            tierChange(ref, o.risk(), n.risk()).ifPresent(out::add);
            // An edited comment is not a new approval: compare who approved what, in which role, when.
            List<List<Object>> was = o.card().approvals().stream().map(InventoryDiff::identity).toList();
            List<List<Object>> is = n.card().approvals().stream().map(InventoryDiff::identity).toList();
            byDate(n.card().approvals()).stream().filter(a -> !was.contains(identity(a)))
                    .forEach(a -> out.add(approval(Kind.APPROVAL_ADDED, ref, a)));
            byDate(o.card().approvals()).stream().filter(a -> !is.contains(identity(a)))
                    .forEach(a -> out.add(approval(Kind.APPROVAL_REMOVED, ref, a)));
        }
        for (VersionRow o : old.values()) {
            if (!now.containsKey(o.card().ref())) {
                out.add(version(Kind.REMOVED, o.card().ref(), o.card().stage().id(), "", ""));
            }
        }

        Map<String, Deployment> oldD = index(before.snapshot().deployments(), Deployment::name);
        Map<String, Deployment> newD = index(after.snapshot().deployments(), Deployment::name);
        for (Deployment n : newD.values()) {
            Deployment o = oldD.get(n.name());
            if (o == null) {
                out.add(new Change(Kind.DEPLOYMENT_ADDED, Optional.of(n.modelRef()), Optional.of(n.name()), "", where(n), ""));
            } else if (!where(o).equals(where(n))) {
                out.add(new Change(Kind.DEPLOYMENT_MOVED, Optional.of(n.modelRef()), Optional.of(n.name()), where(o), where(n),
                        moved(o, n)));
            }
        }
        for (Deployment o : oldD.values()) {
            if (!newD.containsKey(o.name())) {
                out.add(new Change(Kind.DEPLOYMENT_REMOVED, Optional.of(o.modelRef()), Optional.of(o.name()), where(o), "", ""));
            }
        }
        out.sort(ORDER); // stable: approvals of one version stay in date order
        return new InventoryDiff(out);
    }

    private static final Comparator<ModelRef> REF_ORDER = Comparator.comparing(ModelRef::name)
            .thenComparing(r -> dev.registry.card.SemVer.parse(r.version()).orElse(null),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ModelRef::version);

    private static final Comparator<Change> ORDER = Comparator.comparing(Change::kind)
            .thenComparing(c -> c.model().orElse(null), Comparator.nullsFirst(REF_ORDER))
            .thenComparing(c -> c.deployment().orElse(""));

    /**
     * How a stage change reads: into deprecated or retired is that; back out of them is a
     * reinstatement; between active stages, up is a promotion and down a demotion.
     */
    static Optional<Kind> stageChange(Stage from, Stage to) {
        if (from == to) {
            return Optional.empty();
        }
        if (to == Stage.DEPRECATED) {
            return Optional.of(Kind.DEPRECATED);
        }
        if (to == Stage.RETIRED) {
            return Optional.of(Kind.RETIRED);
        }
        if (from == Stage.DEPRECATED || from == Stage.RETIRED) {
            return Optional.of(Kind.REINSTATED);
        }
        return Optional.of(to.compareTo(from) > 0 ? Kind.PROMOTED : Kind.DEMOTED);
    }

    private static Optional<Change> tierChange(ModelRef ref, RiskAssessment o, RiskAssessment n) {
        if (o.effective() == n.effective() && o.computed() == n.computed() && o.declared().equals(n.declared())) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (o.computed() != n.computed()) {
            parts.add("computed " + o.computed().id() + " → " + n.computed().id());
        }
        if (!o.declared().equals(n.declared())) {
            parts.add("declared " + o.declared().map(RiskTier::id).orElse("none") + " → "
                    + n.declared().map(RiskTier::id).orElse("none"));
        }
        return Optional.of(version(Kind.TIER_CHANGED, ref, o.effective().id(), n.effective().id(), String.join("; ", parts)));
    }

    private static List<Approval> byDate(List<Approval> approvals) {
        return approvals.stream().sorted(Comparator.comparing((Approval a) -> a.date().orElse(java.time.LocalDate.MIN))
                .thenComparing(a -> a.stage()).thenComparing(Approval::by)).toList();
    }

    private static List<Object> identity(Approval a) {
        return List.of(a.stage(), a.by(), a.role(), a.date());
    }

    private static Change version(Kind kind, ModelRef ref, String from, String to, String detail) {
        return new Change(kind, Optional.of(ref), Optional.empty(), from, to, detail);
    }

    private static Change approval(Kind kind, ModelRef ref, Approval a) {
        String who = a.by() + (a.role().isEmpty() ? "" : " (" + a.role() + ")")
                + a.date().map(d -> " on " + d).orElse("");
        return new Change(kind, Optional.of(ref), Optional.empty(), kind == Kind.APPROVAL_REMOVED ? a.stage().id() : "",
                kind == Kind.APPROVAL_ADDED ? a.stage().id() : "", who);
    }

    /** A deployment's placement: what runs, in which environment and region. */
    private static String where(Deployment d) {
        return d.modelRef() + " in " + d.environment().map(Environment::id).orElse("?") + ", " + d.region();
    }

    private static String moved(Deployment o, Deployment n) {
        List<String> parts = new ArrayList<>();
        if (!o.model().equals(n.model())) {
            parts.add("model " + o.model() + " → " + n.model());
        }
        if (!o.version().equals(n.version())) {
            parts.add("version " + o.version() + " → " + n.version());
        }
        if (!o.environment().equals(n.environment())) {
            parts.add("environment " + o.environment().map(Environment::id).orElse("?") + " → "
                    + n.environment().map(Environment::id).orElse("?"));
        }
        if (!Objects.equals(o.region(), n.region())) {
            parts.add("region " + o.region() + " → " + n.region());
        }
        return String.join("; ", parts);
    }

    private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toMap(key, v -> v, (a, b) -> a, LinkedHashMap::new));
    }
}
