package dev.registry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.source.Snapshot;
import dev.registry.source.SnapshotReader;
import dev.registry.source.Source;
import dev.registry.source.SourceEntry;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.MergeResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index as the git program reads it ({@link GitIndex}) against the index as JGit reads it
 * ({@link GitSource#index}): on the same repository, in the same environment, both give the same
 * entries with the same bytes, and so the same snapshot.
 */
class GitIndexTest {

    static final String CARD = "models/credit-scorer/1.0.0.yaml";
    static final String GOOD = Registries.model("credit-scorer", "1.0.0");

    @TempDir
    Path dir;
    Path repo;

    @BeforeEach
    void gitIsInstalled() {
        Assumptions.assumeTrue(GitProgram.find(System.getenv(), dir).isPresent(), "no git program on PATH");
        repo = dir.resolve("repo");
    }

    /** What a command sees: git on PATH, no user or system configuration, no repository around the temporary folder. */
    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", dir.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CEILING_DIRECTORIES", dir.toString());
        return env;
    }

    private Source byGit(Path registryRoot, Map<String, String> env, Path cwd) {
        return GitIndex.of(registryRoot, env, cwd, stamp -> OptionalLong.empty()).orElseThrow();
    }

    /**
     * Path, type, size and bytes of every entry of the three readings (this process's own where it
     * can, the git program's, JGit's), which must agree.
     */
    private List<SourceEntry> assertSameEntries(Path registryRoot, Map<String, String> env, Path cwd) throws IOException {
        Map<String, String> program = new HashMap<>(env);
        program.put("REGISTRY_GIT", "program");
        assertSameEntries(registryRoot, program, cwd, env);
        return assertSameEntries(registryRoot, env, cwd, env);
    }

    private List<SourceEntry> assertSameEntries(Path registryRoot, Map<String, String> env, Path cwd, Map<String, String> jgitEnv)
            throws IOException {
        List<SourceEntry> jgit;
        try (GitRepo r = GitRepo.open(registryRoot, jgitEnv, cwd)) {
            jgit = GitSource.index(r).entries();
            Source git = byGit(registryRoot, env, cwd);
            List<SourceEntry> program = git.entries();
            assertEquals(describe(jgit), describe(program));
            List<SourceEntry> files = program.stream().filter(e -> e.type() == SourceEntry.Type.FILE && e.size() < 100_000).toList();
            List<byte[]> batch = git.read(files);
            for (int i = 0; i < files.size(); i++) {
                String path = files.get(i).path();
                SourceEntry j = jgit.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow();
                byte[] expected = j.content().read();
                assertEquals(new String(expected, StandardCharsets.UTF_8), new String(batch.get(i), StandardCharsets.UTF_8));
                assertEquals(new String(expected, StandardCharsets.UTF_8),
                        new String(files.get(i).content().read(), StandardCharsets.UTF_8), files.get(i).path());
                assertTrue(files.get(i).stamp().orElseThrow().key().startsWith("blob "));
            }
            assertEquals(snapshot(GitSource.index(r)), snapshot(git));
        }
        return jgit;
    }

    private static List<String> describe(List<SourceEntry> entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.path() + " " + e.type() + " " + e.size()));
        return out;
    }

    private static String snapshot(Source source) {
        Snapshot s = new SnapshotReader().read(source);
        return s.label() + " " + s.files().keySet() + " " + s.readFindings() + " " + s.models().size() + " " + s.deployments().size();
    }

    private void git(Path in, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
        command.addAll(List.of(args));
        try {
            ProcessBuilder b = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true);
            b.environment().clear();
            b.environment().putAll(env());
            Process p = b.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A repository holding the minimal registry and CARD, and any more files given as path, content, committed by alice. */
    private void commitRegistry(String... morePathThenContent) {
        try (GitFixture g = GitFixture.init(repo)) {
            Registries.minimal(repo);
            g.write(CARD, GOOD);
            for (int i = 0; i < morePathThenContent.length; i += 2) {
                g.write(morePathThenContent[i], morePathThenContent[i + 1]);
            }
            g.commit("alice@example.com", "registry");
        }
    }

    @Test
    void filesLinksGitlinksExecutablesOversizedFilesAndStagedChanges() throws IOException {
        try (GitFixture g = GitFixture.init(repo)) {
            Registries.minimal(repo);
            g.write(CARD, GOOD);
            g.write("models/credit-scorer/notes.txt", "not a card\n");
            g.write("models/credit-scorer/2.0.0.yaml", "description: " + "x".repeat(300_000) + "\n");
            g.write("models/run/1.0.0.yaml", GOOD.replace("credit-scorer", "run"));
            g.write("README.md", "outside the layout\n");
            Files.setPosixFilePermissions(repo.resolve("models/run/1.0.0.yaml"), PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.createSymbolicLink(repo.resolve("models/credit-scorer/1.0.1.yaml"), Path.of("1.0.0.yaml"));
            } catch (UnsupportedOperationException | IOException e) {
                Assumptions.abort("no symbolic links here: " + e);
            }
            g.commit("alice@example.com", "registry");
            git(repo, "update-index", "--add", "--cacheinfo", "160000," + "1".repeat(40) + ",models/vendored");
            g.write(CARD, GOOD + "colour: red\n").add(CARD).write(CARD, GOOD); // staged differs from disk
            g.delete("owners.yaml");
            g.git().rm().addFilepattern("owners.yaml").setCached(true).call();

            List<SourceEntry> entries = assertSameEntries(repo, env(), repo);
            assertEquals(List.of(CARD + " FILE " + (GOOD.length() + 12), "models/credit-scorer/1.0.1.yaml SYMLINK 0",
                    "models/credit-scorer/2.0.0.yaml FILE 300014", "models/credit-scorer/notes.txt FILE 11",
                    "models/run/1.0.0.yaml FILE " + GOOD.replace("credit-scorer", "run").length(), "models/vendored OTHER 0",
                    "registry.yaml FILE " + Registries.REGISTRY.length()), describe(entries));
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The minimal registry and CARD, in a folder of the repository, not yet added. */
    private Path registryIn(String folder) {
        Path reg = repo.resolve(folder);
        Registries.minimal(reg);
        Registries.write(reg, CARD, GOOD);
        return reg;
    }

    private static List<String> paths(List<SourceEntry> entries) {
        return entries.stream().map(SourceEntry::path).toList();
    }

    @Test
    void aRegistryInASubfolderSeesOnlyItsOwnFiles() throws IOException {
        try (GitFixture g = GitFixture.init(repo)) {
            Path reg = registryIn("ml/registry");
            Registries.write(repo, "models/other/1.0.0.yaml", "not: [a card of this registry\n");
            Registries.write(repo, "ml/registry-old/registry.yaml", Registries.REGISTRY);
            g.add();
            assertEquals(List.of(CARD, "owners.yaml", "registry.yaml"), paths(assertSameEntries(reg, env(), repo.resolve("ml"))));
            assertTrue(IndexFile.find(reg, programEnv(env(), repo)).isPresent(), "read in process");
        }
    }

    @Test
    void aRegistryUnderANonAsciiFolderIsLeftToGit() throws IOException {
        try (GitFixture g = GitFixture.init(repo)) {
            Path reg = registryIn("modèles/registre");
            g.add();
            // Its name as Java decodes it may not be the bytes the index holds (a C locale): git compares bytes.
            assertEquals(Optional.empty(), IndexFile.find(reg, programEnv(env(), repo)));
            assertEquals(List.of(CARD, "owners.yaml", "registry.yaml"), paths(assertSameEntries(reg, env(), repo)));
        }
    }

    @Test
    void anUnresolvedMergeConflictIsOneConflictEntry() throws Exception {
        try (GitFixture g = GitFixture.init(repo)) {
            Registries.minimal(repo);
            g.write(CARD, GOOD);
            g.commit("alice@example.com", "registry");
            g.branch("other");
            g.write(CARD, GOOD + "description: theirs\n");
            g.commit("bob@example.com", "theirs");
            g.checkout("main");
            g.write(CARD, GOOD + "description: ours\n");
            g.commit("alice@example.com", "ours");
            MergeResult m = g.git().merge().include(g.git().getRepository().resolve("other")).call();
            assertEquals(MergeResult.MergeStatus.CONFLICTING, m.getMergeStatus());
            List<SourceEntry> entries = assertSameEntries(repo, env(), repo);
            assertTrue(describe(entries).contains(CARD + " CONFLICT 0"), describe(entries).toString());
        }
    }

    @Test
    void gitIndexFileIsHonouredRelativeToTheCommandsFolderAndAbsolute() throws IOException {
        try (GitFixture g = GitFixture.init(repo)) {
            Registries.minimal(repo);
            g.write(CARD, GOOD + "colour: red\n");
            g.commit("alice@example.com", "registry");
            Files.copy(repo.resolve(".git/index"), repo.resolve(".git/next-index"));
            g.write(CARD, GOOD).add(CARD);
            Files.move(repo.resolve(".git/next-index"), repo.resolve(".git/index.lock"), StandardCopyOption.REPLACE_EXISTING);

            Map<String, String> relative = env();
            relative.put("GIT_INDEX_FILE", ".git/index.lock");
            List<SourceEntry> locked = assertSameEntries(repo, relative, repo);
            Map<String, String> absolute = env();
            absolute.put("GIT_INDEX_FILE", repo.resolve(".git/index.lock").toString());
            assertEquals(describe(locked), describe(assertSameEntries(repo, absolute, repo.resolve("models"))));
            assertEquals(GOOD.length() + 12, size(locked, CARD));
            assertEquals(GOOD.length(), size(assertSameEntries(repo, env(), repo), CARD)); // the ordinary index
        }
    }

    @Test
    void aLinkedWorktreeAsItsPreCommitHookSeesIt() throws IOException {
        commitRegistry();
        Path linked = dir.resolve("linked");
        git(repo, "worktree", "add", "-q", "-b", "feature", linked.toString());
        Registries.write(linked, CARD, GOOD + "colour: red\n");
        git(linked, "add", CARD);
        Map<String, String> hook = env(); // what git sets for a hook run in a linked worktree
        hook.put("GIT_DIR", repo.resolve(".git/worktrees/linked").toString());
        hook.put("GIT_INDEX_FILE", repo.resolve(".git/worktrees/linked/index").toString());
        for (Map<String, String> env : List.of(env(), hook)) {
            List<SourceEntry> entries = assertSameEntries(linked, env, linked);
            assertEquals(GOOD.length() + 12, size(entries, CARD));
        }
    }

    /** The environment {@link IndexFile#find} sees: the git program's, path variables made absolute. */
    private Map<String, String> programEnv(Map<String, String> env, Path cwd) {
        return GitProgram.find(env, cwd).orElseThrow().env();
    }

    @Test
    void theIndexFileAndLooseBlobsAreReadInProcessInEveryPlainForm() throws IOException {
        commitRegistry("models/credit-scorer/1.1.0.yaml", GOOD.replace("1.0.0", "1.1.0"));
        git(repo, "gc", "-q"); // the committed blobs packed: those are git's to read
        Registries.write(repo, CARD, GOOD + "colour: red\n");
        git(repo, "add", CARD); // a loose one, read here
        Path registry = repo;
        assertTrue(IndexFile.find(registry, programEnv(env(), repo)).isPresent(), "version 2");
        assertEquals(GOOD.length() + 12, size(assertSameEntries(registry, env(), repo), CARD));

        git(repo, "update-index", "--skip-worktree", "owners.yaml"); // an extended flag: version 3
        assertEquals(3, indexVersion());
        assertTrue(IndexFile.find(registry, programEnv(env(), repo)).isPresent(), "version 3");
        assertSameEntries(registry, env(), repo);

        git(repo, "update-index", "--index-version", "4"); // paths compressed against the one before
        assertEquals(4, indexVersion());
        assertTrue(IndexFile.find(registry, programEnv(env(), repo)).isPresent(), "version 4");
        assertSameEntries(registry, env(), repo);
        Path models = repo.resolve("models");
        assertEquals(List.of("credit-scorer/1.0.0.yaml", "credit-scorer/1.1.0.yaml"),
                IndexFile.find(models, programEnv(env(), repo)).orElseThrow().rows().stream().map(GitIndex.Row::path).toList());
    }

    @Test
    void whatItDoesNotReadIsLeftToGit() throws IOException {
        commitRegistry();
        Registries.write(repo, "models/credit-scorer/2.0.0.yaml", GOOD.replace("1.0.0", "2.0.0"));
        git(repo, "add", "-N", "models/credit-scorer/2.0.0.yaml"); // intent to add
        assertEquals(Optional.empty(), IndexFile.find(repo, programEnv(env(), repo)), "intent-to-add");
        assertSameEntries(repo, env(), repo);

        git(repo, "add", "models/credit-scorer/2.0.0.yaml");
        git(repo, "update-index", "--split-index"); // entries in a second file
        assertEquals(Optional.empty(), IndexFile.find(repo, programEnv(env(), repo)), "split index");
        Map<String, String> program = env();
        program.put("REGISTRY_GIT", "program");
        // JGit cannot read a split index: the git program's listing is the reference here.
        assertEquals(describe(byGit(repo, program, repo).entries()), describe(byGit(repo, env(), repo).entries()));
        assertTrue(describe(byGit(repo, env(), repo).entries()).contains("models/credit-scorer/2.0.0.yaml FILE " + GOOD.length()));
        git(repo, "update-index", "--no-split-index");
        assertTrue(IndexFile.find(repo, programEnv(env(), repo)).isPresent());

        Map<String, String> gitDir = env();
        gitDir.put("GIT_DIR", repo.resolve(".git").toString());
        assertEquals(Optional.empty(), IndexFile.find(repo, programEnv(gitDir, repo)), "GIT_DIR");
        Map<String, String> ceiling = env();
        ceiling.put("GIT_CEILING_DIRECTORIES", repo.toString());
        assertEquals(Optional.empty(), IndexFile.find(repo.resolve("models"), programEnv(ceiling, repo)), "above a ceiling");

        git(repo, "config", "core.worktree", repo.toString());
        assertEquals(Optional.empty(), IndexFile.find(repo, programEnv(env(), repo)), "core.worktree");
        git(repo, "config", "--unset", "core.worktree");

        byte[] index = Files.readAllBytes(repo.resolve(".git/index"));
        index[11] += 1; // one entry more than the file holds
        Files.write(repo.resolve(".git/index"), index);
        assertEquals(Optional.empty(), IndexFile.find(repo, programEnv(env(), repo)), "damaged");
        index[11] -= 1;
        Files.write(repo.resolve(".git/index"), java.util.Arrays.copyOf(index, index.length - 30));
        assertEquals(Optional.empty(), IndexFile.find(repo, programEnv(env(), repo)), "truncated");
    }

    private int indexVersion() throws IOException {
        return java.nio.ByteBuffer.wrap(Files.readAllBytes(repo.resolve(".git/index"))).getInt(4);
    }

    private static long size(List<SourceEntry> entries, String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow().size();
    }

    @Test
    void withoutARepositoryOrAGitProgramJGitIsLeftToSayWhatIsWrong() {
        Registries.minimal(dir.resolve("plain"));
        assertEquals(Optional.empty(), GitIndex.of(dir.resolve("plain"), env(), dir, s -> OptionalLong.empty()));
        try (GitFixture g = GitFixture.init(repo)) {
            Registries.minimal(repo);
            g.add();
            Map<String, String> noPath = env();
            noPath.remove("PATH");
            assertEquals(Optional.empty(), GitIndex.of(repo, noPath, repo, s -> OptionalLong.empty()));
            Map<String, String> jgit = env();
            jgit.put("REGISTRY_GIT", "jgit");
            assertEquals(Optional.empty(), GitIndex.of(repo, jgit, repo, s -> OptionalLong.empty()));
            Map<String, String> missingIndex = env();
            missingIndex.put("GIT_DIR", dir.resolve("nowhere").toString());
            assertEquals(Optional.empty(), GitIndex.of(repo, missingIndex, repo, s -> OptionalLong.empty()));
            assertTrue(GitIndex.of(repo, env(), repo, s -> OptionalLong.empty()).isPresent());
        }
    }

    @Test
    void aSizeLearntEarlierIsTakenFromTheCacheNotAskedOfGit() throws IOException {
        try (GitFixture g = GitFixture.init(repo)) {
            Registries.minimal(repo);
            g.write(CARD, GOOD);
            g.add();
            Source git = byGit(repo, env(), repo);
            SourceEntry card = git.entries().stream().filter(e -> e.path().equals(CARD)).findFirst().orElseThrow();
            String stamp = card.stamp().orElseThrow().key();
            assertEquals("blob " + sha1Blob(GOOD), stamp);
            // A size the cache remembers for the blob is used as it is: no process asks git for it.
            Source remembered = GitIndex.of(repo, env(), repo, s -> s.equals(stamp) ? OptionalLong.of(12345) : OptionalLong.empty())
                    .orElseThrow();
            assertEquals(12345, size(remembered.entries(), CARD));
            assertEquals(Registries.REGISTRY.length(), size(remembered.entries(), "registry.yaml"));
        }
    }

    /** git's object id of a blob: SHA-1 of "blob <size>\0" and the bytes. */
    private static String sha1Blob(String text) {
        try {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-1");
            d.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(d.digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
