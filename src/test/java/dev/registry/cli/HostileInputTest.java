package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of hostile and broken registry files (issue 2, "Bad input"). Every case runs
 * {@code registry validate} in-process on an otherwise valid registry and must come back with the
 * expected rule at the expected line and column, exit 1 (never 4, never 0), and quickly: the
 * timeout is a guard against hangs, not a speed measurement.
 */
class HostileInputTest {

    /** Generous for a loaded CI machine; a hang or a quadratic blow-up still trips it. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    private static final String CARD = "models/credit-scorer/1.0.0.yaml";
    private static final String DEPLOYMENT = "deployments/scoring-dev.yaml";

    @TempDir
    Path dir;

    /**
     * One hostile input.
     *
     * @param files    registry files to write over the valid base registry
     * @param setup    extra file-system work (symbolic links)
     * @param path     file the finding must name
     * @param fragment text the finding's message must contain
     */
    record Case(String name, Map<String, byte[]> files, Consumer<Path> setup, String path, String rule, int line,
                int column, String fragment, String hint) {
        @Override
        public String toString() {
            return name;
        }

        Case hint(String h) {
            return new Case(name, files, setup, path, rule, line, column, fragment, h);
        }
    }

    /** A valid card for credit-scorer@1.0.0 with every field the cases below break. */
    static final String VALID_CARD = """
            apiVersion: registry/v1
            kind: Model
            name: credit-scorer
            version: 1.0.0
            provider: internal
            owners: [team:ml-platform]
            lifecycle:
              stage: experimental
            """;

    static Case card(String name, String text, String rule, int line, int column, String fragment) {
        return file(name, CARD, text, rule, line, column, fragment);
    }

    static Case file(String name, String path, String text, String rule, int line, int column, String fragment) {
        return bytes(name, path, text.getBytes(StandardCharsets.UTF_8), rule, line, column, fragment);
    }

    static Case bytes(String name, String path, byte[] content, String rule, int line, int column, String fragment) {
        return new Case(name, Map.of(path, content), d -> { }, path, rule, line, column, fragment, "");
    }

    static Case files(String name, Map<String, String> files, String path, String rule, int line, int column, String fragment) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        files.forEach((k, v) -> raw.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return new Case(name, raw, d -> { }, path, rule, line, column, fragment, "");
    }

    static Case setup(String name, Consumer<Path> setup, String path, String rule, String fragment) {
        return new Case(name, Map.of(), setup, path, rule, 1, 1, fragment, "");
    }

    static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Case> yamlCases() {
        List<Case> c = new ArrayList<>();
        // Malformed YAML
        c.add(card("unclosed flow list", "apiVersion: registry/v1\nkind: Model\nname: [credit-scorer\nversion: 1.0.0\n",
                "yaml-syntax", 4, 8, "invalid YAML"));
        c.add(card("unclosed quote", "apiVersion: registry/v1\nkind: Model\nname: \"credit-scorer\nversion: 1.0.0\n",
                "yaml-syntax", 5, 1, "invalid YAML"));
        c.add(card("value where a key belongs", "apiVersion: registry/v1\nkind: Model\nname: credit-scorer\n  version: 1.0.0\n",
                "yaml-syntax", 4, 10, "mapping values are not allowed"));
        c.add(card("tab indentation", "apiVersion: registry/v1\nkind: Model\nlifecycle:\n\tstage: experimental\n",
                "yaml-syntax", 4, 1, "TAB").hint("YAML indentation must use spaces, not tabs"));
        // Wrong types, and YAML 1.1 reading numbers and booleans where strings belong
        c.add(card("string where a list belongs", VALID_CARD.replace("[team:ml-platform]", "team:ml-platform"),
                "schema-type", 6, 9, "`owners` must be a list, found `team:ml-platform`"));
        c.add(card("text where a whole number belongs", VALID_CARD + "contextWindow: lots\n",
                "schema-type", 9, 16, "`contextWindow` must be a whole number, found `lots`"));
        c.add(card("mapping where a string belongs", VALID_CARD.replace("provider: internal", "provider: {name: internal}"),
                "schema-type", 5, 11, "`provider` must be a string, found a mapping"));
        c.add(card("version 1.10 read as a number", VALID_CARD.replace("version: 1.0.0", "version: 1.10"),
                "schema-type", 4, 10, "`version` must be a string, found the number 1.1")
                .hint("YAML reads the unquoted 1.10 as the number 1.1; quote it: \"1.10\""));
        c.add(file("region NO read as false", DEPLOYMENT, deployment("dev", "NO"),
                "schema-type", 7, 9, "`region` must be a string, found the boolean false")
                .hint("YAML reads the unquoted NO as the boolean false; quote it: \"NO\""));
        c.add(card("git sha of digits read as a number",
                VALID_CARD + "lineage:\n  code: {repo: \"https://git.example.com/credit\", commit: 1234567}\n",
                "schema-type", 10, 58, "`lineage.code.commit` must be a string, found the number 1234567")
                .hint("YAML reads the unquoted 1234567 as the number 1234567; quote it: \"1234567\""));
        c.add(card("octal-looking text read as a number", VALID_CARD + "description: 0755\n",
                "schema-type", 9, 14, "found the number 493").hint("quote it: \"0755\""));
        c.add(card("empty value where a string belongs", VALID_CARD.replace("provider: internal", "provider:"),
                "schema-pattern", 5, 10, "`provider` must not be empty"));
        c.add(card("number too long to parse", VALID_CARD + "contextWindow: " + "9".repeat(500) + "\n",
                "yaml-too-large", 9, 16, "has 500 characters"));
        c.add(card("not a number", VALID_CARD + "operations: {slo: {availability: .nan}}\n",
                "yaml-non-finite", 9, 34, "`.nan` is not a finite number"));
        c.add(card("infinite number", VALID_CARD + "operations: {slo: {availability: 1e999}}\n",
                "yaml-non-finite", 9, 34, "`1e999` is not a finite number"));
        // Duplicate keys: YAML would keep the last silently
        c.add(card("duplicate key", VALID_CARD + "provider: openai\n",
                "yaml-duplicate-key", 9, 1, "duplicate key `provider` (first defined at line 5)"));
        c.add(card("duplicate nested key", VALID_CARD + "  stage: production\n",
                "yaml-duplicate-key", 9, 3, "duplicate key `stage` (first defined at line 8)"));
        c.add(card("duplicate key in a flow mapping", VALID_CARD + "risk: {tier: minimal, tier: high}\n",
                "yaml-duplicate-key", 9, 23, "duplicate key `tier`"));
        // Typos and missing fields
        c.add(card("typo'd field", VALID_CARD.replace("owners:", "ownres:"),
                "schema-unknown-field", 6, 1, "unknown field `ownres`").hint("did you mean `owners`?"));
        c.add(card("typo'd nested field", VALID_CARD.replace("  stage:", "  stgae:"),
                "schema-unknown-field", 8, 3, "unknown field `stgae` in `lifecycle`").hint("did you mean `stage`?"));
        c.add(card("missing required field", VALID_CARD.replace("provider: internal\n", ""),
                "schema-required", 1, 1, "missing required field `provider`"));
        c.add(card("missing required nested field points at the parent", VALID_CARD.replace("  stage: experimental\n", "  reason: x\n"),
                "schema-required", 7, 1, "missing required field `stage` in `lifecycle`"));
        c.add(card("wrong kind", VALID_CARD.replace("kind: Model", "kind: Deployment"),
                "schema-const", 2, 7, "`kind` must be `Model`, found `Deployment`"));
        c.add(card("wrong apiVersion", VALID_CARD.replace("registry/v1", "registry/v2"),
                "schema-const", 1, 13, "`apiVersion` must be `registry/v1`"));
        // Anchors, aliases and tags
        c.add(card("alias bomb", """
                apiVersion: registry/v1
                kind: Model
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                """, "yaml-anchor", 3, 4, "YAML anchor `&a` is not allowed"));
        c.add(card("anchor", VALID_CARD.replace("provider: internal", "provider: &p internal"),
                "yaml-anchor", 5, 11, "YAML anchor `&p` is not allowed"));
        c.add(card("alias", VALID_CARD + "description: *p\n", "yaml-alias", 9, 14, "YAML alias `*p` is not allowed"));
        c.add(card("merge key", VALID_CARD + "risk:\n  <<: *defaults\n", "yaml-alias", 10, 7, "YAML alias `*defaults`"));
        c.add(card("anchor on a key", VALID_CARD.replace("provider:", "&k provider:"),
                "yaml-anchor", 5, 1, "YAML anchor `&k` is not allowed"));
        c.add(card("alias as a key", VALID_CARD.replace("provider: internal", "provider: &n internal\n*n : x"),
                "yaml-anchor", 5, 11, "YAML anchor `&n`"));
        c.add(card("alias of nothing as a key", VALID_CARD + "*n : x\n", "yaml-alias", 9, 1, "YAML alias `*n` is not allowed"));
        c.add(card("standard tag", VALID_CARD.replace("version: 1.0.0", "version: !!str 1.0.0"),
                "yaml-tag", 4, 10, "YAML tag `!!str` is not allowed"));
        c.add(card("binary tag", VALID_CARD + "description: !!binary aGVsbG8=\n",
                "yaml-tag", 9, 14, "YAML tag `!!binary` is not allowed"));
        c.add(card("local tag", VALID_CARD + "description: !shell rm -rf /\n",
                "yaml-tag", 9, 14, "YAML tag `!shell` is not allowed"));
        c.add(card("java type tag", VALID_CARD + "description: !!javax.script.ScriptEngineManager [x]\n",
                "yaml-tag", 9, 14, "YAML tag `!!javax.script.ScriptEngineManager` is not allowed"));
        c.add(card("tag on a key", VALID_CARD.replace("provider:", "!!str provider:"),
                "yaml-tag", 5, 1, "YAML tag `!!str` is not allowed"));
        c.add(card("tag on the document", "--- !!map\n" + VALID_CARD, "yaml-tag", 1, 5, "YAML tag `!!map`"));
        c.add(card("list as a key", VALID_CARD + "? [a, b]\n: c\n", "yaml-key", 9, 4, "a mapping key must be a plain name, not a list"));
        // Size and depth
        c.add(card("deep flow nesting", VALID_CARD + "parameters: {t: {default: " + "[".repeat(200) + "]".repeat(200) + "}}\n",
                "yaml-too-deep", 9, 56, "nesting is deeper than 32 levels"));
        c.add(card("deep block nesting", VALID_CARD + deepBlock(60), "yaml-too-deep", 41, 65, "nesting is deeper than 32 levels"));
        c.add(card("multi-megabyte scalar", VALID_CARD + "description: " + "a".repeat(3 * 1024 * 1024) + "\n",
                "yaml-too-large", 1, 1, "registry files are limited to 262,144 bytes"));
        c.add(card("long scalar under the file limit", VALID_CARD + "description: \"" + "a".repeat(200_000) + "\"\n",
                "schema-max-length", 9, 14, "`description` must be at most 4000 characters long, found 200000"));
        // Encoding
        c.add(bytes("invalid UTF-8", CARD, concat(utf8(VALID_CARD + "description: caf"), new byte[] {(byte) 0xE9, '\n'}),
                "yaml-encoding", 9, 17, "invalid UTF-8 byte 0xE9"));
        c.add(bytes("UTF-16 file", CARD, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, VALID_CARD.getBytes(StandardCharsets.UTF_16LE)),
                "yaml-encoding", 1, 1, "invalid UTF-8 byte 0xFF"));
        c.add(bytes("byte order mark", CARD, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(VALID_CARD)),
                "yaml-bom", 1, 1, "byte order mark"));
        c.add(bytes("NUL byte", CARD, utf8(VALID_CARD.replace("provider: internal", "provider: inter\0nal")),
                "yaml-encoding", 5, 16, "NUL character"));
        // Documents
        c.add(card("two documents", VALID_CARD + "---\n" + VALID_CARD, "yaml-multiple-documents", 10, 1, "a second YAML document"));
        c.add(card("empty file", "", "yaml-empty", 1, 1, "file is empty"));
        c.add(card("only comments", "# a card\n# to be written\n", "yaml-empty", 1, 1, "file is empty"));
        c.add(card("empty document", "---\n...\n", "yaml-empty", 1, 1, "the document is empty"));
        c.add(card("null document", "~\n", "yaml-empty", 1, 1, "the document is empty"));
        c.add(card("list document", "- apiVersion: registry/v1\n", "yaml-not-mapping", 1, 1, "not a list"));
        c.add(card("scalar document", "credit-scorer\n", "yaml-not-mapping", 1, 1, "not a plain string"));
        // The other kinds of file are read just as strictly
        c.add(file("registry.yaml with an alias", "registry.yaml", Registries.REGISTRY + "description: *d\n",
                "yaml-alias", 4, 14, "YAML alias `*d`"));
        c.add(file("owners.yaml with a duplicate key", "owners.yaml", Registries.OWNERS + "teams: []\n",
                "yaml-duplicate-key", 12, 1, "duplicate key `teams`"));
        c.add(file("deployment with a typo", DEPLOYMENT, deployment("dev", "eu-west-1").replace("environment:", "enviroment:"),
                "schema-unknown-field", 6, 1, "unknown field `enviroment`").hint("did you mean `environment`?"));
        return c.stream();
    }

    static Stream<Case> registryCases() {
        List<Case> c = new ArrayList<>();
        c.add(setup("symlink pointing outside the root", d -> link(d.resolve(CARD), d.getParent().resolve("outside.yaml")),
                CARD, "path-symlink", "symbolic links are not allowed"));
        c.add(setup("symlinked model folder", d -> link(d.resolve("models/credit-scorer"), d.getParent()),
                "models/credit-scorer", "path-symlink", "symbolic links are not allowed"));
        c.add(setup("symlinked models folder", d -> link(d.resolve("models"), d.getParent()),
                "models", "path-symlink", "symbolic links are not allowed"));
        c.add(setup("symlinked owners.yaml", d -> {
            Registries.write(d.getParent(), "elsewhere/owners.yaml", Registries.OWNERS);
            link(d.resolve("owners.yaml"), d.getParent().resolve("elsewhere/owners.yaml"));
        }, "owners.yaml", "path-symlink", "symbolic links are not allowed"));
        c.add(setup("a folder where owners.yaml belongs", d -> {
            try {
                Files.delete(d.resolve("owners.yaml"));
                Files.createDirectories(d.resolve("owners.yaml"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "owners.yaml", "path-not-file", "not a regular file"));
        c.add(card("a lone surrogate", VALID_CARD + "description: \"broken \\ud800 text\"\n",
                "yaml-encoding", 9, 14, "lone surrogate"));
        c.add(card("`..` as a name", VALID_CARD.replace("name: credit-scorer", "name: .."),
                "schema-pattern", 3, 7, "`name` `..` is not valid: expected lowercase kebab-case name"));
        c.add(card("path in a name", VALID_CARD.replace("name: credit-scorer", "name: ../../etc/passwd"),
                "schema-pattern", 3, 7, "is not valid"));
        c.add(card("`..` in a reference", VALID_CARD + "fallbacks: [\"../../etc@1.0.0\"]\n",
                "schema-pattern", 9, 13, "`fallbacks[0]`"));
        c.add(file("upper case name", "models/Credit_Scorer/1.0.0.yaml",
                VALID_CARD.replace("name: credit-scorer", "name: Credit_Scorer"),
                "schema-pattern", 3, 7, "`name` `Credit_Scorer` is not valid"));
        c.add(file("Windows reserved name", "models/con/1.0.0.yaml", VALID_CARD.replace("name: credit-scorer", "name: con"),
                "name-reserved", 3, 7, "`con` is a reserved file name on Windows"));
        c.add(file("card at the wrong path", "models/credit-scorer/2.0.0.yaml", VALID_CARD,
                "path-mismatch", 4, 10, "must be stored at models/credit-scorer/1.0.0.yaml"));
        c.add(file("card outside a model folder", "models/credit-scorer.yaml", VALID_CARD,
                "path-mismatch", 3, 7, "must be stored at models/credit-scorer/1.0.0.yaml"));
        c.add(file("deployment at the wrong path", "deployments/other.yaml", deployment("dev", "eu-west-1"),
                "path-mismatch", 3, 7, "must be stored at deployments/scoring-dev.yaml"));
        // Dangling references
        c.add(card("unknown owner", VALID_CARD.replace("team:ml-platform", "team:ml-platfrom"),
                "owner-unknown", 6, 10, "owner `team:ml-platfrom` is not defined").hint("did you mean `team:ml-platform`?"));
        c.add(card("unknown fallback", VALID_CARD + "fallbacks: [credit-scorer@0.9.0]\n",
                "reference-unknown", 9, 13, "fallback credit-scorer@0.9.0 is not in the registry")
                .hint("known versions of credit-scorer: 1.0.0"));
        c.add(card("fallback to itself", VALID_CARD + "fallbacks: [credit-scorer@1.0.0]\n",
                "fallback-self", 9, 13, "lists itself as a fallback"));
        c.add(card("unknown replacement", VALID_CARD.replace("stage: experimental", """
                stage: deprecated
                  deprecation: {announced: 2026-01-01, retireAfter: 2026-06-01, replacement: credit-scorer@2.0.0}"""),
                "reference-unknown", 9, 78, "replacement credit-scorer@2.0.0 is not in the registry"));
        c.add(files("deployment of an unknown version", Map.of(DEPLOYMENT, deployment("dev", "eu-west-1").replace("1.0.0", "1.2.0")),
                DEPLOYMENT, "reference-unknown", 5, 10, "deployed model credit-scorer@1.2.0 is not in the registry"));
        c.add(files("deployment of an unknown model", Map.of(DEPLOYMENT,
                deployment("dev", "eu-west-1").replace("model: credit-scorer", "model: credit-scorr")),
                DEPLOYMENT, "reference-unknown", 5, 10, "deployed model credit-scorr@1.0.0").hint("did you mean `credit-scorer`?"));
        c.add(files("unknown approver", Map.of(CARD, VALID_CARD + "approvals:\n  - {stage: staging, by: eve@example.com, date: 2026-01-02}\n"),
                CARD, "owner-unknown", 10, 26, "approver `eve@example.com` is not a person in owners.yaml"));
        c.add(files("unknown team member", Map.of("owners.yaml", Registries.OWNERS.replace("bob@example.com]", "bob@example.com, zed@example.com]")),
                "owners.yaml", "owner-unknown", 6, 51, "team member `zed@example.com` is not listed under `people`"));
        c.add(files("prod deployment of an experimental version", Map.of(DEPLOYMENT, deployment("prod", "eu-west-1")),
                DEPLOYMENT, "deployment-stage", 5, 10, "which is experimental, not production"));
        c.add(files("deployment of a retired version", Map.of(CARD, VALID_CARD.replace("stage: experimental", """
                stage: retired
                  deprecation: {announced: 2025-01-01, retireAfter: 2025-06-01}"""), DEPLOYMENT, deployment("dev", "eu-west-1")),
                DEPLOYMENT, "deployment-retired", 5, 10, "which is retired"));
        // The same name twice, and names that collide on case-insensitive checkouts
        c.add(files("the same deployment name twice", Map.of(DEPLOYMENT, deployment("dev", "eu-west-1"),
                        "deployments/scoring-dev.yml", deployment("dev", "eu-west-2")),
                "deployments/scoring-dev.yml", "duplicate-name", 3, 7, "deployment `scoring-dev` is already defined in deployments/scoring-dev.yaml"));
        c.add(files("the same model version twice", Map.of("models/credit-scorer/1.0.0.yml", VALID_CARD),
                "models/credit-scorer/1.0.0.yml", "duplicate-name", 4, 10, "credit-scorer@1.0.0 is already defined in " + CARD));
        c.add(files("the same team twice", Map.of("owners.yaml", Registries.OWNERS.replace("people:", """
                  - id: ml-platform
                    name: Again
                people:""")), "owners.yaml", "duplicate-name", 7, 9, "team `ml-platform` is defined twice"));
        c.add(files("case-colliding paths", Map.of("deployments/Scoring-dev.yaml", deployment("dev", "eu-west-1")),
                "deployments/scoring-dev.yaml", "path-case-collision", 1, 1, "differ only in case"));
        c.add(files("Unicode-form-colliding paths", Map.of("deployments/caf\u00e9.yaml", deployment("dev", "eu-west-1"),
                        "deployments/cafe\u0301.yaml", deployment("dev", "eu-west-1")),
                "deployments/caf\u00e9.yaml", "path-case-collision", 1, 1, "differ only in case or Unicode form"));
        c.add(files("impossible date", Map.of(CARD, VALID_CARD + "evaluations:\n  - {suite: holdout, date: 2026-02-30, passed: true}\n"),
                CARD, "date-invalid", 10, 28, "`2026-02-30` is not a calendar date"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlCases")
    void yamlFileIsRefusedWithALocatedFinding(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registryCases")
    void registryProblemIsRefusedWithALocatedFinding(Case c) {
        assertRefused(c);
    }

    private void assertRefused(Case c) {
        Path root = dir.resolve("registry");
        validRegistry(root);
        c.files().forEach((p, content) -> Registries.write(root, p, content));
        c.setup().accept(root);

        Cli.Result r = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.in(root).run("validate"));

        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().startsWith("failed: "), r.toString());
        String expected = c.path() + ":" + c.line() + ":" + c.column() + ": error: ";
        List<String> lines = r.err().lines().toList();
        int i = indexOf(lines, expected, c.rule(), c.fragment());
        assertTrue(i >= 0, "expected `" + expected + "... " + c.fragment() + "... [" + c.rule() + "]` in\n" + r);
        if (!c.hint().isEmpty()) {
            assertTrue(i + 1 < lines.size() && lines.get(i + 1).startsWith("    hint: ") && lines.get(i + 1).contains(c.hint()),
                    "expected hint `" + c.hint() + "` after\n" + lines.get(i) + "\nin\n" + r);
        }
        for (String line : lines) {
            assertTrue(line.startsWith("    hint: ") || line.matches("[^:]+:\\d+:\\d+: error: .* \\[[a-z0-9-]+]"),
                    "not a diagnostic line: " + line);
        }
    }

    private static int indexOf(List<String> lines, String prefix, String rule, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith(prefix) && l.endsWith(" [" + rule + "]") && l.contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    /** A registry that validates: owners, one model version and one dev deployment of it. */
    static Path validRegistry(Path root) {
        Registries.minimal(root);
        Registries.write(root, CARD, VALID_CARD);
        Registries.write(root, DEPLOYMENT, deployment("dev", "eu-west-1"));
        Cli.Result r = Cli.in(root).run("validate");
        assertEquals(0, r.exit(), "the base registry must be valid: " + r);
        return root;
    }

    static String deployment(String environment, String region) {
        return """
                apiVersion: registry/v1
                kind: Deployment
                name: scoring-dev
                model: credit-scorer
                version: 1.0.0
                environment: %s
                region: %s
                owners: [team:ml-platform]
                """.formatted(environment, region);
    }

    private static String deepBlock(int levels) {
        StringBuilder sb = new StringBuilder("parameters:\n");
        for (int i = 0; i < levels; i++) {
            sb.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
        }
        return sb.toString();
    }

    private static void link(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            if (Files.isDirectory(link) && !Files.isSymbolicLink(link)) {
                Registries.deleteTree(link);
            } else {
                Files.deleteIfExists(link);
            }
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not supported here: " + e);
        }
    }

    @org.junit.jupiter.api.Test
    void controlCharactersInAKeyCannotBreakTheDiagnosticLine() {
        Path root = validRegistry(dir.resolve("registry"));
        Registries.write(root, CARD, VALID_CARD + "\"evil\\nkey\\e[2J\": x\n");
        Cli.Result r = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.in(root).run("validate"));
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith(CARD + ":9:1: error: unknown field `evil\\nkey\\u001b[2J` [schema-unknown-field]\n"), r.err());
        assertFalse(r.err().contains("\u001b"), r.err());
    }
}
