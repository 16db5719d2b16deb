package dev.registry.risk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.card.RiskTier;
import dev.registry.check.NearestName;
import dev.registry.check.SchemaCatalog;
import dev.registry.check.SchemaCheck;
import dev.registry.finding.Finding;
import dev.registry.source.CardBinder;
import dev.registry.source.RegistryFile;
import dev.registry.source.StrictYamlReader;
import dev.registry.source.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads risk policies: the default EU AI Act policy shipped in the jar, and the additions a
 * registry makes under {@code policy.risk} in registry.yaml. Reading is lenient, like card binding:
 * a malformed rule is left out (the schema check reports its shape), and everything the schema
 * cannot say (unknown identifiers, duplicate ids, dates out of order) becomes a located finding.
 */
public final class PolicyReader {

    /** Where the default policy lives on the class path. */
    public static final String DEFAULT_RESOURCE = "dev/registry/risk/eu-ai-act.policy.yaml";
    /** Where registry.yaml keeps its additions. */
    public static final String REGISTRY_POINTER = "/policy/risk";

    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
    private static volatile Policy defaults;

    private PolicyReader() {
    }

    /** A policy and what is wrong with the text it was read from. */
    public record Loaded(Policy policy, List<Finding> findings) {
        public Loaded {
            findings = List.copyOf(findings);
        }
    }

    /** The policy shipped in the tool; a defect in it is a bug, so it fails loudly. */
    public static Policy defaults() {
        Policy p = defaults;
        if (p == null) {
            synchronized (PolicyReader.class) {
                p = defaults;
                if (p == null) {
                    // Without the schema check: DefaultPolicyTest holds the bundled policy to its schema at
                    // build time, and at run time the check would compile every schema even on runs
                    // that take every card's schema findings from the cache. The rule semantics are
                    // still checked here.
                    Loaded loaded = read(DEFAULT_RESOURCE, resource(DEFAULT_RESOURCE), false);
                    if (!loaded.findings().isEmpty()) {
                        Finding f = loaded.findings().get(0);
                        throw new IllegalStateException("the bundled risk policy is invalid: " + f.path() + ":" + f.line()
                                + ":" + f.column() + ": " + f.message() + " [" + f.ruleId() + "]");
                    }
                    p = loaded.policy();
                    defaults = p;
                }
            }
        }
        return p;
    }

    /** Reads a whole policy document (kind: Policy): YAML, schema and rule semantics. */
    public static Loaded read(String path, byte[] bytes) {
        return read(path, bytes, true);
    }

    private static Loaded read(String path, byte[] bytes, boolean schemaCheck) {
        StrictYamlReader.Result r = new StrictYamlReader().read(path, bytes);
        if (r instanceof StrictYamlReader.Rejected rejected) {
            return new Loaded(new Policy("", List.of(), List.of(), Vocabulary.empty(), List.of()), List.of(rejected.finding()));
        }
        YamlDocument doc = ((StrictYamlReader.Parsed) r).document();
        List<Finding> findings = new ArrayList<>();
        if (schemaCheck) {
            SchemaCatalog catalog = SchemaCatalog.get();
            findings.addAll(new SchemaCheck().check(catalog, catalog.policySchema(), path, doc));
        }
        JsonNode root = doc.root();
        Parser parser = new Parser(path, doc, vocabulary(root.path("vocabulary")), CardBinder.text(root.path("name")));
        List<Rule> rules = parser.rules(root.path("rules"), "/rules", Map.of());
        parser.singleKinds(rules, Set.of());
        parser.checkReferences(rules);
        findings.addAll(parser.findings);
        List<String> roles = CardBinder.strings(root.path("reviewerRoles"));
        return new Loaded(new Policy(CardBinder.text(root.path("name")), rules, List.of(), parser.vocabulary, roles), findings);
    }

    /**
     * The default policy with registry.yaml's additions. The findings are the semantic problems
     * only; {@link #problems} adds the schema's.
     */
    public static Loaded forRegistry(Optional<RegistryFile> registryYaml) {
        Policy base = defaults();
        if (registryYaml.isEmpty() || !registryYaml.get().document().root().path("policy").path("risk").isObject()) {
            return new Loaded(base, List.of());
        }
        RegistryFile file = registryYaml.get();
        JsonNode risk = file.document().root().path("policy").path("risk");
        String at = REGISTRY_POINTER;
        Parser parser = new Parser(file.path(), file.document(), base.vocabulary().plus(vocabulary(risk.path("vocabulary"))),
                file.path());
        Map<String, Rule> known = new LinkedHashMap<>();
        base.rules().forEach(r -> known.put(r.id(), r));
        List<Rule> own = parser.rules(risk.path("rules"), at + "/rules", known);
        List<Rule> all = new ArrayList<>(base.rules());
        all.addAll(own);
        parser.checkReferences(all);

        List<Rule> dated = new ArrayList<>();
        Map<String, JsonNode> effective = new LinkedHashMap<>();
        risk.path("effective").properties().forEach(e -> effective.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : effective.entrySet()) {
            String ptr = YamlDocument.child(at + "/effective", e.getKey());
            if (all.stream().noneMatch(r -> r.id().equals(e.getKey()))) {
                parser.unknownRule(ptr, e.getKey(), all, true);
            } else {
                parser.datesInOrder(e.getValue(), ptr);
            }
        }
        for (Rule r : all) {
            JsonNode d = effective.get(r.id());
            dated.add(d == null || !d.isObject() ? r
                    : r.withDates(CardBinder.date(d.path("from")).or(r::from), CardBinder.date(d.path("until")).or(r::until)));
        }

        List<String> disabled = new ArrayList<>();
        JsonNode disable = risk.path("disable");
        for (int i = 0; i < disable.size(); i++) {
            String id = CardBinder.text(disable.get(i));
            if (id.isEmpty()) {
                continue;
            }
            if (all.stream().anyMatch(r -> r.id().equals(id))) {
                disabled.add(id);
            } else {
                parser.unknownRule(at + "/disable/" + i, id, all, false);
            }
        }
        parser.singleKinds(all, Set.copyOf(disabled));
        List<Rule> active = dated.stream().filter(r -> !disabled.contains(r.id())).toList();
        List<String> roles = CardBinder.strings(risk.path("reviewerRoles"));
        return new Loaded(new Policy(base.name(), active, disabled, parser.vocabulary,
                roles.isEmpty() ? base.reviewerRoles() : roles), parser.findings);
    }

    /**
     * registry.yaml's schema errors under {@code /policy}: with {@link Loaded#findings()}, everything
     * wrong with its risk policy (a misspelt {@code risk:} key would silently drop every addition).
     */
    public static List<Finding> schemaFindings(Optional<RegistryFile> registryYaml) {
        return registryYaml.map(f -> new SchemaCheck().check(SchemaCatalog.get(), f).stream()
                .filter(x -> x.pointer().startsWith("/policy/") && x.isError())
                .toList()).orElse(List.of());
    }

    private static Vocabulary vocabulary(JsonNode n) {
        return new Vocabulary(Set.copyOf(CardBinder.strings(n.path("capabilities"))),
                Set.copyOf(CardBinder.strings(n.path("useDomains"))), Set.copyOf(CardBinder.strings(n.path("dataTags"))));
    }

    private static byte[] resource(String name) {
        try (InputStream in = PolicyReader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads rules and conditions from one document, collecting located findings. */
    private static final class Parser {
        final String path;
        final YamlDocument doc;
        final Vocabulary vocabulary;
        final String origin;
        final List<Finding> findings = new ArrayList<>();
        /** Rule references met in conditions, by pointer, with the kind of the rule that holds them. */
        final Map<String, RuleKind> references = new LinkedHashMap<>();
        /** Where each rule this parser read stands. */
        final Map<String, String> pointers = new LinkedHashMap<>();

        Parser(String path, YamlDocument doc, Vocabulary vocabulary, String origin) {
            this.path = path;
            this.doc = doc;
            this.vocabulary = vocabulary;
            this.origin = origin;
        }

        List<Rule> rules(JsonNode list, String pointer, Map<String, Rule> existing) {
            List<Rule> out = new ArrayList<>();
            Set<String> ids = new HashSet<>(existing.keySet());
            for (int i = 0; i < list.size(); i++) {
                String ptr = pointer + "/" + i;
                Optional<Rule> rule = rule(list.get(i), ptr);
                if (rule.isEmpty()) {
                    continue;
                }
                if (!ids.add(rule.get().id())) {
                    String where = existing.containsKey(rule.get().id())
                            ? "the default policy (" + existing.get(rule.get().id()).basis() + ")" : "this policy";
                    error("policy-rule-duplicate", ptr + "/id", "rule `" + rule.get().id() + "` is already defined in " + where,
                            existing.containsKey(rule.get().id())
                                    ? "give your rule its own id; to replace a default rule, disable it and add yours"
                                    : "rule ids must be unique");
                    continue;
                }
                out.add(rule.get());
                pointers.put(rule.get().id(), ptr);
            }
            return out;
        }

        private Optional<Rule> rule(JsonNode n, String ptr) {
            String id = CardBinder.text(n.path("id"));
            String basis = CardBinder.text(n.path("basis"));
            String reason = CardBinder.text(n.path("reason"));
            if (!n.isObject() || !RULE_ID.matcher(id).matches() || basis.isEmpty() || reason.isEmpty()) {
                return Optional.empty();
            }
            Optional<RuleKind> kind = n.has("kind") ? RuleKind.parse(CardBinder.text(n.path("kind"))) : Optional.of(RuleKind.TIER);
            Optional<RiskTier> tier = RiskTier.parse(CardBinder.text(n.path("tier")));
            Optional<String> flag = Optional.of(CardBinder.text(n.path("flag"))).filter(s -> !s.isEmpty());
            if (kind.isEmpty() || (n.has("tier") && tier.isEmpty())) {
                return Optional.empty();
            }
            RuleKind k = kind.get();
            boolean needsTier = k == RuleKind.TIER || k == RuleKind.DEROGATION || k == RuleKind.FALLBACK;
            if ((needsTier && tier.isEmpty()) || (k == RuleKind.FLAG && flag.isEmpty())) {
                return Optional.empty();
            }
            Optional<Condition> when = Optional.empty();
            if (n.has("when")) {
                when = condition(n.get("when"), ptr + "/when", k);
                if (when.isEmpty()) {
                    return Optional.empty();
                }
            } else if (k != RuleKind.FALLBACK) {
                return Optional.empty();
            }
            if (k == RuleKind.FALLBACK && when.isPresent()) {
                error("policy-condition-invalid", ptr + "/when", "the fallback rule `" + id + "` applies when no tier rule fires;"
                        + " it takes no condition", "remove `when`, or make it a tier rule");
                return Optional.empty();
            }
            boolean derogable = n.path("derogable").asBoolean(false);
            if (derogable && k != RuleKind.TIER) {
                error("policy-condition-invalid", ptr + "/derogable", "only tier rules can be derogable; `" + id + "` is " + k.withArticle()
                        + " rule", "remove `derogable`");
                derogable = false;
            }
            datesInOrder(n, ptr);
            return Optional.of(new Rule(id, k, tier, flag, basis, reason, when, CardBinder.date(n.path("from")),
                    CardBinder.date(n.path("until")), derogable, origin));
        }

        /** A condition, or empty when its shape is wrong (the schema says how). */
        private Optional<Condition> condition(JsonNode c, String ptr, RuleKind kind) {
            if (!c.isObject() || c.size() != 1) {
                return Optional.empty();
            }
            Map.Entry<String, JsonNode> e = c.properties().iterator().next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            String at = YamlDocument.child(ptr, key);
            switch (key) {
                case "all", "any" -> {
                    if (!v.isArray() || v.isEmpty()) {
                        return Optional.empty();
                    }
                    List<Condition> parts = new ArrayList<>();
                    for (int i = 0; i < v.size(); i++) {
                        Optional<Condition> part = condition(v.get(i), at + "/" + i, kind);
                        if (part.isEmpty()) {
                            return Optional.empty();
                        }
                        parts.add(part.get());
                    }
                    return Optional.of(key.equals("all") ? new Condition.All(parts) : new Condition.Any(parts));
                }
                case "not" -> {
                    return condition(v, at, kind).map(Condition.Not::new);
                }
                case "rule" -> {
                    List<String> ids = terms(v);
                    if (ids.isEmpty()) {
                        return Optional.empty();
                    }
                    if (kind.primary()) {
                        error("policy-condition-invalid", at, kind.withArticle() + " rule cannot depend on other rules",
                                "only needs-review, flag and derogation rules may test which rules fired");
                        return Optional.empty();
                    }
                    for (int i = 0; i < ids.size(); i++) {
                        references.put(v.isArray() ? at + "/" + i : at, kind);
                    }
                    return Optional.of(new Condition.Fired(ids));
                }
                case "trainingComputeFlop" -> {
                    JsonNode above = v.path("above");
                    return above.isNumber() ? Optional.of(new Condition.ComputeAbove(above.doubleValue())) : Optional.empty();
                }
                default -> {
                    Optional<Condition.Field> field = Condition.Field.ofKey(key);
                    List<String> values = terms(v);
                    if (field.isEmpty() || values.isEmpty()) {
                        return Optional.empty();
                    }
                    for (int i = 0; i < values.size(); i++) {
                        String value = values.get(i);
                        if (!vocabulary.knowsTerm(field.get(), value)) {
                            String vp = v.isArray() ? at + "/" + i : at;
                            error("vocabulary-unknown", vp, "unknown " + field.get().label() + " `" + value + "` in a rule condition",
                                    suggestion(value, vocabulary.of(field.get()), "add it to policy.risk.vocabulary."
                                            + vocabularyKey(field.get()) + " if your organisation uses it"));
                        }
                    }
                    return Optional.of(new Condition.Term(field.get(), values));
                }
            }
        }

        /** Rule references must name tier or obligation rules that exist. */
        void checkReferences(List<Rule> all) {
            for (Map.Entry<String, RuleKind> ref : references.entrySet()) {
                String id = doc.root().at(ref.getKey()).asText();
                Optional<Rule> target = all.stream().filter(r -> r.id().equals(id)).findFirst();
                if (target.isEmpty()) {
                    unknownRule(ref.getKey(), id, all, false);
                } else if (!target.get().kind().primary()) {
                    error("policy-condition-invalid", ref.getKey(), "`" + id + "` is " + target.get().kind().withArticle()
                            + " rule; conditions can only test whether tier and obligation rules fired", "");
                }
            }
        }

        /** A policy has one fallback and one derogation rule at most; a second is reported where this parser read it. */
        void singleKinds(List<Rule> all, Set<String> disabled) {
            Map<RuleKind, Rule> first = new LinkedHashMap<>();
            for (Rule r : all) {
                if ((r.kind() == RuleKind.FALLBACK || r.kind() == RuleKind.DEROGATION) && !disabled.contains(r.id())) {
                    Rule earlier = first.putIfAbsent(r.kind(), r);
                    if (earlier != null && pointers.containsKey(r.id())) {
                        error("policy-rule-duplicate", pointers.get(r.id()) + "/kind", "the policy already has " + r.kind().withArticle()
                                + " rule, `" + earlier.id() + "`", "disable `" + earlier.id() + "` in policy.risk.disable to use your own");
                    }
                }
            }
        }

        void datesInOrder(JsonNode n, String ptr) {
            Optional<LocalDate> from = CardBinder.date(n.path("from"));
            Optional<LocalDate> until = CardBinder.date(n.path("until"));
            if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
                error("policy-dates", ptr + "/until", "`until` " + until.get() + " is before `from` " + from.get(),
                        "`until` is the last day the rule applies; it cannot precede `from`");
            }
        }

        void unknownRule(String ptr, String id, List<Rule> all, boolean key) {
            List<String> ids = all.stream().map(Rule::id).toList();
            Finding f = Finding.error("policy-rule-unknown", path, key ? doc.keyAt(ptr) : doc.valueAt(ptr), ptr,
                    "no rule `" + id + "` in the policy", suggestion(id, ids, "rule ids: " + String.join(", ", ids)));
            findings.add(f);
        }

        private void error(String ruleId, String ptr, String message, String hint) {
            findings.add(Finding.error(ruleId, path, doc.valueAt(ptr), ptr, message, hint));
        }

        private static List<String> terms(JsonNode v) {
            if (v.isTextual()) {
                return List.of(v.textValue());
            }
            if (!v.isArray()) {
                return List.of(); // the schema reports the shape
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    return List.of();
                }
                out.add(item.textValue());
            }
            return out;
        }
    }

    /** "did you mean `x`?", else the fallback advice. */
    static String suggestion(String word, List<String> known, String otherwise) {
        String hint = NearestName.didYouMean(word, known);
        return hint.isEmpty() ? otherwise : hint;
    }

    static String vocabularyKey(Condition.Field field) {
        return switch (field) {
            case CAPABILITY -> "capabilities";
            case DOMAIN -> "useDomains";
            case DATA_TAG -> "dataTags";
            case MODALITY, PROVIDER -> field.key();
        };
    }
}
