package dev.registry.git;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The git program, run as a command would run it: found on the command's PATH, with the
 * command's environment. Starting it costs milliseconds where JGit costs a good part of a second
 * on a cold JVM, so read-only paths that a git binary can answer use it (a pre-commit hook always
 * has one) and fall back to JGit when there is none or it fails.
 */
final class GitProgram {

    /** The variables holding paths, which git reads relative to where it starts. */
    static final Set<String> PATH_VARIABLES = Set.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR");
    /** {@code REGISTRY_GIT=jgit} never runs the git program. */
    static final String SWITCH = "REGISTRY_GIT";

    private final Path executable;
    private final Map<String, String> env;

    private GitProgram(Path executable, Map<String, String> env) {
        this.executable = executable;
        this.env = env;
    }

    /**
     * The git program on the PATH of {@code env}, to be run with {@code env} as git would see it
     * when started in {@code cwd}: the path variables (GIT_DIR, GIT_INDEX_FILE, ...) made
     * absolute against {@code cwd}, as {@link GitRepo#open} reads them for JGit.
     */
    static Optional<GitProgram> find(Map<String, String> env, Path cwd) {
        if ("jgit".equalsIgnoreCase(env.getOrDefault(SWITCH, "").trim())) {
            return Optional.empty();
        }
        String path = env.get("PATH");
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(windows ? "git.exe" : "git");
            if (candidate.isAbsolute() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                Map<String, String> resolved = new HashMap<>(env);
                for (String name : PATH_VARIABLES) {
                    String value = env.get(name);
                    if (value != null && !value.isEmpty()) {
                        resolved.put(name, cwd.resolve(value).normalize().toString());
                    }
                }
                return Optional.of(new GitProgram(candidate, Map.copyOf(resolved)));
            }
        }
        return Optional.empty();
    }

    /** The environment git runs with. */
    Map<String, String> env() {
        return env;
    }

    /** The same program with one more variable set. */
    GitProgram with(String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(name, value);
        return new GitProgram(executable, Map.copyOf(more));
    }

    /**
     * Runs {@code git <args>} in {@code dir}, feeding it {@code input}, and returns what it
     * printed; fails when it cannot start or exits with another code than 0. Replace refs are
     * ignored (as JGit ignores them): an object id always stands for the object's own bytes.
     */
    byte[] run(Path dir, byte[] input, String... args) throws IOException {
        Process p = start(dir, args);
        Thread feeder = feed(p, input);
        byte[] out;
        try (InputStream stdout = p.getInputStream()) {
            out = stdout.readAllBytes();
        }
        finish(p, feeder, args);
        return out;
    }

    /** Starts {@code git <args>} in {@code dir}; the caller reads its output and calls {@link #finish}. */
    Process start(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("--no-replace-objects");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Writes {@code input} to the process on a thread of its own, so that its output never blocks it; then closes its input. */
    static Thread feed(Process p, byte[] input) {
        Thread feeder = new Thread(() -> {
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(input);
            } catch (IOException e) {
                // it exited early: its exit code says why
            }
        }, "git-input");
        feeder.setDaemon(true);
        feeder.start();
        return feeder;
    }

    /** Waits for the process; fails with what it said on stderr when it did not exit with 0. */
    void finish(Process p, Thread feeder, String... args) throws IOException {
        try {
            byte[] err;
            try (InputStream stderr = p.getErrorStream()) {
                err = stderr.readAllBytes();
            }
            int code = p.waitFor();
            feeder.join();
            if (code != 0) {
                String said = new String(err, StandardCharsets.UTF_8).strip();
                int cut = said.indexOf('\n');
                throw new IOException("`git " + String.join(" ", args) + "` exited with " + code
                        + (said.isEmpty() ? "" : ": " + (cut < 0 ? said : said.substring(0, cut))));
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for git", e);
        }
    }

    /** The bytes of one blob. */
    byte[] blob(Path dir, String oid) throws IOException {
        return run(dir, new byte[0], "cat-file", "blob", oid);
    }
}
