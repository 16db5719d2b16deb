package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.registry.testing.Cli;
import dev.registry.testing.GateCards;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import dev.registry.testing.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shell steps of the CI templates in docs/ci and the pre-commit hook definitions, as the
 * runners would, against a clone of a temporary repository with a pull request that promotes a
 * model. Steps that call other actions (checkout, setup-java, upload-sarif) are the runner's
 * business and are not run; the clone stands in for the checkout.
 */
class CiTemplatesTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String REVIEWER = "101+carol@users.noreply.github.com";
    static final String CARD = GateCards.CARD;

    @TempDir
    Path tmp;

    Path work;
    Shell shell;
    String base;
    String head;

    @BeforeEach
    void pullRequest() {
        Path origin = tmp.resolve("origin");
        try (GitFixture git = GitFixture.init(origin)) {
            Registries.write(origin, "registry.yaml", Registries.REGISTRY);
            Registries.write(origin, "owners.yaml", GateCards.OWNERS);
            git.write(CARD, card("staging"));
            git.commit("alice@example.com", "credit-scorer 2.1.0 in staging");
            git.branch("promote");
            git.write(CARD, card("production"));
            git.commit("alice@example.com", "promote credit-scorer 2.1.0");
            git.checkout("main");
        }
        shell = Shell.in(tmp, tmp.resolve("bin"));
        var clone = shell.run("git clone -q 'file://" + origin + "' work && cd work && git checkout -q promote"
                + " && git rev-parse origin/main HEAD");
        assertEquals(0, clone.exit(), clone.toString());
        base = clone.out().split("\n")[0];
        head = clone.out().split("\n")[1];
        work = tmp.resolve("work");
        Shell.registryJar(work.resolve("tools/registry.jar"));
        // A fake GitHub CLI: prints the approving reviewers the real query would select.
        Shell.executable(tmp.resolve("fakes/gh"), "#!/bin/sh\n[ -n \"$FAKE_REVIEWERS\" ] && printf '%s\\n' $FAKE_REVIEWERS\nexit 0\n");
    }

    static String card(String stage) {
        return GateCards.ready(stage);
    }

    // ---------------------------------------------------------------- GitHub Actions

    @Test
    void githubWorkflowBlocksAnUnreviewedPromotionAndPassesAReviewedOne() throws Exception {
        JsonNode wf = YAML.readTree(Path.of("docs/ci/github-actions.yml").toFile());
        JsonNode steps = wf.at("/jobs/registry/steps");
        assertEquals(0, steps.get(0).at("/with/fetch-depth").asInt(-1), "the checkout must fetch the full history");

        Map<String, Cli.Result> blocked = runWorkflow(wf, "");
        assertEquals(0, blocked.get("Validate").exit(), blocked.get("Validate").toString());
        assertTrue(blocked.get("Validate").out().startsWith("ok: 3 files checked in the working tree"), blocked.toString());
        Cli.Result gate = blocked.get("Gate");
        assertEquals(1, gate.exit(), gate.toString());
        assertTrue(gate.out().contains("::error file=" + CARD + ",line=17,col=10,title=gate-approvals-missing::"), gate.out());
        Cli.Result sarif = blocked.get("Gate report for code scanning");
        assertEquals(1, sarif.exit(), sarif.toString());
        JsonNode report = new ObjectMapper().readTree(work.resolve("registry-gate.sarif").toFile());
        assertEquals("2.1.0", report.path("version").asText());
        List<String> rules = new ArrayList<>();
        report.at("/runs/0/results").forEach(x -> rules.add(x.path("ruleId").asText()));
        assertEquals(List.of("gate-approval-role", "gate-approvals-missing"), rules);

        Map<String, Cli.Result> reviewed = runWorkflow(wf, REVIEWER);
        assertEquals(0, reviewed.get("Gate").exit(), reviewed.get("Gate").toString());
        assertEquals(0, reviewed.get("Gate report for code scanning").exit(), reviewed.toString());
    }

    /** Runs every `run:` step in order, with the job's environment and GitHub's files, as the runner does. */
    private Map<String, Cli.Result> runWorkflow(JsonNode wf, String reviewers) throws IOException {
        Map<String, String> outputs = new HashMap<>();
        Path runner = Files.createTempDirectory(tmp, "runner");
        Path githubPath = runner.resolve("github_path");
        Files.writeString(githubPath, "");
        Map<String, Cli.Result> results = new LinkedHashMap<>();
        for (JsonNode step : wf.at("/jobs/registry/steps")) {
            if (!step.has("run")) {
                continue;
            }
            String name = step.path("name").asText();
            Path output = runner.resolve("output-" + results.size());
            Files.writeString(output, "");
            Map<String, String> env = new LinkedHashMap<>();
            fields(wf.path("env")).forEach((k, v) -> env.put(k, expand(v, outputs)));
            fields(step.path("env")).forEach((k, v) -> env.put(k, expand(v, outputs)));
            env.put("GITHUB_WORKSPACE", work.toString());
            env.put("GITHUB_REPOSITORY", "acme/registry");
            env.put("GITHUB_OUTPUT", output.toString());
            env.put("GITHUB_PATH", githubPath.toString());
            env.put("RUNNER_TEMP", runner.toString());
            env.put("FAKE_REVIEWERS", reviewers);
            List<String> path = new ArrayList<>(Files.readAllLines(githubPath));
            java.util.Collections.reverse(path); // later additions come first, as on a runner
            path.add(tmp.resolve("fakes").toString());
            Shell s = Shell.in(work, tmp.resolve("bin"));
            env.forEach(s::env);
            String script = "export PATH=\"" + String.join(":", path) + ":$PATH\"\n" + expand(step.get("run").asText(), outputs);
            Cli.Result r = s.run(script);
            results.put(name, r);
            if (r.exit() != 0 && !step.path("continue-on-error").asBoolean(false) && !name.startsWith("Gate")) {
                fail("step `" + name + "` failed: " + r);
            }
            if (step.has("id")) {
                for (String line : Files.readAllLines(output)) {
                    int eq = line.indexOf('=');
                    outputs.put("steps." + step.get("id").asText() + ".outputs." + line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return results;
    }

    /** GitHub's ${{ ... }} expressions, for the pull-request event this test stands for. */
    private String expand(String text, Map<String, String> outputs) {
        Map<String, String> context = new HashMap<>(outputs);
        context.put("github.token", "token");
        context.put("github.event.pull_request.number", "7");
        context.put("github.event.pull_request.head.sha", head);
        context.put("github.event.pull_request.base.ref", "main");
        Matcher m = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = context.get(m.group(1));
            if (value == null) {
                fail("the test does not know the expression `" + m.group(1) + "` in docs/ci/github-actions.yml");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    // ---------------------------------------------------------------- GitLab CI

    @Test
    void gitlabJobsValidateAndGateAMergeRequest() throws Exception {
        JsonNode ci = YAML.readTree(Path.of("docs/ci/gitlab-ci.yml").toFile());
        assertEquals("0", ci.at("/.registry/variables/GIT_DEPTH").asText(), "the jobs must clone the full history");

        Cli.Result validate = runJob(ci, "registry-validate");
        assertEquals(0, validate.exit(), validate.toString());

        Cli.Result blocked = runJob(ci, "registry-gate");
        assertEquals(1, blocked.exit(), blocked.toString());
        assertTrue(blocked.out().contains("  blocked  credit-scorer@2.1.0 staging -> production (tier minimal)"), blocked.out());
        assertTrue(blocked.err().contains(CARD + ":17:10: error: "), blocked.err());
        JsonNode artifact = new ObjectMapper().readTree(work.resolve("registry-gate.json").toFile());
        assertEquals(false, artifact.path("ok").asBoolean(true));

        // Carol approves in a commit of her own: the merge request passes.
        Registries.write(work, CARD, card("production") + "approvals:\n" + GateCards.approval("carol@example.com", "risk-officer"));
        var commit = Shell.in(work, tmp.resolve("bin")).author("carol@example.com")
                .run("git commit -q -am 'approve credit-scorer 2.1.0' && git rev-parse HEAD");
        assertEquals(0, commit.exit(), commit.toString());
        head = commit.out().trim();
        Cli.Result passed = runJob(ci, "registry-gate");
        assertEquals(0, passed.exit(), passed.toString());
        assertTrue(passed.out().contains("  ok       credit-scorer@2.1.0 staging -> production"), passed.out());
    }

    /** Runs a job's before_script and script (with what it extends) in one shell, as a GitLab runner does. */
    private Cli.Result runJob(JsonNode ci, String name) {
        JsonNode job = ci.get(name);
        JsonNode parent = job.has("extends") ? ci.get(job.get("extends").asText()) : YAML.createObjectNode();
        Shell s = Shell.in(work, tmp.resolve("bin"));
        Map<String, String> vars = new LinkedHashMap<>(fields(ci.path("variables")));
        vars.putAll(fields(parent.path("variables")));
        vars.putAll(fields(job.path("variables")));
        vars.forEach(s::env);
        s.env("CI_PROJECT_DIR", work.toString()).env("CI_PIPELINE_SOURCE", "merge_request_event")
                .env("CI_MERGE_REQUEST_DIFF_BASE_SHA", base).env("CI_COMMIT_SHA", head);
        List<String> lines = new ArrayList<>();
        (job.has("before_script") ? job : parent).path("before_script").forEach(l -> lines.add(l.asText()));
        job.path("script").forEach(l -> lines.add(l.asText()));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("registry ")), "job " + name + " runs registry");
        return s.run(String.join("\n", lines));
    }

    // ---------------------------------------------------------------- pre-commit framework

    @Test
    void preCommitHookDefinitionsRunRegistryCommandsThatWork() throws Exception {
        JsonNode hooks = YAML.readTree(Path.of(".pre-commit-hooks.yaml").toFile());
        Map<String, JsonNode> byId = new HashMap<>();
        hooks.forEach(h -> byId.put(h.path("id").asText(), h));
        JsonNode validate = byId.get("registry-validate");
        JsonNode gate = byId.get("registry-gate");
        assertEquals("[\"pre-commit\"]", validate.path("stages").toString());
        assertEquals("[\"pre-push\"]", gate.path("stages").toString());
        assertTrue(Pattern.compile(validate.path("files").asText()).matcher(CARD).find());
        assertTrue(Pattern.compile(validate.path("files").asText()).matcher("sub/registry.yaml").find());

        // The framework runs `entry` with no file names from the top of the work tree.
        Cli.Result v = shell("git add -A && " + validate.path("entry").asText());
        assertEquals(0, v.exit(), v.toString());
        assertTrue(v.out().startsWith("ok: 3 files checked in the index"), v.out());
        Cli.Result g = shell(gate.path("entry").asText());
        assertEquals(1, g.exit(), "pre-push on the promotion branch, compared with origin/main: " + g);
        assertTrue(g.out().contains("(merge base with origin/main)"), g.out());
    }

    private Cli.Result shell(String script) {
        return Shell.in(work, tmp.resolve("bin")).run(script);
    }

    private static Map<String, String> fields(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
