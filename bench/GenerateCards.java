import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a registry of {@code n} valid, realistic cards (about three quarters model versions,
 * the rest deployments) plus registry.yaml and owners.yaml into {@code dir}, for benchmarks.
 * Deterministic: the same n gives the same registry.
 *
 * <pre>java bench/GenerateCards.java &lt;n&gt; &lt;dir&gt;</pre>
 *
 * Needs nothing but the JDK. Every card is meant to pass {@code registry validate}; bench/run.sh
 * checks that it does.
 */
public final class GenerateCards {

    /** A kind of model, with the fields that make its cards look like the real thing. */
    record Archetype(String kind, String provider, List<String> modality, List<String> capabilities,
                     List<String> useDomains, List<String> dataTags, String tier, boolean llm, String purpose) {
    }

    static final List<Archetype> ARCHETYPES = List.of(
            new Archetype("assistant", "openai", List.of("text"), List.of("generates-text", "question-answering", "interacts-with-humans"),
                    List.of("consumer"), List.of("pii"), "limited", true, "Answers customer questions about %s products"),
            new Archetype("summariser", "anthropic", List.of("text"), List.of("summarization", "generates-text", "interaction-obvious"),
                    List.of("internal-operations"), List.of("pii"), "limited", true, "Summarises %s case notes for staff"),
            new Archetype("translator", "internal", List.of("text"), List.of("translation", "generates-text", "interaction-obvious"),
                    List.of("internal-operations"), List.of(), "limited", true, "Translates %s correspondence between EU languages"),
            new Archetype("churn-model", "internal", List.of("tabular"), List.of("classification"),
                    List.of("consumer"), List.of("pii", "financial"), "minimal", false, "Predicts %s customer churn for retention offers"),
            new Archetype("fraud-detector", "internal", List.of("tabular"), List.of("classification", "financial-fraud-detection"),
                    List.of("financial-services"), List.of("pii", "financial"), "minimal", false, "Flags suspicious %s transactions for analysts"),
            new Archetype("credit-scorer", "internal", List.of("tabular"),
                    List.of("classification", "creditworthiness", "makes-decisions-about-people", "profiling"),
                    List.of("credit"), List.of("pii", "financial"), "high", false, "Scores %s loan applications for human underwriters"),
            new Archetype("embedder", "huggingface", List.of("embedding"), List.of("embedding"),
                    List.of("internal-operations"), List.of(), "minimal", false, "Embeds %s documents for retrieval"),
            new Archetype("reranker", "huggingface", List.of("text"), List.of("reranking"),
                    List.of("internal-operations"), List.of(), "minimal", false, "Reranks %s search results"));

    static final List<String> AREAS = List.of("retail", "claims", "mortgage", "payments", "savings", "motor", "travel",
            "pension", "treasury", "cards", "leasing", "health", "sme", "wealth", "trade", "home");
    static final List<String> REGIONS = List.of("eu-west-1", "eu-central-1", "us-east-1", "eu-north-1", "ap-southeast-1");
    static final List<String> FIRST = List.of("ada", "ben", "chloe", "dev", "emma", "farid", "greta", "hugo", "ines",
            "jonas", "kim", "lena", "marco", "nina", "omar", "petra", "quinn", "rosa", "sven", "tara");

    private final Random random = new Random(20260105L);
    private final Path dir;
    private int written;

    GenerateCards(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].matches("\\d+") || Integer.parseInt(args[0]) < 1) {
            System.err.println("usage: java bench/GenerateCards.java <n cards, 1 or more> <registry dir>");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        GenerateCards g = new GenerateCards(dir);
        int cards = g.generate(n);
        System.out.printf(Locale.ROOT, "wrote %d cards (+ registry.yaml, owners.yaml) to %s%n", cards, dir);
    }

    /** One model and its versions, as generated. */
    record Model(String name, Archetype type, String team, List<Version> versions) {
    }

    record Version(String version, String stage) {
    }

    int generate(int n) {
        int modelCards = n == 1 ? 1 : Math.max(1, Math.round(n * 0.75f));
        int deploymentCards = n - modelCards;
        int teams = Math.max(1, modelCards / 25);
        writeRegistry();
        List<String> people = writeOwners(teams);

        List<Model> models = new ArrayList<>();
        int remaining = modelCards;
        for (int i = 0; remaining > 0; i++) {
            Archetype type = ARCHETYPES.get(i % ARCHETYPES.size());
            String name = AREAS.get((i / ARCHETYPES.size()) % AREAS.size()) + "-" + type.kind()
                    + (i < ARCHETYPES.size() * AREAS.size() ? "" : "-" + (i / (ARCHETYPES.size() * AREAS.size())));
            int count = Math.min(remaining, 1 + random.nextInt(4));
            remaining -= count;
            Model m = new Model(name, type, "team-" + (i % teams), versions(count, i));
            models.add(m);
            for (Version v : m.versions()) {
                writeModel(m, v, people);
            }
        }
        for (int d = 0; d < deploymentCards; d++) {
            writeDeployment(d, models.get(d % models.size()));
        }
        return written;
    }

    /** Older versions retired or deprecated, the newest in production or on its way there. */
    private List<Version> versions(int count, int seed) {
        List<Version> out = new ArrayList<>();
        int major = 1 + seed % 3;
        String newest = count == 1 ? (seed % 5 == 4 ? "experimental" : "production")
                : switch (seed % 4) {
                    case 0 -> "staging";
                    case 1 -> "experimental";
                    default -> "production";
                };
        for (int i = 0; i < count; i++) {
            String version = major + "." + i + "." + (seed % 3);
            String stage;
            if (i == count - 1) {
                stage = newest;
            } else if (i == count - 2) {
                stage = newest.equals("production") ? "deprecated" : "production";
            } else if (i == count - 3 && !newest.equals("production")) {
                stage = "deprecated";
            } else {
                stage = "retired";
            }
            out.add(new Version(version, stage));
        }
        return out;
    }

    private void writeRegistry() {
        write("registry.yaml", """
                apiVersion: registry/v1
                kind: Registry
                name: bench-registry
                description: Generated registry for benchmarks.
                policy:
                  deprecationNoticeDays: 90
                """);
    }

    /** Teams of four, each with a model owner, plus a risk officer and a privacy officer. */
    private List<String> writeOwners(int teams) {
        StringBuilder t = new StringBuilder();
        StringBuilder p = new StringBuilder();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < teams; i++) {
            List<String> members = new ArrayList<>();
            for (int j = 0; j < 4; j++) {
                String email = FIRST.get((i * 4 + j) % FIRST.size()) + "." + i + "@example.com";
                members.add(email);
                String role = j == 0 ? "model-owner" : "ml-engineer";
                p.append("  - {email: ").append(email).append(", name: ").append(cap(FIRST.get((i * 4 + j) % FIRST.size())))
                        .append(" Team").append(i).append(", roles: [").append(role).append("]}\n");
                people.add(email);
            }
            t.append("  - id: team-").append(i).append('\n')
                    .append("    name: ").append(cap(AREAS.get(i % AREAS.size()))).append(" ML ").append(i).append('\n')
                    .append("    email: team-").append(i).append("@example.com\n")
                    .append("    members: [").append(String.join(", ", members)).append("]\n");
        }
        p.append("  - {email: risk.officer@example.com, name: Rita Risk, roles: [risk-officer]}\n");
        p.append("  - {email: dpo@example.com, name: Pavel Privacy, roles: [privacy-officer]}\n");
        write("owners.yaml", "apiVersion: registry/v1\nkind: Owners\nteams:\n" + t + "people:\n" + p);
        return people;
    }

    private void writeModel(Model m, Version v, List<String> people) {
        Archetype a = m.type();
        String area = m.name().substring(0, m.name().indexOf('-'));
        LocalDate trained = LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28));
        StringBuilder y = new StringBuilder();
        y.append("# Generated by bench/GenerateCards.java\n")
                .append("apiVersion: registry/v1\nkind: Model\n")
                .append("name: ").append(m.name()).append('\n')
                .append("version: ").append(v.version()).append('\n')
                .append("provider: ").append(a.provider()).append('\n')
                .append("description: >-\n  ").append(String.format(Locale.ROOT, a.purpose(), area))
                .append(". Version ").append(v.version()).append(" trained on data up to ").append(trained).append(".\n")
                .append("modality: ").append(list(a.modality())).append('\n')
                .append("capabilities: ").append(list(a.capabilities())).append('\n')
                .append("useDomains: ").append(list(a.useDomains())).append('\n')
                .append("intendedUse:\n  - ").append(String.format(Locale.ROOT, a.purpose(), area)).append('\n')
                .append("disallowedUse:\n  - Decisions without human review\n")
                .append("owners: [team:").append(m.team()).append("]\n");
        if (!a.dataTags().isEmpty()) {
            y.append("dataTags: ").append(list(a.dataTags())).append('\n');
        }
        if (a.llm()) {
            y.append("contextWindow: ").append(List.of(32000, 128000, 200000).get(random.nextInt(3))).append('\n')
                    .append("parameters:\n  temperature: {default: 0.").append(1 + random.nextInt(7)).append(", range: [0, 1]}\n")
                    .append("  maxTokens: {default: 1024, max: 4096}\n");
        }
        y.append("risk:\n  tier: ").append(a.tier()).append("\n  justification: \"")
                .append(switch (a.tier()) {
                    case "high" -> "Creditworthiness of natural persons, Annex III 5(b); profiling keeps it high.";
                    case "limited" -> "Generates text shown to people: Art 50 transparency duties.";
                    default -> "No Annex III purpose and no Art 50 duty.";
                }).append("\"\n");
        y.append("lineage:\n");
        if (a.llm()) {
            y.append("  baseModel: ").append(a.provider()).append("-foundation@").append(1 + random.nextInt(3)).append(".0.0\n");
        }
        y.append("  artifact: {uri: \"s3://models/").append(m.name()).append('/').append(v.version())
                .append("/model.bin\", sha256: \"").append(hex(64)).append("\"}\n")
                .append("  trainingData:\n    - {name: ").append(area).append("-data, version: \"").append(trained.toString(), 0, 7)
                .append("\", sha256: \"").append(hex(64)).append("\"}\n")
                .append("  code: {repo: \"https://git.example.com/ml/").append(m.name()).append("\", commit: \"").append(hex(40)).append("\"}\n");
        if (a.llm()) {
            y.append("  promptTemplates:\n    - {name: ").append(area).append("-system-prompt, version: 1.")
                    .append(random.nextInt(5)).append(".0}\n");
        }
        y.append("evaluations:\n");
        for (int e = 0; e < 1 + random.nextInt(3); e++) {
            y.append("  - {suite: ").append(area).append("-holdout-").append(e + 1).append(", date: ")
                    .append(LocalDate.of(2026, 1 + random.nextInt(9), 1 + random.nextInt(28)))
                    .append(", metrics: {").append(a.llm() ? "faithfulness" : "auc").append(": 0.")
                    .append(80 + random.nextInt(19)).append("}, passed: true, report: \"https://reports.example.com/")
                    .append(m.name()).append('/').append(v.version()).append('/').append(e + 1).append("\"}\n");
        }
        if (!v.stage().equals("experimental")) {
            y.append("evidence:\n  dataBoundary: Runs in the EU tenant only.\n  safetyChecks: \"https://reports.example.com/")
                    .append(m.name()).append("/safety\"\n  benchmarks: \"https://reports.example.com/").append(m.name())
                    .append("/benchmarks\"\n  rollbackPlan: Roll deployments back to the previous production version.\n");
            if (a.tier().equals("high")) {
                y.append("  privacyReview: {report: \"https://dpo.example.com/").append(m.name())
                        .append("\", date: 2026-03-02, reviewer: dpo@example.com}\n")
                        .append("  redTeam: {report: \"https://red-team.example.com/").append(m.name()).append("\", date: 2026-03-09}\n")
                        .append("  evidencePack: \"https://evidence.example.com/").append(m.name()).append("\"\n");
            }
        }
        y.append("compliance: {dataResidency: [").append(REGIONS.get(random.nextInt(2)).replace("-1", ""))
                .append("], frameworks: [eu-ai-act]}\n");
        y.append("operations:\n  slo: {availability: 99.").append(5 + random.nextInt(5)).append(", p95LatencyMs: ")
                .append(a.llm() ? 1500 + random.nextInt(1000) : 50 + random.nextInt(200)).append("}\n")
                .append("  incidentOwner: team:").append(m.team()).append('\n');
        List<Version> vs = m.versions();
        int index = vs.indexOf(v);
        if (v.stage().equals("production") && index > 0 && vs.get(index - 1).stage().equals("deprecated")) {
            y.append("fallbacks: [").append(m.name()).append('@').append(vs.get(index - 1).version()).append("]\n");
        }
        y.append("lifecycle:\n  stage: ").append(v.stage()).append('\n');
        if (v.stage().equals("deprecated")) {
            y.append("  deprecation: {announced: 2026-08-03, retireAfter: 2026-12-01, replacement: ")
                    .append(m.name()).append('@').append(vs.get(index + 1).version()).append(", reason: Superseded}\n");
        } else if (v.stage().equals("retired")) {
            y.append("  deprecation: {announced: 2025-03-03, retireAfter: 2025-07-01, replacement: ")
                    .append(m.name()).append('@').append(vs.get(index + 1).version()).append("}\n");
        }
        if (List.of("staging", "production", "deprecated", "retired").contains(v.stage())) {
            y.append("approvals:\n  - {stage: staging, by: ").append(people.get(teamIndex(m) * 4))
                    .append(", role: model-owner, date: 2026-02-02}\n");
            if (!v.stage().equals("staging")) {
                y.append("  - {stage: production, by: risk.officer@example.com, role: risk-officer, date: 2026-02-16,")
                        .append(" comment: Evidence reviewed}\n");
            }
        }
        write("models/" + m.name() + "/" + v.version() + ".yaml", y.toString());
    }

    /** Prod runs the production version, stage the newest, dev anything still alive. */
    private void writeDeployment(int d, Model m) {
        String env;
        Version target;
        Version production = m.versions().stream().filter(v -> v.stage().equals("production")).findFirst().orElse(null);
        Version newest = m.versions().get(m.versions().size() - 1);
        int round = d;
        if (production != null && round % 3 != 2) {
            env = round % 3 == 0 ? "prod" : "stage";
            target = env.equals("prod") ? production : newest;
        } else {
            env = newest.stage().equals("experimental") || production == null ? "dev" : "stage";
            target = newest;
        }
        String region = REGIONS.get(d % REGIONS.size());
        String name = m.name() + "-" + env + "-" + d;
        write("deployments/" + name + ".yaml", """
                # Generated by bench/GenerateCards.java
                apiVersion: registry/v1
                kind: Deployment
                name: %s
                model: %s
                version: %s
                environment: %s
                region: %s
                endpoint: "https://%s.%s.models.example.com/v1"
                app: %s-app
                owners: [team:%s]
                rollout: {strategy: %s, percent: %d}
                """.formatted(name, m.name(), target.version(), env, region, m.name(), region, m.name(), m.team(),
                env.equals("prod") ? "canary" : "all-at-once", env.equals("prod") ? 25 * (1 + random.nextInt(4)) : 100));
    }

    private int teamIndex(Model m) {
        return Integer.parseInt(m.team().substring("team-".length()));
    }

    private void write(String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            if (relative.startsWith("models/") || relative.startsWith("deployments/")) {
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String hex(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return sb.toString(); // callers quote it: 12e45... would read as a number

    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
