package dev.registry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Small registries written into temporary folders, and copies of the sample registry. */
public final class Registries {

    public static final String REGISTRY = """
            apiVersion: registry/v1
            kind: Registry
            name: test-registry
            """;

    public static final String OWNERS = """
            apiVersion: registry/v1
            kind: Owners
            teams:
              - id: ml-platform
                name: ML Platform
                members: [alice@example.com, bob@example.com]
            people:
              - {email: alice@example.com, name: Alice Engineer, roles: [model-owner]}
              - {email: bob@example.com, name: Bob Builder, roles: [model-owner]}
              - {email: carol@example.com, name: Carol Risk, roles: [risk-officer]}
              - {email: dan@example.com, name: Dan Privacy, roles: [privacy-officer]}
            """;

    private Registries() {
    }

    /** A valid registry with owners and nothing else. */
    public static Path minimal(Path dir) {
        write(dir, "registry.yaml", REGISTRY);
        write(dir, "owners.yaml", OWNERS);
        return dir;
    }

    /** A minimal experimental model card for {@code name@version}, owned by team:ml-platform. */
    public static String model(String name, String version) {
        return """
                apiVersion: registry/v1
                kind: Model
                name: %s
                version: %s
                provider: internal
                owners: [team:ml-platform]
                lifecycle:
                  stage: experimental
                """.formatted(name, version);
    }

    /** Writes {@code models/<name>/<version>.yaml} with {@link #model}. */
    public static Path writeModel(Path dir, String name, String version) {
        return write(dir, "models/" + name + "/" + version + ".yaml", model(name, version));
    }

    public static Path write(Path dir, String relative, String text) {
        return write(dir, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path dir, String relative, byte[] bytes) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's sample-registry/, found from the test's working directory (the project root). */
    public static Path sample() {
        Path p = Path.of("sample-registry").toAbsolutePath();
        if (!Files.isRegularFile(p.resolve("registry.yaml"))) {
            throw new IllegalStateException("sample-registry/ not found from " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** Deletes a folder and everything in it (links are deleted, not followed). */
    public static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A copy of the sample registry in {@code dir}, to break or edit without touching the original. */
    public static Path copyOfSample(Path dir) {
        Path from = sample();
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = dir.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
