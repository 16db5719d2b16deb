package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Registries;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real SIGTERM in the middle of a big import, in a child JVM running the built classes: the
 * shutdown hook undoes what was written, so the registry is as it was.
 */
class InterruptedWriteTest {

    @TempDir
    Path dir;

    @Test
    void sigtermWhileImportingLeavesNoCardAndNoTempFile() throws Exception {
        Registries.minimal(dir);
        StringBuilder csv = new StringBuilder("name,version,provider,owner\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append(String.format("bulk-%05d,1.0.0,internal,team:ml-platform%n", i));
        }
        Files.writeString(dir.resolve("big.csv"), csv, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("models"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.registry.cli.Main", "import", "--csv", "big.csv")
                .directory(dir.toFile()).redirectErrorStream(false).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(err.toFile()).start();
        // Signal as soon as the first card folder appears: writing has started.
        boolean writing = false;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (p.isAlive() && System.nanoTime() < deadline) {
            try (Stream<Path> s = Files.list(dir.resolve("models"))) {
                if (s.findAny().isPresent()) {
                    writing = true;
                    break;
                }
            }
            Thread.sleep(5);
        }
        if (!writing) {
            p.destroyForcibly();
        }
        Assumptions.assumeTrue(writing, "the import ended before writing began: " + Files.readString(err));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the import stopped");
        String stderr = Files.readString(err);
        // Exit 0 would mean it finished before the signal landed: then there is nothing to check.
        Assumptions.assumeFalse(p.exitValue() == 0, "finished before the signal");
        assertEquals(143, p.exitValue(), stderr);
        assertEquals("registry: interrupted: nothing was written\n", stderr);
        assertEquals(List.of(), leftUnder(dir.resolve("models")), "no card, no folder, no temp file");
    }

    private static List<String> leftUnder(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(q -> !q.equals(folder)).map(q -> folder.relativize(q).toString().replace(File.separatorChar, '/'))
                    .sorted().limit(20).toList();
        }
    }
}
