package dev.registry.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.EnvironmentException;
import dev.registry.finding.Location;
import dev.registry.testing.Registries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents read from disk find their positions in the file read again, never in other bytes. */
class SnapshotReaderTest {

    @TempDir
    Path dir;

    private static final String CARD = "models/fraud/1.0.0.yaml";

    private YamlDocument documentOf(Snapshot s) {
        return s.files().get(CARD).document();
    }

    @Test
    void positionsAreTheOnesAnEagerReadingGives() throws Exception {
        Registries.minimal(dir);
        Path card = Registries.writeModel(dir, "fraud", "1.0.0");
        Snapshot s = new SnapshotReader().read(new WorkingTreeSource(dir));
        YamlDocument expected = ((StrictYamlReader.Parsed) new StrictYamlReader()
                .read(CARD, Files.readAllBytes(card))).document();
        assertEquals(expected.values(), documentOf(s).values());
        assertEquals(expected.keys(), documentOf(s).keys());
        assertEquals(new Location(4, 10), documentOf(s).valueAt("/version"));
    }

    @Test
    void aFileRewrittenAfterItWasReadIsRefusedNotLocatedInItsNewText() throws Exception {
        Registries.minimal(dir);
        Path card = Registries.writeModel(dir, "fraud", "1.0.0");
        Snapshot s = new SnapshotReader().read(new WorkingTreeSource(dir));
        // Same length, other bytes: only the content check tells them apart.
        String text = Files.readString(card);
        Files.writeString(card, text.replace("version: 1.0.0", "version: 9.9.9"));
        EnvironmentException e = assertThrows(EnvironmentException.class, () -> documentOf(s).values());
        assertTrue(e.getMessage().contains(CARD) && e.getMessage().contains("changed during the run"), e.getMessage());
    }

    @Test
    void aFileWrittenBackAsItWasIsLocatedAsBefore() throws Exception {
        Registries.minimal(dir);
        Path card = Registries.writeModel(dir, "fraud", "1.0.0");
        byte[] before = Files.readAllBytes(card);
        Snapshot s = new SnapshotReader().read(new WorkingTreeSource(dir));
        Files.write(card, "kind: Model\n".getBytes(StandardCharsets.UTF_8));
        Files.write(card, before);
        assertEquals(new Location(4, 10), documentOf(s).valueAt("/version"));
    }
}
