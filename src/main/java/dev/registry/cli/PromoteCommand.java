package dev.registry.cli;

import dev.registry.card.ModelRef;
import dev.registry.card.Stage;
import dev.registry.edit.RegistryState;
import dev.registry.lifecycle.PromotePlan;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry promote <model@version> --to <stage>}. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {"Move a model version up one stage: experimental to staging, staging to production.",
                "The card must show what the gate asks for (evidence, fields, recent passed evaluations) or nothing is"
                        + " written; approvals still missing are listed as warnings, since they may come later (an approver's"
                        + " commit, a pull-request review) and `registry gate` checks them on the pull request."})
final class PromoteCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Mixin
    WriteOptions write = WriteOptions.committing("promote credit-scorer@2.1.0 to production");

    @Parameters(paramLabel = "<model@version>", description = "The version to promote.")
    String target;

    @Option(names = "--to", required = true, paramLabel = "<stage>", description = "staging or production.")
    String to;

    @Override
    public Integer call() {
        ModelRef ref = LifecycleArgs.ref(target, "promote");
        Stage stage = LifecycleArgs.stage(to, "--to");
        Path registryRoot = root.registryRoot();
        LocalDate today = LocalDate.now();
        LifecycleArgs.warn(root, root.output(registryRoot, root.err),
                PromotePlan.pendingApprovals(RegistryState.read(registryRoot), ref, stage, today));
        return write.execute(root, registryRoot, PromotePlan.of(ref, stage, today));
    }
}
