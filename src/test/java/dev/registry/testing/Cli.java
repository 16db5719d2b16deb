package dev.registry.testing;

import dev.registry.cli.Main;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the command line in-process, the way a user's shell would, and captures what it printed.
 * Every CLI test goes through here so that a change to {@link Main#run} is made in one place.
 */
public final class Cli {

    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();
    private boolean interactive;
    private String stdin = "";
    private StringWriter stderr = new StringWriter();

    private Cli(Path cwd) {
        this.cwd = cwd;
        env.put("NO_COLOR", "1");
        env.put("HOME", cwd.toString());
        // Tests run on registries inside this repository too: their caches stay out of its .git.
        env.put("REGISTRY_CACHE_DIR", TEST_CACHE.toString());
    }

    private static final Path TEST_CACHE = Path.of(System.getProperty("java.io.tmpdir"),
            "registry-test-cache-" + ProcessHandle.current().pid());

    /** A command line started in {@code cwd}, with a clean environment (no colour). */
    public static Cli in(Path cwd) {
        return new Cli(cwd);
    }

    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Cli withoutEnv(String name) {
        env.remove(name);
        return this;
    }

    /** Pretend stdin/stdout are a terminal. */
    public Cli interactive() {
        this.interactive = true;
        return this;
    }

    /** What the user types, line by line, when a command prompts. */
    public Cli stdin(String text) {
        this.stdin = text;
        return this;
    }

    /**
     * Where stderr goes while the command runs, for a test that watches it from another thread
     * (the command is waiting for something); {@link Result#err} has it all the same.
     */
    public Cli stderr(StringWriter sink) {
        this.stderr = sink;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = stderr;
        int code = Main.run(args, new BufferedReader(new StringReader(stdin)), new PrintWriter(out), new PrintWriter(err),
                Map.copyOf(env), cwd, interactive);
        return new Result(code, out.toString(), err.toString());
    }

    /** What one run printed and returned. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }
}
