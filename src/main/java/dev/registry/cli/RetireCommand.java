package dev.registry.cli;

import dev.registry.lifecycle.RetirePlan;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry retire <model@version>}. */
@Command(name = "retire", mixinStandardHelpOptions = true,
        description = "Retire a deprecated model version once its notice has run out and no deployment runs it.")
final class RetireCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Mixin
    WriteOptions write = WriteOptions.committing("retire credit-scorer@2.0.3");

    @Parameters(paramLabel = "<model@version>", description = "The version to retire.")
    String target;

    @Override
    public Integer call() {
        return write.execute(root, root.registryRoot(), RetirePlan.of(LifecycleArgs.ref(target, "retire"), LocalDate.now()));
    }
}
