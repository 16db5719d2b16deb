package dev.registry.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the cache lives: the git directory, else the user's cache folder; never when switched off. */
class CacheHomeTest {

    @TempDir
    Path dir;

    private static Path folderOf(Optional<Path> file) {
        return file.orElseThrow().getParent();
    }

    @Test
    void insideAGitRepositoryItGoesIntoTheGitDirectory() throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        Path registry = Files.createDirectories(dir.resolve("repo/registries/ml"));
        Optional<Path> file = CacheHome.file(registry, Map.of("HOME", dir.resolve("home").toString()));
        assertEquals(dir.resolve("repo/.git/registry-cache"), folderOf(file));
        assertTrue(file.orElseThrow().getFileName().toString().matches("validate-[0-9a-f]{16}\\.cache"), file.toString());
    }

    @Test
    void aWorktreeKeepsItInItsOwnGitDirectory() throws IOException {
        Path gitDir = Files.createDirectories(dir.resolve("main/.git/worktrees/feature"));
        Path tree = Files.createDirectories(dir.resolve("feature"));
        Files.writeString(tree.resolve(".git"), "gitdir: " + gitDir + "\n");
        assertEquals(gitDir.resolve("registry-cache"), folderOf(CacheHome.file(tree, Map.of())));
        Files.writeString(tree.resolve(".git"), "gitdir: ../main/.git/worktrees/feature\n");
        assertEquals(gitDir.resolve("registry-cache"), folderOf(CacheHome.file(tree, Map.of())));
    }

    @Test
    void elsewhereItGoesIntoTheUsersCacheFolder() throws IOException {
        Path registry = Files.createDirectories(dir.resolve("plain"));
        // A temp folder may itself sit in a git repository; only an answer outside one is checked.
        if (CacheHome.gitDir(registry).isPresent()) {
            return;
        }
        assertEquals(dir.resolve("xdg/registry"), folderOf(CacheHome.file(registry,
                Map.of("XDG_CACHE_HOME", dir.resolve("xdg").toString(), "HOME", dir.resolve("home").toString()))));
        assertEquals(dir.resolve("home/.cache/registry"), folderOf(CacheHome.file(registry,
                Map.of("XDG_CACHE_HOME", "relative/ignored", "HOME", dir.resolve("home").toString()))));
        assertEquals(Optional.empty(), CacheHome.file(registry, Map.of()));
    }

    @Test
    void theVariablesMoveItOrTurnItOff() throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        Path registry = Files.createDirectories(dir.resolve("repo/r"));
        assertEquals(dir.resolve("elsewhere"), folderOf(CacheHome.file(registry, Map.of("REGISTRY_CACHE_DIR", dir.resolve("elsewhere").toString()))));
        for (String off : new String[] {"off", "0", "false", "no", "OFF"}) {
            assertEquals(Optional.empty(), CacheHome.file(registry, Map.of("REGISTRY_CACHE", off)), off);
        }
        assertTrue(CacheHome.file(registry, Map.of("REGISTRY_CACHE", "on")).isPresent());
        assertTrue(!CacheHome.open(registry, Map.of("REGISTRY_CACHE", "off")).enabled());
    }

    @Test
    void twoRegistriesOfOneRepositoryHaveTwoCaches() throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        Path a = Files.createDirectories(dir.resolve("repo/a"));
        Path b = Files.createDirectories(dir.resolve("repo/b"));
        assertNotEquals(CacheHome.file(a, Map.of()), CacheHome.file(b, Map.of()));
    }

    @Test
    void theSaltNamesTheFormatAndTheBuild() {
        String salt = CacheHome.salt();
        assertTrue(salt.startsWith("format " + FileCache.FORMAT + "; registry "), salt);
        assertEquals(salt, CacheHome.salt());
    }
}
