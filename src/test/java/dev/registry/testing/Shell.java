package dev.registry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs shell scripts the way git hooks and CI runners do, with a {@code registry} command on PATH
 * that starts the tool under test in its own JVM. For tests of hooks and CI templates, which call
 * the tool as an external program.
 */
public final class Shell {

    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();

    private Shell(Path cwd, Path bin) {
        this.cwd = cwd;
        env.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", bin.getParent().toString());
        env.put("NO_COLOR", "1");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
    }

    /**
     * A shell in {@code cwd} whose PATH starts with {@code bin}, where a {@code registry} wrapper
     * is written. Skips the test when sh or git is missing.
     */
    public static Shell in(Path cwd, Path bin) {
        for (String tool : List.of("sh", "git")) {
            boolean found = List.of("/bin/", "/usr/bin/", "/usr/local/bin/").stream().anyMatch(d -> Files.isExecutable(Path.of(d + tool)));
            Assumptions.assumeTrue(found, tool + " is not installed");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -Dslf4j.internal.verbosity=ERROR -cp '"
                + System.getProperty("java.class.path") + "' dev.registry.cli.Main \"$@\"\n";
        executable(bin.resolve("registry"), script);
        return new Shell(cwd, bin);
    }

    /**
     * Writes a runnable jar that starts the tool under test: a manifest with its main class and
     * the test class path, as {@code java -jar registry.jar} in CI templates expects.
     */
    public static Path registryJar(Path jar) {
        java.util.jar.Manifest m = new java.util.jar.Manifest();
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, "dev.registry.cli.Main");
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            // Surefire may start tests from a manifest-only jar: its own Class-Path is followed too.
            cp.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
        }
        m.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, cp.toString().trim());
        try {
            Files.createDirectories(jar.getParent());
            try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), m)) {
                out.flush();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Shell env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The identity git commits with, as a CI runner or a developer's machine would set it. */
    public Shell author(String email) {
        String name = email.substring(0, email.indexOf('@'));
        return env("GIT_AUTHOR_NAME", name).env("GIT_AUTHOR_EMAIL", email)
                .env("GIT_COMMITTER_NAME", name).env("GIT_COMMITTER_EMAIL", email);
    }

    /** Runs {@code script} with {@code sh -e -c}. */
    public Cli.Result run(String script) {
        try {
            ProcessBuilder pb = new ProcessBuilder("sh", "-e", "-c", script).directory(cwd.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Path out = Files.createTempFile("shell", ".out");
            Path err = Files.createTempFile("shell", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("script did not finish: " + script);
            }
            Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes an executable file. */
    public static Path executable(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
