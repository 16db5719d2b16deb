package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path dir;

    @Test
    void scaffoldsARegistryThatValidates() {
        var r = Cli.in(dir).run("init", "ai-inventory");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                created ai-inventory/.registry/schema/registry.schema.json
                created ai-inventory/.registry/schema/owners.schema.json
                created ai-inventory/.registry/schema/model.schema.json
                created ai-inventory/.registry/schema/deployment.schema.json
                created ai-inventory/registry.yaml
                created ai-inventory/owners.yaml
                created ai-inventory/models/.gitkeep
                created ai-inventory/deployments/.gitkeep
                next: registry -C ai-inventory validate
                """, r.out());
        assertEquals("", r.err());
        Path reg = dir.resolve("ai-inventory");
        assertTrue(Registries.read(reg.resolve("registry.yaml")).contains("\nname: ai-inventory\n"));
        assertTrue(Registries.read(reg.resolve("registry.yaml"))
                .startsWith("# yaml-language-server: $schema=.registry/schema/registry.schema.json\n"));

        var v = Cli.in(dir).run("-C", "ai-inventory", "validate");
        assertEquals(0, v.exit(), v.toString());
        assertEquals("ok: 2 files checked in the working tree, no problems\n", v.out());
    }

    @Test
    void theScaffoldAcceptsAFirstCard() {
        assertEquals(0, Cli.in(dir).run("init").exit());
        Registries.write(dir, "owners.yaml", Registries.OWNERS);
        Registries.writeModel(dir, "credit-scorer", "1.0.0");
        var v = Cli.in(dir).run("validate");
        assertEquals(0, v.exit(), v.toString());
    }

    @Test
    void namesTheRegistryAfterItsFolderOrTheOption() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("My Models_2026"));
        assertEquals(0, Cli.in(folder).run("init").exit());
        assertTrue(Registries.read(folder.resolve("registry.yaml")).contains("\nname: my-models-2026\n"));
        assertEquals(0, Cli.in(dir).run("init", "x", "--name", "estate").exit());
        assertTrue(Registries.read(dir.resolve("x/registry.yaml")).contains("\nname: estate\n"));
    }

    @Test
    void refusesAnInvalidName() {
        var r = Cli.in(dir).run("init", "x", "--name", "Not Kebab");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("registry: error: registry name `Not Kebab` must be lowercase kebab-case (a-z, 0-9, -), 1-64 characters\n", r.err());
        assertFalse(Files.exists(dir.resolve("x/registry.yaml")));
    }

    @Test
    void neverOverwritesARegistry() {
        Registries.write(dir, "registry.yaml", "# mine\n");
        var r = Cli.in(dir).run("init");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("registry: error: " + dir.resolve("registry.yaml") + " already exists; `init` never overwrites a registry\n",
                r.err());
        assertEquals("", r.out());
        assertEquals("# mine\n", Registries.read(dir.resolve("registry.yaml")));
        assertFalse(Files.exists(dir.resolve("owners.yaml")));

        Registries.write(dir, "other/owners.yaml", "# theirs\n");
        assertEquals(2, Cli.in(dir).run("init", "other").exit());
        assertEquals("# theirs\n", Registries.read(dir.resolve("other/owners.yaml")));
        assertFalse(Files.exists(dir.resolve("other/registry.yaml")));
    }

    @Test
    void keepsFilesAlreadyInAFolder() throws IOException {
        Registries.write(dir, "models/README.md", "notes\n");
        assertEquals(0, Cli.in(dir).run("init").exit());
        assertEquals("notes\n", Registries.read(dir.resolve("models/README.md")));
        assertTrue(Files.exists(dir.resolve("models/.gitkeep")));
    }
}
