package dev.registry.cli;

import dev.registry.git.GitRepo;
import dev.registry.git.PreCommitHook;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code registry hook}: git hooks that keep the registry valid. */
@Command(name = "hook", mixinStandardHelpOptions = true,
        description = "Manage the git pre-commit hook that runs `registry validate --staged`.",
        subcommands = HookCommand.Install.class)
final class HookCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(root.err);
        root.err.flush();
        return ExitCode.USAGE;
    }

    /** {@code registry hook install [--uninstall]}. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install a pre-commit hook that runs `registry validate --staged` before every commit.",
                    "A hook already there is kept as pre-commit.registry-chained and runs first; installing again only"
                            + " rewrites the registry hook."})
    static final class Install implements Callable<Integer> {

        @ParentCommand
        HookCommand hook;

        @Option(names = "--uninstall", description = "Remove the registry hook and put back the hook it chained to.")
        boolean uninstall;

        @Option(names = "--command", paramLabel = "<cmd>", defaultValue = "registry",
                description = "How the hook runs the tool (default: ${DEFAULT-VALUE}, found on PATH), such as"
                        + " `java -jar /opt/registry/registry.jar`.")
        String command;

        @Override
        public Integer call() {
            RegistryCommand root = hook.root;
            PreCommitHook.Result r;
            try (GitRepo repo = GitRepo.open(root.registryRoot())) {
                r = uninstall ? PreCommitHook.uninstall(repo) : PreCommitHook.install(repo, command);
            }
            String where = r.hook().toString();
            String message = switch (r.outcome()) {
                case INSTALLED -> "installed " + where;
                case CHAINED -> "installed " + where + "; it runs " + r.chained().map(Object::toString).orElse("") + " first";
                case UPDATED -> "updated " + where + r.chained().map(c -> "; it still runs " + c + " first").orElse("");
                case UNINSTALLED -> "removed " + where;
                case RESTORED -> "removed the registry hook; " + where + " is the hook it chained to again";
                case NOT_INSTALLED -> "no registry hook in " + where + "; nothing to remove";
            };
            if (!root.quiet) {
                root.out.println(message);
                root.out.flush();
            }
            return ExitCode.OK;
        }
    }
}
