package dev.registry.cli;

import dev.registry.git.GitIdentity;
import dev.registry.lifecycle.ApprovePlan;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry approve <model@version> --stage <stage>}. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approve a model version for a stage, in the name of your git identity (user.email).",
                "The gate counts the approval only when the commit that adds it is yours: commit it yourself (--commit)."})
final class ApproveCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Mixin
    WriteOptions write = WriteOptions.committing("approve credit-scorer@2.1.0 for production");

    @Parameters(paramLabel = "<model@version>", description = "The version to approve.")
    String target;

    @Option(names = "--stage", required = true, paramLabel = "<stage>", description = "The stage approved: staging or production.")
    String stage;

    @Option(names = "--role", paramLabel = "<role>",
            description = "The role you approve in (default: the first of your roles in owners.yaml that the gate asks for).")
    String role;

    @Option(names = "--comment", paramLabel = "<text>", description = "What you checked, for the audit trail.")
    String comment;

    @Override
    public Integer call() {
        Path registryRoot = root.registryRoot();
        String identity = GitIdentity.of(registryRoot, root.env, root.cwd).email();
        return write.execute(root, registryRoot, ApprovePlan.of(LifecycleArgs.ref(target, "approve"),
                LifecycleArgs.stage(stage, "--stage"), Optional.ofNullable(role), Optional.ofNullable(comment), identity,
                LocalDate.now()));
    }
}
