package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Phases;
import dev.registry.cache.CacheHome;
import dev.registry.cache.FileCache;
import dev.registry.source.CapturedSource;
import dev.registry.source.SourceEntry;
import dev.registry.source.WorkingTreeSource;
import dev.registry.testing.Cli;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The working tree's stat check: a file whose path, device, inode, size, modification and
 * status-change times are those of a run that read it is known without reading it, and any
 * rewrite is seen, even one that keeps the size and restores the modification time.
 */
class StatStampTest {

    static final String CARD = "models/credit-scorer/1.0.0.yaml";
    static final String GOOD = Registries.model("credit-scorer", "1.0.0");
    /** The same size as GOOD, and a schema error. */
    static final String SAME_SIZE_BROKEN = GOOD.replace("stage: experimental", "stage: experimentaX");

    @TempDir
    Path dir;

    private Cli cli(Path root) {
        return Cli.in(root).env("REGISTRY_CACHE_DIR", dir.resolve("cache").toString());
    }

    @Test
    void aRewriteThatKeepsTheSizeAndRestoresTheTimeIsSeenAndARecentFileIsReadAgain() throws Exception {
        Path root = dir.resolve("registry");
        Assumptions.assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("unix"), "no unix attributes here");
        Registries.minimal(root);
        Registries.write(root, CARD, GOOD);
        Registries.write(root, "models/fresh/1.0.0.yaml", Registries.model("fresh", "1.0.0"));
        assertEquals(GOOD.length(), SAME_SIZE_BROKEN.length());
        // A stamp is remembered only for a file that had not changed for two seconds before the run.
        Thread.sleep(SourceEntry.Stamp.SETTLE_MILLIS + 500);
        Registries.write(root, "models/fresh/1.0.0.yaml", Registries.model("fresh", "1.0.0") + "description: just now\n");

        Map<String, String> env = Map.of("REGISTRY_CACHE_DIR", dir.resolve("cache").toString());
        FileCache first = CacheHome.open(root, env);
        List<SourceEntry> entries = WorkingTreeSource.stamped(root).entries();
        CapturedSource.of(WorkingTreeSource.stamped(root), new Phases(), first);
        assertEquals(Optional.empty(), first.save());
        FileCache second = CacheHome.open(root, env);
        assertTrue(second.known(stamp(entries, CARD)).isPresent(), "a settled file's digest is remembered");
        assertEquals(GOOD.length(), second.known(stamp(entries, CARD)).orElseThrow().size());
        assertEquals(Optional.empty(), second.known(stamp(entries, "models/fresh/1.0.0.yaml")),
                "a file changed less than two seconds before the run is hashed again next time");

        var ok = cli(root).run("validate");
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(cli(root).run("validate", "-v").err().contains("no file changed"));

        // Rewritten in place with the same size, and its modification time put back: only the
        // status-change time, which no unprivileged process can set, tells.
        Path card = root.resolve(CARD);
        Map<String, Object> before = Files.readAttributes(card, "unix:ino,size,lastModifiedTime,ctime", LinkOption.NOFOLLOW_LINKS);
        Files.writeString(card, SAME_SIZE_BROKEN, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(card, (FileTime) before.get("lastModifiedTime"));
        Map<String, Object> after = Files.readAttributes(card, "unix:ino,size,lastModifiedTime,ctime", LinkOption.NOFOLLOW_LINKS);
        assertEquals(before.get("ino"), after.get("ino"));
        assertEquals(before.get("size"), after.get("size"));
        assertEquals(before.get("lastModifiedTime"), after.get("lastModifiedTime"));
        assertFalse(before.get("ctime").equals(after.get("ctime")));

        var seen = cli(root).run("validate");
        assertEquals(1, seen.exit(), seen.toString());
        assertTrue(seen.err().startsWith(CARD + ":8:10: error: `lifecycle.stage` must be one of "), seen.err());
        assertEquals(seen.toString(), cli(root).run("validate", "--no-cache").toString());
    }

    @Test
    void aRunOverSettledFilesIsAnsweredByTheirStampsAndAnyChangeIsStillSeen() throws Exception {
        Path root = dir.resolve("registry");
        Assumptions.assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("unix"), "no unix attributes here");
        Registries.minimal(root);
        Registries.write(root, CARD, GOOD);
        Registries.write(root, "models/other/1.0.0.yaml", Registries.model("other", "1.0.0"));
        Thread.sleep(SourceEntry.Stamp.SETTLE_MILLIS + 500);

        var first = cli(root).run("validate", "-v");
        assertEquals(0, first.exit(), first.toString());
        assertFalse(first.err().contains("no file changed"), first.err());
        var second = cli(root).run("validate", "-v");
        assertTrue(second.err().contains("(no file changed: every finding from the cache, every file known by its stamp)"), second.err());
        assertEquals(first.out(), second.out());

        // The same size, the modification time put back: the stamps differ by the status-change time.
        Path card = root.resolve(CARD);
        FileTime mtime = Files.getLastModifiedTime(card, LinkOption.NOFOLLOW_LINKS);
        Files.writeString(card, SAME_SIZE_BROKEN, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(card, mtime);
        var broken = cli(root).run("validate", "-v");
        assertEquals(1, broken.exit(), broken.toString());
        assertFalse(broken.err().contains("no file changed"), broken.err());
        assertTrue(broken.err().contains("\n" + CARD + ":8:10: error: `lifecycle.stage` must be one of "), broken.err());

        // Back to the settled state's bytes, in a new file: never the old run by its old stamps.
        Files.writeString(card, GOOD, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(card, mtime);
        var fixed = cli(root).run("validate", "-v");
        assertEquals(0, fixed.exit(), fixed.toString());
        assertFalse(fixed.err().contains("every file known by its stamp"), "a file changed just now is no settled stamp: " + fixed.err());

        // A file that is no card, added: a new listing, a new run.
        Thread.sleep(SourceEntry.Stamp.SETTLE_MILLIS + 500);
        assertTrue(cli(root).run("validate", "-v").err().contains("no file changed"));
        Registries.write(root, "models/NOTES.txt", "not a card\n");
        var noted = cli(root).run("validate", "-v");
        assertFalse(noted.err().contains("every file known by its stamp"), noted.err());
        assertEquals(0, noted.exit(), noted.toString());
        // A card removed: gone from the listing, so from the run.
        Files.delete(root.resolve("models/other/1.0.0.yaml"));
        var removed = cli(root).run("validate", "-v");
        assertFalse(removed.err().contains("no file changed"), removed.err());
        assertEquals(cli(root).run("validate", "--no-cache").toString(), cli(root).run("validate").toString());
    }

    private static String stamp(List<SourceEntry> entries, String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow().stamp().orElseThrow().key();
    }

    @Test
    void theStampedWalkListsWhatThePlainWalkLists() throws IOException {
        Path root = dir.resolve("registry");
        Registries.minimal(root);
        Registries.writeModel(root, "b-model", "1.0.0");
        Registries.writeModel(root, "a-model", "1.0.0");
        Registries.write(root, "deployments/d.yaml", "x: 1\n");
        Registries.write(root, "models/README.md", "notes\n");
        Registries.write(root, "models/.idea/x.yaml", "hidden\n");
        Registries.write(root, "models/a-model/.hidden/1.0.0.yaml", "hidden\n");
        try {
            Files.createSymbolicLink(root.resolve("models/a-model/2.0.0.yaml"), Path.of("1.0.0.yaml"));
        } catch (UnsupportedOperationException | IOException e) {
            // no links here: the rest still counts
        }
        List<String> plain = describe(new WorkingTreeSource(root).entries());
        List<String> stamped = describe(WorkingTreeSource.stamped(root).entries());
        assertEquals(plain, stamped);
        boolean unix = root.getFileSystem().supportedFileAttributeViews().contains("unix");
        for (SourceEntry e : WorkingTreeSource.stamped(root).entries()) {
            assertEquals(unix && e.type() == SourceEntry.Type.FILE, e.stamp().isPresent(), e.path());
            assertTrue(e.stamp().map(s -> s.key().startsWith("stat " + e.path() + "\u0000")).orElse(true), e.path());
        }
    }

    @Test
    void aLargeFolderWalkedInParallelListsWhatThePlainWalkLists() {
        Path root = dir.resolve("registry");
        Registries.minimal(root);
        // Enough model folders for the walk to take them in parallel slices, and names that sort
        // differently as names and as paths ("m-1" and "m" and "m.x").
        for (int i = 0; i < 700; i++) {
            Registries.write(root, "models/m-" + i + "/1.0.0.yaml", "n: " + i + "\n");
        }
        Registries.write(root, "models/m/1.0.0.yaml", "n: m\n");
        Registries.write(root, "models/m.x/1.0.0.yaml", "n: m.x\n");
        Registries.write(root, "models/m-1/1.0.0.yaml.bak", "n: bak\n");
        Registries.write(root, "models/m-1/1.0.0", "n: bare\n");
        List<String> plain = describe(new WorkingTreeSource(root).entries());
        List<String> stamped = describe(WorkingTreeSource.stamped(root).entries());
        assertTrue(plain.size() > 2 * 256, "more than two slices: " + plain.size());
        assertEquals(plain, stamped);
    }

    private static List<String> describe(List<SourceEntry> entries) {
        return entries.stream().map(e -> {
            try {
                return e.type() + " " + e.path() + " " + e.size() + " "
                        + (e.type() == SourceEntry.Type.FILE ? new String(e.content().read(), StandardCharsets.UTF_8) : "");
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }).toList();
    }
}
