package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.edit.WriteLock;
import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command waiting for another's write lock says so on stderr, and writes once the lock is free. */
class LockWaitTest {

    @TempDir
    Path dir;

    @Test
    void aCommandWaitingForTheLockSaysWhatItWaitsFor() throws Exception {
        Registries.minimal(dir);
        StringWriter err = new StringWriter();
        WriteLock held = WriteLock.acquire(dir, Duration.ofSeconds(5));
        CompletableFuture<Cli.Result> run;
        try {
            run = CompletableFuture.supplyAsync(() -> Cli.in(dir).stderr(err).run("register", "--name", "credit-scorer",
                    "--version", "1.0.0", "--provider", "internal", "--owner", "team:ml-platform"));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!err.toString().contains("waiting for") && !run.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            held.close();
        }
        Cli.Result r = run.get(2, TimeUnit.MINUTES);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("created models/credit-scorer/1.0.0.yaml\n", r.out());
        assertEquals("waiting for " + dir.toAbsolutePath().normalize().resolve(".registry/write.lock")
                + ", held by another registry process; giving up after 30 s\n", r.err());
        assertTrue(dir.resolve("models/credit-scorer/1.0.0.yaml").toFile().isFile());
    }
}
