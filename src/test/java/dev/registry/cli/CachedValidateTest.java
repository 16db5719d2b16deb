package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code registry validate} with its cache of per-file results: a run served from the cache says
 * exactly what a run without it says, and the cache never answers for content it has not seen.
 */
class CachedValidateTest {

    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve("cache");
    }

    private Cli cli(Path root) {
        return Cli.in(root).env("REGISTRY_CACHE_DIR", cache().toString());
    }

    private static final Pattern STATS = Pattern.compile("cache: (\\d+) hits, (\\d+) misses");

    /** Hits and misses from the -v line. */
    private static int[] stats(Cli.Result r) {
        Matcher m = STATS.matcher(r.err());
        assertTrue(m.find(), r.err());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** The result without the -v lines. */
    private static String findings(Cli.Result r) {
        return r.exit() + "\n" + r.out() + r.err().lines().filter(l -> !l.startsWith("read ") && !l.startsWith("cache: "))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private Path brokenSample() {
        Path root = Registries.copyOfSample(dir.resolve("registry"));
        edit(root.resolve("deployments/loan-origination-eu-prod.yaml"), "\nregion: ", "\nregoin: ");
        edit(root.resolve("models/credit-scorer/2.1.0.yaml"), "\nversion: 2.1.0\n", "\nversion: 2.10\n");
        edit(root.resolve("models/credit-scorer/2.1.0.yaml"), "\nowners: [team:credit-risk-ml]", "\nowners: [team:credit-risk-m]");
        return root;
    }

    @Test
    void aSecondRunIsServedFromTheCacheAndSaysTheSame() {
        Path root = brokenSample();
        var uncached = cli(root).run("validate", "--no-cache");
        assertFalse(Files.exists(cache()), "--no-cache wrote a cache");
        var first = cli(root).run("validate", "-v");
        var second = cli(root).run("validate", "-v");
        // Something that is no card: the run is new, every file's results come from the cache.
        Registries.write(root, "models/NOTES.txt", "not a card\n");
        var third = cli(root).run("validate", "-v");
        int files = stats(first)[1];
        assertTrue(files > 50, first.err());
        assertEquals(0, stats(first)[0]);
        assertTrue(second.err().contains("(no file changed: every finding from the cache"), second.err());
        assertEquals(files, stats(third)[0], "every file from the cache: " + third.err());
        assertEquals(0, stats(third)[1]);
        assertEquals(1, uncached.exit(), uncached.toString());
        // Located findings, the "quote it" hint and the cross-file owner finding alike.
        assertTrue(uncached.err().contains("models/credit-scorer/2.1.0.yaml:21:10: error: owner `team:credit-risk-m`"), uncached.err());
        assertEquals(findings(uncached), findings(first));
        assertEquals(findings(uncached), findings(second));
        assertEquals(findings(uncached), findings(third));
    }

    @Test
    void theWholeRunIsNotReusedOnAnotherSourceOrWithPaths() {
        Path root = brokenSample();
        cli(root).run("validate");
        var named = cli(root).run("validate", "-v", "models/credit-scorer");
        assertFalse(named.err().contains("every finding from the cache"), named.err());
        assertEquals(findings(cli(root).run("validate", "--no-cache", "models/credit-scorer")), findings(named));
    }

    @Test
    void aChangedFileIsReadAgainAndOnlyIt() {
        Path root = brokenSample();
        cli(root).run("validate");
        edit(root.resolve("models/credit-scorer/2.1.0.yaml"), "\nversion: 2.10\n", "\nversion: 2.1.0\ncolour: red\n");
        var r = cli(root).run("validate", "-v");
        assertEquals(1, stats(r)[1], r.err());
        assertTrue(r.err().contains("models/credit-scorer/2.1.0.yaml:5:1: error: unknown field `colour` [schema-unknown-field]"), r.err());
        assertFalse(r.err().contains("must be a string"), "the old content's finding came back: " + r.err());
        assertEquals(findings(cli(root).run("validate", "--no-cache")), findings(r));
    }

    @Test
    void sameContentAtAnotherPathIsJudgedAtThatPath() {
        Registries.minimal(dir.resolve("r"));
        Path root = dir.resolve("r");
        String card = Registries.model("m", "1.0.0");
        Registries.write(root, "models/m/1.0.0.yaml", card);
        cli(root).run("validate");
        // The same bytes under another name: a cache hit, but the path mismatch and the duplicate are its own.
        Registries.write(root, "models/other/2.0.0.yaml", card);
        var r = cli(root).run("validate", "-v");
        assertEquals(findings(cli(root).run("validate", "--no-cache")), findings(r));
        assertTrue(r.err().contains("models/other/2.0.0.yaml:"), r.err());
    }

    @Test
    void aPolicyChangeInRegistryYamlIsAppliedToCachedCards() {
        Registries.minimal(dir.resolve("r"));
        Path root = dir.resolve("r");
        Registries.write(root, "models/credit-scorer/1.0.0.yaml", Registries.model("credit-scorer", "1.0.0")
                + "risk:\n  tier: minimal\n  justification: No Annex III purpose.\n");
        var before = cli(root).run("validate");
        assertEquals(0, before.exit(), before.toString());
        Path registryYaml = root.resolve("registry.yaml");
        try {
            Files.writeString(registryYaml, Files.readString(registryYaml) + """
                    policy:
                      risk:
                        rules:
                          - id: everything-is-high
                            tier: high
                            basis: house rule
                            reason: every model is high risk here
                            when: {provider: internal}
                    """);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        var r = cli(root).run("validate", "-v");
        var uncached = cli(root).run("validate", "--no-cache");
        assertEquals(findings(uncached), findings(r));
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("[risk-tier-understated]"), r.err());
        assertEquals(1, stats(r)[1], "only registry.yaml was read again: " + r.err());
    }

    @Test
    void damagedTruncatedAndForeignCachesAreIgnored() throws IOException {
        Path root = brokenSample();
        String expected = findings(cli(root).run("validate", "--no-cache"));
        cli(root).run("validate");
        Path file;
        try (Stream<Path> s = Files.list(cache())) {
            file = s.filter(p -> p.toString().endsWith(".cache")).findFirst().orElseThrow();
        }
        byte[] good = Files.readAllBytes(file);

        // The whole run's entry comes first: damaged, the run is worked out again from the files.
        byte[] run = good.clone();
        run[200] ^= 0x5a;
        Files.write(file, run);
        var r = cli(root).run("validate", "-v");
        assertEquals(expected, findings(r));
        assertFalse(r.err().contains("every finding from the cache"), r.err());
        assertTrue(stats(r)[0] > 50, "the files' entries still serve: " + r.err());

        byte[] flipped = good.clone();
        for (int i = good.length / 3; i < good.length; i += good.length / 7) {
            flipped[i] ^= 0x5a; // inside some files' entries
        }
        Files.write(file, flipped);
        newRun(root);
        r = cli(root).run("validate", "-v");
        assertEquals(expected, findings(r));
        assertTrue(stats(r)[1] > 0, "damaged entries must count as misses: " + r.err());

        Files.write(file, java.util.Arrays.copyOf(good, good.length / 2));
        newRun(root);
        r = cli(root).run("validate", "-v");
        assertEquals(expected, findings(r));
        assertTrue(stats(r)[0] > 0 && stats(r)[1] > 0, "entries before the cut still serve: " + r.err());

        Files.write(file, "not a cache at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        newRun(root);
        r = cli(root).run("validate", "-v");
        assertEquals(expected, findings(r));
        assertEquals(0, stats(r)[0], r.err());

        // Another build: same format, another salt.
        String salt = dev.registry.cache.CacheHome.salt();
        byte[] saved = Files.readAllBytes(file);
        String text = new String(saved, java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, text.replace(salt, salt.replace("format", "FORMAT")).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        newRun(root);
        r = cli(root).run("validate", "-v");
        assertEquals(expected, findings(r));
        assertEquals(0, stats(r)[0], r.err());
        assertTrue(r.err().contains("written by another build"), r.err());
    }

    @Test
    void concurrentRunsNeverLeaveABrokenCache() throws Exception {
        Path root = brokenSample();
        String expected = findings(cli(root).run("validate", "--no-cache"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Cli.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                runs.add(pool.submit(() -> {
                    // Each writer has seen something the others have not: every save replaces the file.
                    Path copy = Registries.copyOfSample(dir.resolve("copy-" + n));
                    Registries.write(copy, "models/extra/1.0." + n + ".yaml", Registries.model("extra", "1.0." + n));
                    cli(copy).env("REGISTRY_CACHE_DIR", cache().toString()).run("validate");
                    return cli(root).run("validate");
                }));
            }
            for (Future<Cli.Result> f : runs) {
                assertEquals(expected, findings(f.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> s = Files.list(cache())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "a temp file was left behind");
        }
        var r = cli(root).run("validate", "-v");
        assertEquals(expected, findings(r));
        assertEquals(0, stats(r)[1], "the cache survived the concurrent writers whole: " + r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("cache: ") && !l.contains("(")), "no part of the cache was ignored: " + r.err());
    }

    @Test
    void theSwitchTurnsTheCacheOff() {
        Registries.minimal(dir.resolve("r"));
        var r = cli(dir.resolve("r")).env("REGISTRY_CACHE", "off").run("validate", "-v");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("cache: off"), r.err());
        assertFalse(Files.exists(cache()));
    }

    static Stream<HostileInputTest.Case> hostile() {
        return Stream.concat(HostileInputTest.yamlCases(), HostileInputTest.registryCases());
    }

    /** Every hostile case says the same from the cache, at the same line and column, as it does read afresh. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void theHostileCorpusSaysTheSameFromTheCache(HostileInputTest.Case c) {
        Path root = dir.resolve("registry");
        HostileInputTest.validRegistry(root);
        c.files().forEach((p, content) -> Registries.write(root, p, content));
        c.setup().accept(root);
        var fresh = cli(root).run("validate", "--no-cache");
        cli(root).run("validate");
        var run = cli(root).run("validate", "-v");
        assertEquals(findings(fresh), findings(run));
        Registries.write(root, "models/NOTES.txt", "not a card\n"); // a new run, the same files
        var cached = cli(root).run("validate", "-v");
        assertEquals(findings(fresh), findings(cached));
        assertEquals(0, stats(cached)[1], "everything readable came from the cache: " + cached.err());
    }

    private int runs;

    /** A file that is no card, new each time: the next run is a new one, its files the same. */
    private void newRun(Path root) {
        Registries.write(root, "models/NOTES.txt", "not a card, " + ++runs + "\n");
    }

    private static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            assertTrue(text.contains(from), file + " lacks " + from);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
