package dev.registry.cli;

import dev.registry.RegistryException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point. The only place the tool calls {@code System.exit} (install.sh's training run,
 * {@link CdsTraining}, is a main of its own and ends the same way).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // JGit and the schema validator log through SLF4J; without a binding it warns on every run.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out), StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.err), StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int code = run(args, in, out, err, System.getenv(), Path.of("").toAbsolutePath(), System.console() != null);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs one command line in-process; returns the exit code. Used by main and by tests.
     *
     * @param in          answers to prompts (commands prompt only when {@code interactive})
     * @param interactive whether a person is at a terminal
     */
    public static int run(String[] args, BufferedReader in, PrintWriter out, PrintWriter err, Map<String, String> env,
                          Path cwd, boolean interactive) {
        RegistryCommand root = new RegistryCommand(in, out, err, env, cwd.toAbsolutePath().normalize(), interactive);
        // Before the settings below: picocli applies them to the subcommands registered by then.
        CommandLine cli = commandLine(root, args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = ExitCode.of(ex);
            if (ex instanceof RegistryException) {
                err.println("registry: error: " + ex.getMessage());
                if (root.stacktrace) {
                    ex.printStackTrace(err);
                }
            } else {
                err.println("registry: internal error: " + ex + (root.stacktrace ? "" : " (run again with --stacktrace for details)"));
                if (root.stacktrace) {
                    ex.printStackTrace(err);
                }
            }
            err.flush();
            return code;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            String message = ex.getMessage() == null ? "" : ex.getMessage();
            // picocli words some messages "Error: ..." already.
            err.println("registry: error: " + (message.startsWith("Error: ") ? message.substring(7) : message));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Run `" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help` for usage.");
            err.flush();
            return ExitCode.USAGE;
        });
        cli.setExecutionStrategy(Main::executeUnlessContradictory);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Runs the command, but refuses {@code --dry-run} with {@code --commit} as a usage error, as
     * picocli refuses other mutually exclusive options (validate's --staged and --rev): a dry run
     * that silently ignored --commit would leave the user believing a commit was made.
     */
    private static int executeUnlessContradictory(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        if (command.hasMatchedOption("--dry-run") && command.hasMatchedOption("--commit") && !command.isUsageHelpRequested()) {
            throw new CommandLine.MutuallyExclusiveArgsException(command.commandSpec().commandLine(),
                    "--dry-run and --commit are mutually exclusive: a dry run writes nothing and commits nothing");
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** The command line for {@code args}, with the subcommands it needs (all of them for no args). */
    static CommandLine commandLine(RegistryCommand root, String[] args) {
        CommandLine cli = new CommandLine(root);
        RegistryCommand.subcommandsFor(args).forEach(cli::addSubcommand);
        cli.getSubcommands().values().forEach(sub -> WriteOptions.describeCommit(sub.getCommandSpec()));
        versionEverywhere(cli, cli.getCommandSpec().versionProvider());
        return cli;
    }

    /** A subcommand's own {@code -V} prints what {@code registry -V} prints, not nothing. */
    private static void versionEverywhere(CommandLine cli, CommandLine.IVersionProvider version) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().versionProvider() == null) {
                sub.getCommandSpec().versionProvider(version);
            }
            versionEverywhere(sub, version);
        }
    }

}
