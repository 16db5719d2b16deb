package dev.registry.cli;

import dev.registry.ToolVersion;
import dev.registry.report.Output;
import dev.registry.source.RegistryRoot;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code registry} command: global options, and what every verb needs from them. */
@Command(name = "registry",
        mixinStandardHelpOptions = true,
        versionProvider = RegistryCommand.Version.class,
        description = "A git-native AI model registry: YAML model cards, validation, risk tiers, promotion gates and inventories.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:ok",
                "1:findings (an invalid card, a blocked gate, nothing qualifies)",
                "2:usage or configuration error (bad option, no registry.yaml)",
                "3:environment error (not a git repository, unknown revision, unreadable file, shallow clone)",
                "4:internal error (a bug: please report it with --stacktrace output)"},
        footerHeading = "%n",
        footer = {"Diagnostics read `path:line:column: error: message [rule-id]` on stderr; results go to stdout.",
                "Run `registry <command> --help` for a command's options."})
public final class RegistryCommand implements java.util.concurrent.Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * The subcommands, by name, in the order the usage lists them. They are registered by
     * {@link #subcommandsFor}, not by the {@code @Command} annotation: picocli reads every
     * registered command's options by reflection at start-up, a tenth of a second for all of them,
     * and a run needs one.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "init", InitCommand.class, "validate", ValidateCommand.class, "risk", RiskCommand.class,
            "schema", SchemaCommand.class, "register", RegisterCommand.class, "deploy", DeployCommand.class,
            "import", ImportCommand.class, "list", ListCommand.class, "show", ShowCommand.class,
            "resolve", ResolveCommand.class, "promote", PromoteCommand.class, "approve", ApproveCommand.class,
            "deprecate", DeprecateCommand.class, "retire", RetireCommand.class, "rollback", RollbackCommand.class,
            "gate", GateCommand.class, "history", HistoryCommand.class, "hook", HookCommand.class,
            "export", ExportCommand.class, "diff", DiffCommand.class, "codeowners", CodeownersCommand.class,
            "generate-completion", picocli.AutoComplete.GenerateCompletion.class);

    /** Names given here rather than read from each class's annotation, which costs as much as registering it. */
    private static Map<String, Class<?>> subcommands(Object... nameThenClass) {
        Map<String, Class<?>> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            byName.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    /**
     * The subcommands a command line needs: only the one it names when its words before that
     * name are global options this method knows, none for the version alone, else all of them
     * (the usage, a misspelt command with its suggestions, completion scripts). Either way picocli parses the line as it would
     * with every subcommand registered.
     */
    static Map<String, Class<?>> subcommandsFor(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return Map.of(); // the version alone names no command and lists none
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-q", "--quiet", "-v", "--verbose", "--stacktrace" -> {
                    continue;
                }
                case "-C", "--color" -> {
                    i++; // the option's value, whatever it looks like
                    continue;
                }
                default -> {
                    if (a.startsWith("--color=") || a.startsWith("-C") && a.length() > 2) {
                        continue;
                    }
                }
            }
            Class<?> named = a.startsWith("-") || a.equals("generate-completion") ? null : SUBCOMMANDS.get(a);
            return named == null ? SUBCOMMANDS : Map.of(a, named);
        }
        return SUBCOMMANDS;
    }

    public enum ColorMode { auto, always, never }

    @Option(names = "-C", paramLabel = "<dir>", scope = ScopeType.INHERIT,
            description = "Run as if started in <dir>: the registry is the nearest folder at or above it holding registry.yaml.")
    Path directory;

    @Option(names = "--color", paramLabel = "<when>", scope = ScopeType.INHERIT, defaultValue = "auto",
            description = "Colour diagnostics: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; NO_COLOR turns auto off).")
    ColorMode color;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Print progress and timings on stderr.")
    boolean verbose;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print the stack trace of an internal error.")
    boolean stacktrace;

    final BufferedReader in;
    final PrintWriter out;
    final PrintWriter err;
    final Map<String, String> env;
    final Path cwd;
    final boolean interactive;

    RegistryCommand(BufferedReader in, PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd,
                    boolean interactive) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.cwd = cwd;
        this.interactive = interactive;
    }

    /** The folder commands start from: -C, resolved against the working directory. */
    Path base() {
        return directory == null ? cwd : cwd.resolve(directory).normalize();
    }

    /** The registry root for this invocation. */
    Path registryRoot() {
        return RegistryRoot.find(base());
    }

    boolean color() {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> interactive && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
        };
    }

    /**
     * Renderer output with paths that open from where the user is: relative to the working folder
     * (with ../ as git shows them) when the two share a folder below the file-system root,
     * absolute otherwise.
     */
    Output output(Path root, PrintWriter results) {
        Path abs = root.toAbsolutePath().normalize();
        String prefix;
        if (abs.equals(cwd)) {
            prefix = "";
        } else if (abs.getNameCount() > 0 && cwd.getNameCount() > 0 && Objects.equals(abs.getRoot(), cwd.getRoot())
                && abs.getName(0).equals(cwd.getName(0))) {
            prefix = cwd.relativize(abs).toString().replace('\\', '/') + "/";
        } else {
            prefix = abs.toString().replace('\\', '/') + "/";
        }
        return new Output(results, err, prefix, color());
    }

    /** Without a command: the usage, and the exit code of a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        err.flush();
        return ExitCode.USAGE;
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"registry " + ToolVersion.get(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
