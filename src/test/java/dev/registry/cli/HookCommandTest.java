package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testing.Cli;
import dev.registry.testing.GitFixture;
import dev.registry.testing.Registries;
import dev.registry.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookCommandTest {

    static final String EXISTING = "#!/bin/sh\necho \"chained hook ran\" >> chained.log\nexit ${CHAINED_EXIT:-0}\n";

    @TempDir
    Path tmp;

    @Test
    void installsChainsRunsBeforeEveryCommitAndUninstallsCleanly() throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            Registries.writeModel(dir, "scorer", "1.0.0");
            git.write(".gitignore", "chained.log\n");
            git.commit("alice@example.com", "start");
            Path hooks = dir.resolve(".git/hooks");
            Shell.executable(hooks.resolve("pre-commit"), EXISTING);

            var first = Cli.in(dir).run("hook", "install");
            assertEquals(0, first.exit(), first.toString());
            assertEquals("installed " + hooks.resolve("pre-commit") + "; it runs " + hooks.resolve("pre-commit.registry-chained")
                    + " first\n", first.out());
            assertEquals(EXISTING, Files.readString(hooks.resolve("pre-commit.registry-chained")));
            String installed = Files.readString(hooks.resolve("pre-commit"));
            assertTrue(installed.contains("exec registry -C '.' validate --staged\n"), installed);
            assertTrue(Files.isExecutable(hooks.resolve("pre-commit")));

            var again = Cli.in(dir).run("hook", "install");
            assertEquals("updated " + hooks.resolve("pre-commit") + "; it still runs "
                    + hooks.resolve("pre-commit.registry-chained") + " first\n", again.out());
            assertEquals(EXISTING, Files.readString(hooks.resolve("pre-commit.registry-chained")), "installing twice chains nothing new");
            assertEquals(installed, Files.readString(hooks.resolve("pre-commit")));

            Shell sh = Shell.in(dir, tmp.resolve("bin")).author("bob@example.com");
            Registries.write(dir, "models/scorer/1.0.0.yaml", Registries.model("scorer", "1.0.0").replace("team:ml-platform", "team:nobody"));
            var rejected = sh.run("git add -A && git commit -q -m 'break the owner'");
            assertNotEquals(0, rejected.exit(), rejected.toString());
            assertTrue(rejected.err().contains("models/scorer/1.0.0.yaml:6:10: error: owner `team:nobody` is not defined in owners.yaml"),
                    rejected.toString());
            assertEquals("chained hook ran\n", Files.readString(dir.resolve("chained.log")));

            Registries.writeModel(dir, "scorer", "1.0.0");
            Registries.writeModel(dir, "scorer", "1.1.0");
            var accepted = sh.run("git add -A && git commit -q -m 'scorer 1.1.0'");
            assertEquals(0, accepted.exit(), accepted.toString());
            // git runs hooks with their stdout sent to stderr.
            assertTrue(accepted.err().contains("ok: 4 files checked in the index, no problems"), accepted.toString());

            Registries.writeModel(dir, "scorer", "1.2.0");
            var chainedFails = sh.env("CHAINED_EXIT", "7").run("git add -A && git commit -q -m 'scorer 1.2.0'");
            assertNotEquals(0, chainedFails.exit(), "a failing chained hook still stops the commit: " + chainedFails);
            assertFalse(chainedFails.err().contains("checked in the index"), "validate does not run after it: " + chainedFails);

            var removed = Cli.in(dir).run("hook", "install", "--uninstall");
            assertEquals("removed the registry hook; " + hooks.resolve("pre-commit") + " is the hook it chained to again\n", removed.out());
            assertEquals(EXISTING, Files.readString(hooks.resolve("pre-commit")));
            assertFalse(Files.exists(hooks.resolve("pre-commit.registry-chained")));
            var none = Cli.in(dir).run("hook", "install", "--uninstall");
            assertEquals("no registry hook in " + hooks.resolve("pre-commit") + "; nothing to remove\n", none.out());
            assertEquals(EXISTING, Files.readString(hooks.resolve("pre-commit")), "a hook that is not ours is left alone");
        }
    }

    @Test
    void aRegistryInASubfolderIsNamedFromTheTopOfTheWorkTree() throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir.resolve("ai/registry"));
            Registries.writeModel(dir.resolve("ai/registry"), "scorer", "1.0.0");
            git.commit("alice@example.com", "start");
            var r = Cli.in(dir.resolve("ai/registry/models")).run("hook", "install", "--command", "java -jar /opt/registry.jar");
            assertEquals(0, r.exit(), r.toString());
            assertEquals("installed " + dir.resolve(".git/hooks/pre-commit") + "\n", r.out());
            String hook = Files.readString(dir.resolve(".git/hooks/pre-commit"));
            assertTrue(hook.contains("if ! command -v 'java' >/dev/null 2>&1; then"), hook);
            assertTrue(hook.contains("exec java -jar /opt/registry.jar -C 'ai/registry' validate --staged\n"), hook);
            var bad = Cli.in(dir.resolve("ai/registry")).run("hook", "install", "--command", "it's");
            assertEquals(2, bad.exit(), bad.toString());

            // A launcher whose path holds a space is one program, quoted.
            Path launcher = tmp.resolve("AI tools/registry");
            Shell.executable(launcher, "#!/bin/sh\nexit 0\n");
            var spaced = Cli.in(dir.resolve("ai/registry")).run("hook", "install", "--command", launcher.toString());
            assertEquals(0, spaced.exit(), spaced.toString());
            String quoted = Files.readString(dir.resolve(".git/hooks/pre-commit"));
            assertTrue(quoted.contains("if ! command -v '" + launcher + "' >/dev/null 2>&1; then"), quoted);
            assertTrue(quoted.contains("exec '" + launcher + "' -C 'ai/registry' validate --staged\n"), quoted);
        }
    }

    @Test
    void coreHooksPathIsHonoured() throws Exception {
        Path dir = tmp.resolve("repo");
        try (GitFixture git = GitFixture.init(dir)) {
            Registries.minimal(dir);
            git.commit("alice@example.com", "start");
            var config = git.git().getRepository().getConfig();
            config.setString("core", null, "hooksPath", ".githooks");
            config.save();
            var r = Cli.in(dir).run("hook", "install");
            assertEquals("installed " + dir.resolve(".githooks/pre-commit") + "\n", r.out());
        }
    }

    @Test
    void outsideGitItIsAnEnvironmentError() {
        Registries.minimal(tmp);
        var r = Cli.in(tmp).run("hook", "install");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().startsWith("registry: error: not a git repository"), r.err());
    }
}
