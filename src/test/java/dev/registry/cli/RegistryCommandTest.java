package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.ToolVersion;
import dev.registry.testing.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level command: --version, --help, usage errors, completion. */
class RegistryCommandTest {

    @TempDir
    Path dir;

    @Test
    void versionNamesTheToolAndTheJava() {
        for (String flag : new String[] {"--version", "-V"}) {
            var r = Cli.in(dir).run(flag);
            assertEquals(0, r.exit(), r.toString());
            assertEquals("", r.err());
            String[] lines = r.out().split("\n");
            assertEquals("registry " + ToolVersion.get(), lines[0]);
            assertTrue(lines[1].startsWith("Java " + System.getProperty("java.version")), r.out());
        }
        assertTrue(ToolVersion.get().matches("\\d+\\.\\d+\\.\\d+.*"), "the build stamps the version: " + ToolVersion.get());
    }

    @Test
    void aCommandsOwnVersionFlagPrintsTheToolsVersion() {
        String expected = Cli.in(dir).run("--version").out();
        for (String[] line : new String[][] {{"list", "-V"}, {"validate", "--version"}, {"hook", "install", "-V"}, {"export", "-V"}}) {
            var r = Cli.in(dir).run(line);
            assertEquals(0, r.exit(), r.toString());
            assertEquals("", r.err());
            assertEquals(expected, r.out(), String.join(" ", line));
        }
        // register and deploy take --version for the model's version, so they have no -V.
        var r = Cli.in(dir).run("register", "-V");
        assertEquals(2, r.exit(), r.toString());
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        var r = Cli.in(dir).run("--help");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("Usage: registry [-hqvV] [--stacktrace] [-C=<dir>] [--color=<when>] [COMMAND]\n"), r.out());
        for (String command : new String[] {"init", "validate", "schema", "generate-completion"}) {
            assertTrue(r.out().contains("\n  " + command + " "), command + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("""
                Exit codes:
                  0   ok
                  1   findings (an invalid card, a blocked gate, nothing qualifies)
                  2   usage or configuration error (bad option, no registry.yaml)
                  3   environment error (not a git repository, unknown revision, unreadable
                        file, shallow clone)
                  4   internal error (a bug: please report it with --stacktrace output)
                """), r.out());
        assertTrue(r.out().contains("Diagnostics read `path:line:column: error: message [rule-id]` on stderr;"), r.out());
    }

    @Test
    void eachCommandHasHelp() {
        for (String command : new String[] {"init", "validate", "schema"}) {
            var r = Cli.in(dir).run(command, "--help");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().startsWith("Usage: registry " + command + " "), r.out());
        }
    }

    @Test
    void noCommandPrintsTheUsageOnStderrAndExitsTwo() {
        var r = Cli.in(dir).run();
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Usage: registry "), r.err());
    }

    @Test
    void anUnknownCommandSuggestsTheNearestOne() {
        var r = Cli.in(dir).run("validat");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("registry: error: Unmatched argument at index 0: 'validat'\nDid you mean: registry validate"),
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUnknownGlobalOptionIsAUsageError() {
        var r = Cli.in(dir).run("--colour=always", "validate");
        assertEquals(2, r.exit(), r.toString());
    }

    @Test
    void generatesABashCompletionScript() {
        var r = Cli.in(dir).run("generate-completion");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash\n"), r.out());
        assertTrue(r.out().contains("complete -F _complete_registry -o default registry"), r.out());
        for (String word : new String[] {"validate", "init", "schema", "--staged", "--rev", "--format"}) {
            assertTrue(r.out().contains(word), word);
        }
    }

    @Test
    void aFileGivenAsTheFolderIsAUsageError() {
        var r = Cli.in(dir).run("-C", "/dev/null", "validate");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("registry: error: not a directory: /dev/null\n", r.err());
    }

    @Test
    void exceptionsMapToTheDocumentedExitCodes() {
        assertEquals(2, ExitCode.of(new dev.registry.UsageException("x")));
        assertEquals(3, ExitCode.of(new dev.registry.EnvironmentException("x")));
        assertEquals(4, ExitCode.of(new IllegalStateException("bug")));
        assertEquals(4, ExitCode.of(new java.io.UncheckedIOException(new java.io.IOException("x"))));
    }

    @Test
    void theSubcommandListNamesEachCommandAsItsAnnotationDoes() {
        RegistryCommand.SUBCOMMANDS.forEach((name, c) ->
                assertEquals(c.getAnnotation(picocli.CommandLine.Command.class).name(), name, c.getName()));
        assertEquals(22, RegistryCommand.SUBCOMMANDS.size());
    }

    @Test
    void aCommandLineRegistersOnlyTheSubcommandItNamesAfterKnownGlobalOptions() {
        assertEquals(java.util.Set.of("validate"), names("validate", "--staged"));
        assertEquals(java.util.Set.of("validate"), names("-C", "list", "-q", "--color", "never", "-v", "--stacktrace", "validate"));
        assertEquals(java.util.Set.of("schema"), names("-Cdir", "--color=always", "--quiet", "--verbose", "schema", "model"));
        assertEquals(java.util.Set.of("gate"), names("gate", "validate"));
        assertEquals(java.util.Set.of(), names("--version"));
        assertEquals(java.util.Set.of(), names("-V"));
        // Everything else gets every subcommand: usage, misspelt names, clusters, completion.
        for (String[] line : new String[][] {{}, {"--help"}, {"-h", "validate"}, {"--version", "validate"}, {"validat"}, {"-qv", "validate"},
                {"--", "validate"}, {"generate-completion"}, {"-C"}, {"--colour=always", "validate"}}) {
            assertEquals(RegistryCommand.SUBCOMMANDS.keySet(), names(line), String.join(" ", line));
        }
    }

    private static java.util.Set<String> names(String... args) {
        return RegistryCommand.subcommandsFor(args).keySet();
    }

    @Test
    void globalOptionsWorkBeforeAndAfterALazilyRegisteredSubcommand() {
        dev.registry.testing.Registries.minimal(dir.resolve("reg"));
        var before = Cli.in(dir).run("-C", "reg", "-q", "validate");
        var after = Cli.in(dir).run("validate", "-C", "reg", "-q");
        assertEquals(0, before.exit(), before.toString());
        assertEquals("", before.out() + before.err());
        assertEquals(0, after.exit(), after.toString());
        assertEquals("", after.out() + after.err());
    }
}
