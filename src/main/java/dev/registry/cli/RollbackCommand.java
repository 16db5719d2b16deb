package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.card.ModelRef;
import dev.registry.edit.RegistryState;
import dev.registry.git.GitRepo;
import dev.registry.git.History;
import dev.registry.lifecycle.RollbackPlan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry rollback <deployment> [--to <version>]}. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Point a deployment back at the version it ran before (from the deployment file's git history),",
                "or at the one named with --to, which must be production, or deprecated and not retired.",
                "With --commit it is one command and one commit."})
final class RollbackCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Mixin
    WriteOptions write;

    @Parameters(paramLabel = "<deployment>", description = "The deployment to roll back.")
    String deployment;

    @Option(names = "--to", paramLabel = "<version>", description = "The version to return to (or model@version).")
    String to;

    @Override
    public Integer call() {
        Path registryRoot = root.registryRoot();
        ModelRef current = RegistryState.read(registryRoot).snapshot().deployment(deployment)
                .orElseThrow(() -> new UsageException("no deployment `" + deployment + "` in the registry")).modelRef();
        ModelRef target;
        if (to != null) {
            target = to.contains("@") ? LifecycleArgs.ref(to, "--to") : new ModelRef(current.name(), to);
        } else {
            try (GitRepo repo = GitRepo.open(registryRoot); History history = new History(repo)) {
                target = RollbackPlan.previous(history, deployment, current, "HEAD").orElseThrow(() -> new UsageException(
                        "the history of deployment `" + deployment + "` shows no version before " + current
                                + "; name one with --to <version>"));
            }
        }
        return write.execute(root, registryRoot, RollbackPlan.of(deployment, target));
    }
}
