package dev.registry.cli;

import dev.registry.card.ModelRef;
import dev.registry.edit.RegistryState;
import dev.registry.git.GitRepo;
import dev.registry.git.History;
import dev.registry.lifecycle.RollbackPlan;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry rollback <deployment> [--to <version>]}. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Point a deployment back at the version it ran before.",
                "Without --to, the target is the most recent version of the model in the deployment file's git history"
                        + " that is lower than the one it runs now, so a second rollback goes further back, never forward;"
                        + " --to names another one. The target must be production, or deprecated and not retired.",
                "With --commit it is one command and one commit."})
final class RollbackCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Mixin
    WriteOptions write = WriteOptions.committing("rollback loan-origination-eu-prod to credit-scorer@2.0.3 (from credit-scorer@2.1.0)");

    @Parameters(paramLabel = "<deployment>", description = "The deployment to roll back.")
    String deployment;

    @Option(names = "--to", paramLabel = "<version>", description = "The version to return to (or model@version).")
    String to;

    @Override
    public Integer call() {
        Path registryRoot = root.registryRoot();
        ModelRef current = RollbackPlan.current(RegistryState.read(registryRoot), deployment);
        Optional<ModelRef> target;
        if (to != null) {
            target = Optional.of(to.contains("@") ? LifecycleArgs.ref(to, "--to") : new ModelRef(current.name(), to));
        } else {
            try (GitRepo repo = GitRepo.open(registryRoot); History history = new History(repo)) {
                target = RollbackPlan.previous(history, deployment, current, "HEAD");
            }
        }
        return write.execute(root, registryRoot, target.map(t -> RollbackPlan.of(deployment, t))
                .orElseGet(() -> RollbackPlan.nothingEarlier(deployment, current)));
    }
}
