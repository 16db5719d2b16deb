package dev.registry.edit;

import dev.registry.EnvironmentException;
import dev.registry.UsageException;
import dev.registry.card.CardKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Lays out a new, empty registry that validates, with schema hints for editors. */
public final class RegistryScaffold {

    /** Where {@code init} puts the bundled schemas that the editor modelines point at. */
    public static final String SCHEMA_DIR = ".registry/schema";

    private RegistryScaffold() {
    }

    /**
     * Creates the registry; refuses to touch a folder that already has registry.yaml or owners.yaml.
     *
     * @param schemaText each kind's bundled schema as the file's text (printed as {@code registry schema} prints it)
     */
    public static List<Path> create(Path dir, String requestedName, Function<CardKind, String> schemaText) {
        for (String f : List.of("registry.yaml", "owners.yaml")) {
            if (Files.exists(dir.resolve(f))) {
                throw new UsageException(dir.resolve(f) + " already exists; `init` never overwrites a registry");
            }
        }
        String name = requestedName != null ? requestedName : kebab(dir.toAbsolutePath().getFileName());
        if (!name.matches("^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$")) {
            throw new UsageException("registry name `" + name + "` must be lowercase kebab-case (a-z, 0-9, -), 1-64 characters");
        }
        List<Path> written = new ArrayList<>();
        for (CardKind k : CardKind.values()) {
            written.add(write(dir.resolve(SCHEMA_DIR).resolve(k.schemaFile()), schemaText.apply(k)));
        }
        written.add(write(dir.resolve("registry.yaml"), """
                # yaml-language-server: $schema=%s/registry.schema.json
                apiVersion: registry/v1
                kind: Registry
                name: %s
                description: AI model inventory of record.
                policy:
                  # Minimum days between announcing a deprecation and retiring the version.
                  deprecationNoticeDays: 90
                """.formatted(SCHEMA_DIR, name)));
        written.add(write(dir.resolve("owners.yaml"), """
                # yaml-language-server: $schema=%s/owners.schema.json
                # Teams and people referenced by cards as team:<id> or by email.
                # Roles used by gates: model-owner, risk-officer, privacy-officer.
                apiVersion: registry/v1
                kind: Owners
                teams: []
                people: []
                """.formatted(SCHEMA_DIR)));
        written.add(write(dir.resolve("models/.gitkeep"), ""));
        written.add(write(dir.resolve("deployments/.gitkeep"), ""));
        return written;
    }

    private static Path write(Path file, String text) {
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new EnvironmentException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    static String kebab(Path folder) {
        String raw = folder == null ? "" : folder.toString().toLowerCase(Locale.ROOT);
        String k = raw.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (k.length() > 64) {
            k = k.substring(0, 64).replaceAll("-+$", "");
        }
        return k.isEmpty() ? "registry" : k;
    }
}
