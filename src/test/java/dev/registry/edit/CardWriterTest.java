package dev.registry.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.EnvironmentException;
import dev.registry.check.Validator;
import dev.registry.testing.Registries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardWriterTest {

    @TempDir
    Path dir;

    private CardWriter writer() {
        return new CardWriter(dir, new Validator(LocalDate.of(2026, 11, 1)), Duration.ofSeconds(5));
    }

    private static WritePlan create(String path, String text) {
        return state -> state.exists(path)
                ? ChangeSet.refused("create " + path, List.of(dev.registry.finding.Finding.error("exists", path,
                        dev.registry.finding.Location.START, "", "exists", "")))
                : ChangeSet.of("create " + path, List.of(FileChange.create(path, text)));
    }

    @Test
    void aChangeMadeByAnotherWriterWhileValidatingIsSeenUnderTheLock() {
        Registries.minimal(dir);
        String path = "models/a/1.0.0.yaml";
        AtomicInteger plans = new AtomicInteger();
        WritePlan racing = state -> {
            ChangeSet cs = create(path, Registries.model("a", "1.0.0").replace("experimental", "staging")).plan(state);
            if (plans.getAndIncrement() == 0) {
                // Another command registers the same version after we planned, before we lock.
                Registries.writeModel(dir, "a", "1.0.0");
            }
            return cs;
        };
        WriteOutcome out = writer().write(racing, false, Optional.empty());
        assertEquals(2, plans.get(), "planned again under the lock");
        assertTrue(out instanceof WriteOutcome.Refused, out.toString());
        assertEquals(Registries.model("a", "1.0.0"), Registries.read(dir.resolve(path)), "the other writer's card survives");
    }

    @Test
    void anErrorTheChangeCausesInAnotherFileRefusesIt() {
        Registries.minimal(dir);
        Registries.write(dir, "models/a/1.0.0.yaml", Registries.model("a", "1.0.0").replace("experimental", "production"));
        Registries.write(dir, "deployments/a-prod.yaml", """
                apiVersion: registry/v1
                kind: Deployment
                name: a-prod
                model: a
                version: 1.0.0
                environment: prod
                region: eu-west-1
                """);
        String path = "models/a/1.0.0.yaml";
        WritePlan demote = state -> ChangeSet.of("demote a@1.0.0", List.of(FileChange.replace(path, state.text(path).orElseThrow(),
                CardEditor.of(state.text(path).orElseThrow(), KeyOrder.of(dev.registry.card.CardKind.MODEL))
                        .set(List.of("lifecycle", "stage"), YamlValue.text("staging")).text())));
        WriteOutcome out = writer().write(demote, false, Optional.empty());
        assertTrue(out instanceof WriteOutcome.Refused, out.toString());
        var findings = ((WriteOutcome.Refused) out).findings();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("deployment-stage", findings.get(0).ruleId());
        assertEquals("deployments/a-prod.yaml", findings.get(0).path());
        assertTrue(Registries.read(dir.resolve(path)).contains("production"));
    }

    @Test
    void errorsOtherFilesAlreadyHadAreCountedNotBlocking() {
        Registries.minimal(dir);
        Registries.write(dir, "models/b/1.0.0.yaml", Registries.model("b", "1.0.0").replace("internal", "Not An Id"));
        WriteOutcome out = writer().write(create("models/a/1.0.0.yaml", Registries.model("a", "1.0.0")), false, Optional.empty());
        assertTrue(out instanceof WriteOutcome.Written, out.toString());
        assertEquals(1, ((WriteOutcome.Written) out).otherErrors());
    }

    @Test
    void aFailedWriteRestoresTheFilesAlreadyWritten() {
        Registries.minimal(dir);
        Registries.write(dir, "models/blocker", "a file where a folder must go");
        WritePlan two = state -> ChangeSet.of("two", List.of(
                FileChange.create("models/a/1.0.0.yaml", Registries.model("a", "1.0.0")),
                FileChange.create("models/blocker/1.0.0.yaml", Registries.model("blocker", "1.0.0"))));
        CardWriter w = new CardWriter(dir, new Validator(List.of()), Duration.ofSeconds(5));
        assertThrows(EnvironmentException.class, () -> w.write(two, false, Optional.empty()));
        assertFalse(Files.exists(dir.resolve("models/a/1.0.0.yaml")));
    }

    @Test
    void aFailedParallelWriteRemovesEveryFileItWrote() throws Exception {
        Registries.minimal(dir);
        Registries.write(dir, "models/m-20", "a file where a folder must go");
        List<FileChange> many = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(FileChange.create("models/m-" + i + "/1.0.0.yaml", Registries.model("m-" + i, "1.0.0")));
        }
        CardWriter w = new CardWriter(dir, new Validator(List.of()), Duration.ofSeconds(5));
        EnvironmentException e = assertThrows(EnvironmentException.class,
                () -> w.write(state -> ChangeSet.of("many", many), false, Optional.empty()));
        assertTrue(e.getMessage().startsWith("cannot write the registry: "), e.getMessage());
        try (var files = Files.walk(dir.resolve("models"))) {
            assertEquals(List.of("models/m-20"), files.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/')).toList());
        }
    }

    /** What a stopped write leaves: every file under the registry, temp files included. */
    private List<String> filesUnder(String folder) throws Exception {
        if (!Files.exists(dir.resolve(folder))) {
            return List.of();
        }
        try (var files = Files.walk(dir.resolve(folder))) {
            return files.filter(p -> !p.equals(dir.resolve(folder))).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** Records the interruption the rollback reports, as the command line would print it. */
    private static final class Recorder implements WriteEvents {
        final List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void interrupted() {
            said.add("interrupted");
        }

        @Override
        public void waitingForLock(Path lockFile) {
            said.add("waiting for " + lockFile.getFileName());
        }
    }

    private static List<FileChange> newCards(int n) {
        List<FileChange> many = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            many.add(FileChange.create("models/m-" + i + "/1.0.0.yaml", Registries.model("m-" + i, "1.0.0")));
        }
        return many;
    }

    @Test
    void aWriteStoppedBetweenTwoFilesUndoesThemAllAndWritesNothingMore() throws Exception {
        Registries.minimal(dir);
        Registries.writeModel(dir, "old", "1.0.0");
        String oldText = Registries.read(dir.resolve("models/old/1.0.0.yaml"));
        List<FileChange> changes = new java.util.ArrayList<>();
        changes.add(FileChange.replace("models/old/1.0.0.yaml", oldText, oldText + "# edited\n"));
        changes.addAll(newCards(4));
        Recorder events = new Recorder();
        AtomicInteger written = new AtomicInteger();
        CardWriter w = new CardWriter(dir, new Validator(List.of()), Duration.ofSeconds(5), events).afterEachFile(pending -> {
            if (written.incrementAndGet() == 3) {
                pending.abort(events::interrupted); // what the shutdown hook does on SIGINT or SIGTERM
            }
        });
        WriteInterruptedException e = assertThrows(WriteInterruptedException.class,
                () -> w.write(state -> ChangeSet.of("five", changes), false, Optional.empty()));
        assertEquals("interrupted: nothing was written", e.getMessage());
        assertEquals(3, written.get(), "no file is started once the rollback has begun");
        assertEquals(List.of("interrupted"), events.said);
        assertEquals(oldText, Registries.read(dir.resolve("models/old/1.0.0.yaml")), "the changed card is restored");
        assertEquals(List.of("models/old", "models/old/1.0.0.yaml"), filesUnder("models"),
                "new cards, their folders and temp files are gone");
    }

    @Test
    void aParallelWriteStoppedHalfWayLeavesNoCardAndNoTempFile() throws Exception {
        Registries.minimal(dir);
        Recorder events = new Recorder();
        AtomicInteger written = new AtomicInteger();
        CardWriter w = new CardWriter(dir, new Validator(List.of()), Duration.ofSeconds(5), events).afterEachFile(pending -> {
            if (written.incrementAndGet() == 50) {
                pending.abort(events::interrupted);
            }
        });
        List<FileChange> many = newCards(400);
        assertThrows(WriteInterruptedException.class, () -> w.write(state -> ChangeSet.of("many", many), false, Optional.empty()));
        // How many files the other writers finish before the abort takes the lock depends on scheduling;
        // that none starts after it is checked exactly by the sequential test above.
        assertTrue(written.get() < many.size(), "writers stop starting files: " + written.get());
        assertEquals(List.of("interrupted"), events.said);
        assertEquals(List.of(), filesUnder("models"));
    }

    @Test
    void aSignalAfterTheWriteEndedUndoesNothing() throws Exception {
        Registries.minimal(dir);
        java.util.concurrent.atomic.AtomicReference<PendingWrite> seen = new java.util.concurrent.atomic.AtomicReference<>();
        Recorder events = new Recorder();
        CardWriter w = new CardWriter(dir, new Validator(List.of()), Duration.ofSeconds(5), events).afterEachFile(seen::set);
        List<FileChange> two = newCards(2);
        assertTrue(w.write(state -> ChangeSet.of("two", two), false, Optional.empty()) instanceof WriteOutcome.Written);
        assertEquals(-1, seen.get().abort(events::interrupted));
        assertEquals(List.of(), events.said);
        assertEquals(List.of("models/m-0", "models/m-0/1.0.0.yaml", "models/m-1", "models/m-1/1.0.0.yaml"), filesUnder("models"));
    }

    @Test
    void aWriterWaitingForTheLockSaysSoOnceAndGoesOnWaiting() throws Exception {
        Registries.minimal(dir);
        Recorder events = new Recorder();
        java.util.concurrent.CountDownLatch told = new java.util.concurrent.CountDownLatch(1);
        WriteEvents signalling = new WriteEvents() {
            @Override
            public void waitingForLock(Path lockFile) {
                events.waitingForLock(lockFile);
                told.countDown();
            }
        };
        WriteLock held = WriteLock.acquire(dir, Duration.ofSeconds(1));
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                WriteLock.acquire(dir, Duration.ofMinutes(5), signalling).close();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        other.start();
        assertTrue(told.await(5, java.util.concurrent.TimeUnit.MINUTES), "told it waits");
        held.close(); // only now: the waiter was told and is still waiting
        other.join();
        assertEquals(null, failure.get());
        assertEquals(List.of("waiting for write.lock"), events.said);
    }

    @Test
    void theLockKeepsASecondWriterWaitingAndTimesOut() throws Exception {
        Registries.minimal(dir);
        try (WriteLock held = WriteLock.acquire(dir, Duration.ofSeconds(1))) {
            Thread other = new Thread(() -> {
                EnvironmentException e = assertThrows(EnvironmentException.class,
                        () -> WriteLock.acquire(dir, Duration.ofMillis(200)).close());
                assertTrue(e.getMessage().contains("another registry command has been writing"), e.getMessage());
            });
            other.start();
            other.join();
        }
        try (WriteLock again = WriteLock.acquire(dir, Duration.ofMillis(200))) {
            assertTrue(Files.exists(dir.resolve(".registry/write.lock")));
            assertEquals("# The write lock of `registry` commands, never committed (nor is this file).\nwrite.lock\n.gitignore\n",
                    Registries.read(dir.resolve(".registry/.gitignore")));
        }
    }
}
