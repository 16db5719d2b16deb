package dev.registry.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.UsageException;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingTreeSourceTest {

    @TempDir
    Path dir;

    private static List<String> paths(List<SourceEntry> entries) {
        return entries.stream().map(e -> e.type() + " " + e.path()).toList();
    }

    @Test
    void listsOnlyTheRegistryLayoutSortedWithSizes() throws IOException {
        Registries.minimal(dir);
        Registries.writeModel(dir, "b-model", "1.0.0");
        Registries.writeModel(dir, "a-model", "1.0.0");
        Registries.write(dir, "deployments/d.yaml", "x: 1\n");
        Registries.write(dir, "models/README.md", "notes\n");
        Registries.write(dir, "README.md", "top\n");
        Registries.write(dir, "schemas/x.yaml", "x: 1\n");
        Registries.write(dir, "models/.idea/x.yaml", "hidden\n");
        Registries.write(dir, ".registry/schema/model.schema.json", "{}");

        List<SourceEntry> entries = new WorkingTreeSource(dir).entries();
        assertEquals(List.of("FILE deployments/d.yaml", "FILE models/README.md", "FILE models/a-model/1.0.0.yaml",
                "FILE models/b-model/1.0.0.yaml", "FILE owners.yaml", "FILE registry.yaml"), paths(entries));
        SourceEntry d = entries.get(0);
        assertEquals(5, d.size());
        assertArrayEquals("x: 1\n".getBytes(StandardCharsets.UTF_8), d.content().read());
    }

    @Test
    void symbolicLinksAreListedNotFollowed() throws IOException {
        Registries.minimal(dir.resolve("reg"));
        Path outside = Registries.write(dir, "outside/1.0.0.yaml", Registries.model("x", "1.0.0"));
        try {
            Files.createDirectories(dir.resolve("reg/models/x"));
            Files.createSymbolicLink(dir.resolve("reg/models/x/1.0.0.yaml"), outside);
            Files.createSymbolicLink(dir.resolve("reg/models/linked"), outside.getParent());
            Files.createSymbolicLink(dir.resolve("reg/deployments"), outside.getParent());
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
        List<SourceEntry> entries = new WorkingTreeSource(dir.resolve("reg")).entries();
        assertEquals(List.of("SYMLINK deployments", "SYMLINK models/linked", "SYMLINK models/x/1.0.0.yaml",
                "FILE owners.yaml", "FILE registry.yaml"), paths(entries));
        assertEquals(0, entries.get(2).content().read().length);
    }

    @Test
    void aRegistryFileThatIsAFolderIsOther() throws IOException {
        Registries.write(dir, "registry.yaml", Registries.REGISTRY);
        Files.createDirectories(dir.resolve("owners.yaml"));
        assertEquals(List.of("OTHER owners.yaml", "FILE registry.yaml"), paths(new WorkingTreeSource(dir).entries()));
    }

    @Test
    void stampedTopLevelFilesAreTypedAndStampedAsTheWalksFilesAre() throws IOException {
        Registries.write(dir, "registry.yaml", Registries.REGISTRY);
        Files.createDirectories(dir.resolve("owners.yaml"));
        Registries.writeModel(dir, "m", "1.0.0");
        List<SourceEntry> entries = WorkingTreeSource.stamped(dir).entries();
        assertEquals(List.of("FILE models/m/1.0.0.yaml", "OTHER owners.yaml", "FILE registry.yaml"), paths(entries));
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("unix"));
        SourceEntry registry = entries.get(2);
        assertEquals(Registries.REGISTRY.getBytes(StandardCharsets.UTF_8).length, registry.size());
        assertTrue(registry.stamp().orElseThrow().key().startsWith("stat registry.yaml\u0000"), registry.stamp().toString());
        assertTrue(entries.get(0).stamp().orElseThrow().key().startsWith("stat models/m/1.0.0.yaml\u0000"));
        assertEquals(java.util.Optional.empty(), entries.get(1).stamp());
        assertArrayEquals(Registries.REGISTRY.getBytes(StandardCharsets.UTF_8), registry.content().read());

        Files.delete(dir.resolve("owners.yaml"));
        Files.createSymbolicLink(dir.resolve("owners.yaml"), dir.resolve("registry.yaml"));
        assertEquals(List.of("FILE models/m/1.0.0.yaml", "SYMLINK owners.yaml", "FILE registry.yaml"),
                paths(WorkingTreeSource.stamped(dir).entries()));
    }

    @Test
    void anEmptyFolderHasNoEntries() {
        assertEquals(List.of(), new WorkingTreeSource(dir).entries());
    }

    @Test
    void theRootIsTheNearestFolderHoldingRegistryYaml() throws IOException {
        Registries.minimal(dir);
        Path deep = Files.createDirectories(dir.resolve("models/credit-scorer"));
        assertEquals(dir.toAbsolutePath().normalize(), RegistryRoot.find(deep));
        assertEquals(dir.toAbsolutePath().normalize(), RegistryRoot.find(dir));
        Path nested = dir.resolve("other");
        Registries.minimal(nested);
        assertEquals(nested.toAbsolutePath().normalize(), RegistryRoot.find(nested));
    }

    @Test
    void noRegistryYamlIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> RegistryRoot.find(dir));
        assertTrue(e.getMessage().startsWith("no registry.yaml found in " + dir.toAbsolutePath().normalize()), e.getMessage());
        assertThrows(UsageException.class, () -> RegistryRoot.find(dir.resolve("missing")));
    }
}
