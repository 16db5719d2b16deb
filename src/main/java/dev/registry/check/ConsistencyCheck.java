package dev.registry.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.card.Deployment;
import dev.registry.card.Deprecation;
import dev.registry.card.Environment;
import dev.registry.card.ModelCard;
import dev.registry.card.ModelRef;
import dev.registry.card.Owners;
import dev.registry.card.SemVer;
import dev.registry.card.Stage;
import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import dev.registry.source.RegistryFile;
import dev.registry.source.Snapshot;
import dev.registry.source.YamlDocument;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules no single file's schema can state: names agree with paths, references resolve,
 * deployments point at versions fit for their environment, lifecycle dates add up.
 */
public final class ConsistencyCheck implements Check {

    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");
    private static final Set<String> DATE_FIELDS = Set.of("date", "announced", "retireAfter");

    private final LocalDate today;

    /** @param today the date lifecycle rules are judged on (injected so tests are stable) */
    public ConsistencyCheck(LocalDate today) {
        this.today = today;
    }

    @Override
    public List<Finding> run(Snapshot s) {
        List<Finding> out = new ArrayList<>();
        requiredFiles(s, out);
        layout(s, out);
        caseCollisions(s, out);
        owners(s, out);
        duplicates(s, out);
        // The rules for each card read the snapshot and write only their own list: run in
        // parallel, and put together in card order, so that the findings are the serial ones.
        out.addAll(eachInParallel(s.models(), (m, found) -> {
            modelReferences(s, m, found);
            lifecycle(s, m, found);
        }));
        out.addAll(eachInParallel(s.deployments(), (d, found) -> deployment(s, d, found)));
        out.addAll(eachInParallel(List.copyOf(s.files().values()), this::dates));
        return out;
    }

    private static <T> List<Finding> eachInParallel(List<T> cards, java.util.function.BiConsumer<T, List<Finding>> rules) {
        return dev.registry.Parallel.flatMap(cards, card -> {
            List<Finding> found = new ArrayList<>(0);
            rules.accept(card, found);
            return found;
        });
    }

    private void requiredFiles(Snapshot s, List<Finding> out) {
        if (!s.files().containsKey("registry.yaml") && s.readFindings().stream().noneMatch(f -> f.path().equals("registry.yaml"))) {
            out.add(Finding.error("registry-missing", "registry.yaml", Location.START, "",
                    "registry.yaml is missing from the " + s.label(), "run `registry init` to create one"));
        }
        if (!s.files().containsKey("owners.yaml") && s.readFindings().stream().noneMatch(f -> f.path().equals("owners.yaml"))) {
            out.add(Finding.error("owners-missing", "owners.yaml", Location.START, "",
                    "owners.yaml is missing from the " + s.label() + "; every owner reference needs it",
                    "run `registry init` in an empty folder to see a starting owners.yaml"));
        }
    }

    /** Paths must agree with names and versions, so a file can be found from its reference. */
    private void layout(Snapshot s, List<Finding> out) {
        for (ModelCard m : s.models()) {
            YamlDocument doc = s.files().get(m.path()).document();
            String expected = "models/" + m.name() + "/" + m.version() + ".yaml";
            // An invalid name or version is the schema's to report; a path built from it
            // (models/../1.0.0.yaml) would only mislead.
            if (NAME.matcher(m.name()).matches() && m.semVer().isPresent() && !m.path().equals(expected)) {
                String pointer = m.path().startsWith("models/" + m.name() + "/") ? "/version" : "/name";
                out.add(Finding.error("path-mismatch", m.path(), doc.valueAt(pointer), pointer,
                        "card for " + m.ref() + " must be stored at " + expected,
                        "rename the file, or correct `name`/`version` to match where it is"));
            }
            reservedName(m.path(), doc, m.name(), out);
        }
        for (Deployment d : s.deployments()) {
            YamlDocument doc = s.files().get(d.path()).document();
            String expected = "deployments/" + d.name() + ".yaml";
            if (NAME.matcher(d.name()).matches() && !d.path().equals(expected)) {
                out.add(Finding.error("path-mismatch", d.path(), doc.valueAt("/name"), "/name",
                        "deployment `" + d.name() + "` must be stored at " + expected,
                        "rename the file, or correct `name` to match where it is"));
            }
            reservedName(d.path(), doc, d.name(), out);
        }
    }

    private static void reservedName(String path, YamlDocument doc, String name, List<Finding> out) {
        if (RESERVED.contains(name)) {
            out.add(Finding.error("name-reserved", path, doc.valueAt("/name"), "/name",
                    "`" + name + "` is a reserved file name on Windows; the registry could not be checked out there",
                    "choose another name"));
        }
    }

    /** Two paths that differ only in case or Unicode form overwrite each other on macOS and Windows. */
    private void caseCollisions(Snapshot s, List<Finding> out) {
        Map<String, String> seen = new HashMap<>();
        List<String> paths = new ArrayList<>(s.files().keySet());
        s.readFindings().forEach(f -> paths.add(f.path()));
        for (String p : paths.stream().distinct().sorted().toList()) {
            String folded = Normalizer.normalize(p, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            String other = seen.putIfAbsent(folded, p);
            if (other != null) {
                out.add(new Finding("path-case-collision", dev.registry.finding.Severity.ERROR, p, 1, 1, "",
                        "`" + p + "` and `" + other + "` differ only in case or Unicode form; they collide on case-insensitive checkouts",
                        "rename one of them", List.of(other)));
            }
        }
    }

    private void owners(Snapshot s, List<Finding> out) {
        RegistryFile f = s.files().get("owners.yaml");
        if (f == null) {
            return;
        }
        Set<String> teams = new HashSet<>();
        for (int i = 0; i < s.owners().teams().size(); i++) {
            String id = s.owners().teams().get(i).id();
            if (!id.isEmpty() && !teams.add(id)) {
                String ptr = "/teams/" + i + "/id";
                out.add(Finding.error("duplicate-name", f.path(), f.document().valueAt(ptr), ptr,
                        "team `" + id + "` is defined twice", "merge the two entries"));
            }
        }
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < s.owners().people().size(); i++) {
            Owners.Person p = s.owners().people().get(i);
            List<String> all = new ArrayList<>();
            all.add(p.email());
            all.addAll(p.aliases());
            for (String e : all) {
                if (!e.isEmpty() && !emails.add(e.toLowerCase(Locale.ROOT))) {
                    String ptr = "/people/" + i + "/email";
                    out.add(Finding.error("duplicate-name", f.path(), f.document().valueAt(ptr), ptr,
                            "`" + e + "` belongs to more than one person", "each email and alias may stand for one person only"));
                }
            }
        }
        for (int i = 0; i < s.owners().teams().size(); i++) {
            List<String> members = s.owners().teams().get(i).members();
            for (int j = 0; j < members.size(); j++) {
                if (s.owners().person(members.get(j)).isEmpty()) {
                    String ptr = "/teams/" + i + "/members/" + j;
                    out.add(Finding.error("owner-unknown", f.path(), f.document().valueAt(ptr), ptr,
                            "team member `" + members.get(j) + "` is not listed under `people`",
                            "add them to `people` with their name and roles"));
                }
            }
        }
    }

    private void duplicates(Snapshot s, List<Finding> out) {
        Map<String, String> models = new HashMap<>();
        for (ModelCard m : s.models()) {
            if (m.name().isEmpty() || m.version().isEmpty()) {
                continue;
            }
            String first = models.putIfAbsent(m.ref().toString(), m.path());
            if (first != null) {
                out.add(Finding.error("duplicate-name", m.path(), loc(s, m.path(), "/version"), "/version",
                        m.ref() + " is already defined in " + first, "give this card a new version").withRelated(List.of(first)));
            }
        }
        Map<String, String> deployments = new HashMap<>();
        for (Deployment d : s.deployments()) {
            if (d.name().isEmpty()) {
                continue;
            }
            String first = deployments.putIfAbsent(d.name(), d.path());
            if (first != null) {
                out.add(Finding.error("duplicate-name", d.path(), loc(s, d.path(), "/name"), "/name",
                        "deployment `" + d.name() + "` is already defined in " + first, "choose another name").withRelated(List.of(first)));
            }
        }
    }

    private void modelReferences(Snapshot s, ModelCard m, List<Finding> out) {
        for (int i = 0; i < m.owners().size(); i++) {
            ownerRef(s, m.path(), "/owners/" + i, m.owners().get(i), out);
        }
        JsonNode incident = m.document().path("operations").path("incidentOwner");
        if (incident.isTextual()) {
            ownerRef(s, m.path(), "/operations/incidentOwner", incident.asText(), out);
        }
        for (int i = 0; i < m.fallbacks().size(); i++) {
            String ptr = "/fallbacks/" + i;
            Optional<ModelRef> ref = ModelRef.parse(m.fallbacks().get(i));
            if (ref.isEmpty()) {
                continue; // the schema reports the shape
            }
            if (ref.get().equals(m.ref())) {
                out.add(Finding.error("fallback-self", m.path(), loc(s, m.path(), ptr), ptr,
                        m.ref() + " lists itself as a fallback", "a fallback must be another model version"));
                continue;
            }
            Optional<ModelCard> target = modelRef(s, m.path(), ptr, ref.get(), "fallback", out);
            if (target.isPresent() && target.get().stage() == Stage.RETIRED) {
                out.add(Finding.error("fallback-retired", m.path(), loc(s, m.path(), ptr), ptr,
                        "fallback " + ref.get() + " is retired", "fall back to a version that still runs")
                        .withRelated(List.of(target.get().path())));
            }
        }
        m.deprecation().flatMap(d -> d.replacement()).ifPresent(r ->
                modelRef(s, m.path(), "/lifecycle/deprecation/replacement", r, "replacement", out));
        for (String field : List.of("baseModel", "embeddingModel")) {
            JsonNode n = m.document().path("lineage").path(field);
            // A base model may live outside the registry (xgboost@1.7.6); only a name the
            // registry knows must resolve to one of its versions.
            ModelRef.parse(n.asText("")).filter(r -> !s.versionsOf(r.name()).isEmpty())
                    .ifPresent(r -> modelRef(s, m.path(), "/lineage/" + field, r, field, out));
        }
        for (int i = 0; i < m.approvals().size(); i++) {
            String by = m.approvals().get(i).by();
            // Something that is no email at all is the schema's to report.
            if (by.contains("@") && s.files().containsKey("owners.yaml") && s.owners().person(by).isEmpty()) {
                String ptr = "/approvals/" + i + "/by";
                out.add(Finding.error("owner-unknown", m.path(), loc(s, m.path(), ptr), ptr,
                        "approver `" + by + "` is not a person in owners.yaml",
                        "approvals must come from people listed in owners.yaml").withRelated(List.of("owners.yaml")));
            }
        }
    }

    private Optional<ModelCard> modelRef(Snapshot s, String path, String ptr, ModelRef ref, String what, List<Finding> out) {
        Optional<ModelCard> target = s.model(ref);
        if (target.isEmpty() && !brokenCardAt(s, ref)) {
            List<String> versions = s.versionsOf(ref.name()).stream().map(ModelCard::semVer)
                    .flatMap(Optional::stream).sorted().map(SemVer::text).distinct().toList();
            String hint = versions.isEmpty()
                    ? NearestName.of(ref.name(), s.models().stream().map(ModelCard::name).distinct().toList())
                            .map(n -> "did you mean `" + n + "`?").orElse("register the model first")
                    : "known versions of " + ref.name() + ": " + String.join(", ", versions);
            out.add(Finding.error("reference-unknown", path, loc(s, path, ptr), ptr,
                    what + " " + ref + " is not in the registry", hint));
        }
        return target;
    }

    /**
     * Whether the registry has a file where {@code ref}'s card belongs that did not read as that
     * version (bad YAML, a version YAML read as a number). That file has its own finding; every
     * reference to it failing too would bury the one cause under its echoes.
     */
    private static boolean brokenCardAt(Snapshot s, ModelRef ref) {
        String path = "models/" + ref.name() + "/" + ref.version() + ".yaml";
        return s.files().containsKey(path) || s.readFindings().stream().anyMatch(f -> f.path().equals(path));
    }

    private void ownerRef(Snapshot s, String path, String ptr, String ref, List<Finding> out) {
        boolean wellFormed = ref.startsWith("team:") || ref.contains("@"); // else the schema reports it
        if (!wellFormed || !s.files().containsKey("owners.yaml") || s.owners().resolves(ref)) {
            return;
        }
        List<String> known = new ArrayList<>();
        s.owners().teams().forEach(t -> known.add("team:" + t.id()));
        s.owners().people().forEach(p -> known.add(p.email()));
        String hint = NearestName.didYouMean(ref, known);
        out.add(Finding.error("owner-unknown", path, loc(s, path, ptr), ptr,
                "owner `" + ref + "` is not defined in owners.yaml",
                hint.isEmpty() ? "add the team or person to owners.yaml" : hint).withRelated(List.of("owners.yaml")));
    }

    private void lifecycle(Snapshot s, ModelCard m, List<Finding> out) {
        if (m.stage() != Stage.DEPRECATED && m.stage() != Stage.RETIRED) {
            return;
        }
        String ptr = "/lifecycle/stage";
        if (m.deprecation().isEmpty()) {
            out.add(Finding.error("deprecation-missing", m.path(), loc(s, m.path(), ptr), ptr,
                    m.ref() + " is " + m.stage() + " without a deprecation notice",
                    "add lifecycle.deprecation with announced, retireAfter and replacement (`registry deprecate` writes it)"));
            return;
        }
        var d = m.deprecation().get();
        if (m.stage() == Stage.DEPRECATED && d.replacement().isEmpty()) {
            out.add(Finding.error("deprecation-missing", m.path(), loc(s, m.path(), "/lifecycle/deprecation"), "/lifecycle/deprecation",
                    m.ref() + " is deprecated without a replacement", "name the version users should move to: replacement: model@version"));
        }
        if (d.announced().isPresent() && d.retireAfter().isPresent()) {
            long days = ChronoUnit.DAYS.between(d.announced().get(), d.retireAfter().get());
            int notice = s.deprecationNoticeDays();
            if (days < notice) {
                String p = "/lifecycle/deprecation/retireAfter";
                out.add(Finding.error("deprecation-notice", m.path(), loc(s, m.path(), p), p,
                        "notice period is " + days + " days; the policy requires at least " + notice,
                        "set retireAfter to " + d.announced().get().plusDays(notice) + " or later"));
            }
            if (m.stage() == Stage.RETIRED && d.retireAfter().get().isAfter(today)) {
                out.add(Finding.error("retired-early", m.path(), loc(s, m.path(), ptr), ptr,
                        m.ref() + " is retired before its notice ends on " + d.retireAfter().get(),
                        "keep it deprecated until then"));
            }
        }
    }

    private void deployment(Snapshot s, Deployment d, List<Finding> out) {
        for (int i = 0; i < d.owners().size(); i++) {
            ownerRef(s, d.path(), "/owners/" + i, d.owners().get(i), out);
        }
        if (d.model().isEmpty() || d.version().isEmpty()) {
            return;
        }
        Optional<ModelCard> target = s.model(d.modelRef());
        if (target.isEmpty()) {
            modelRef(s, d.path(), "/version", d.modelRef(), "deployed model", out);
            return;
        }
        ModelCard m = target.get();
        List<String> related = List.of(m.path());
        if (m.stage() == Stage.RETIRED) {
            out.add(Finding.error("deployment-retired", d.path(), loc(s, d.path(), "/version"), "/version",
                    "deployment `" + d.name() + "` runs " + m.ref() + ", which is retired",
                    "point it at a supported version, or remove the deployment").withRelated(related));
        } else if (d.environment().orElse(Environment.DEV) == Environment.PROD && m.stage() == Stage.DEPRECATED) {
            // The notice period exists so that prod can move at its own pace: a warning, not a block.
            String until = m.deprecation().flatMap(Deprecation::retireAfter).map(x -> " before " + x).orElse("");
            String to = m.deprecation().flatMap(Deprecation::replacement).map(r -> " to " + r).orElse("");
            out.add(Finding.warning("deployment-deprecated", d.path(), loc(s, d.path(), "/version"), "/version",
                    "prod deployment `" + d.name() + "` runs " + m.ref() + ", which is deprecated",
                    "move it" + to + until).withRelated(related));
        } else if (d.environment().orElse(Environment.DEV) == Environment.PROD && m.stage() != Stage.PRODUCTION
                && Stage.parse(dev.registry.source.CardBinder.text(m.document().at("/lifecycle/stage"))).isPresent()) {
            // A stage the schema refuses (`stage: prod`) is reported there; read as experimental, it would be a second, wrong error.
            out.add(Finding.error("deployment-stage", d.path(), loc(s, d.path(), "/version"), "/version",
                    "prod deployment `" + d.name() + "` runs " + m.ref() + ", which is " + m.stage() + ", not production",
                    promoteFirst(m)).withRelated(related));
        }
    }

    /** Promotion goes one stage at a time: an experimental version reaches production through staging. */
    private static String promoteFirst(ModelCard m) {
        if (m.stage() == Stage.EXPERIMENTAL) {
            return "promote the version to staging, then to production (`registry promote " + m.ref()
                    + " --to staging`), or deploy to dev/stage";
        }
        return "promote the version first (`registry promote " + m.ref() + " --to production`) or deploy to dev/stage";
    }

    /** The schema checks a date's shape; this catches shapes that are no day (2026-02-30). */
    private void dates(RegistryFile f, List<Finding> out) {
        // A walk over the tree rather than the document's positions: those are found only for
        // files with findings, and this runs for every file. Pointers too are built only for a finding.
        dates(f, f.document().root(), new ArrayDeque<>(), out);
    }

    private void dates(RegistryFile f, JsonNode node, Deque<String> at, List<Finding> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode v = e.getValue();
                if (v.isTextual()) {
                    if (DATE_FIELDS.contains(e.getKey()) && !isCalendarDate(v.textValue())) {
                        String ptr = pointer(at) + "/" + escape(e.getKey());
                        out.add(Finding.error("date-invalid", f.path(), f.document().valueAt(ptr), ptr,
                                "`" + v.asText() + "` is not a calendar date", "use YYYY-MM-DD with a real month and day"));
                    }
                } else if (v.isContainerNode()) {
                    at.addLast(e.getKey());
                    dates(f, v, at, out);
                    at.removeLast();
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainerNode()) {
                    at.addLast(Integer.toString(i));
                    dates(f, node.get(i), at, out);
                    at.removeLast();
                }
            }
        }
    }

    /**
     * False only for text shaped YYYY-MM-DD that names no day (2026-02-30): other shapes are the
     * schema's to judge.
     */
    static boolean isCalendarDate(String text) {
        return !dev.registry.source.CardBinder.isDateShaped(text) || dev.registry.source.CardBinder.isoDate(text).isPresent();
    }

    /** Keys are kept as they are on the walk; escaped only when a finding needs their pointer. */
    private static String pointer(Deque<String> segments) {
        StringBuilder sb = new StringBuilder();
        segments.forEach(s -> sb.append('/').append(escape(s)));
        return sb.toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static Location loc(Snapshot s, String path, String pointer) {
        RegistryFile f = s.files().get(path);
        return f == null ? Location.START : f.document().valueAt(pointer);
    }
}
