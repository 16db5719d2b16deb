package dev.registry.cli;

import dev.registry.lifecycle.DeprecatePlan;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry deprecate <model@version> --replacement <model@version> [--retire-after <date>]}. */
@Command(name = "deprecate", mixinStandardHelpOptions = true,
        description = {"Announce that a model version goes away, naming its replacement.",
                "It becomes deprecated today and may be retired after the notice period (registry.yaml:"
                        + " policy.deprecationNoticeDays, default 90)."})
final class DeprecateCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Mixin
    WriteOptions write = WriteOptions.committing("deprecate credit-scorer@2.0.3 for credit-scorer@2.1.0, retire after 2027-02-21");

    @Parameters(paramLabel = "<model@version>", description = "The version to deprecate.")
    String target;

    @Option(names = "--replacement", required = true, paramLabel = "<model@version>", description = "What users move to.")
    String replacement;

    @Option(names = "--retire-after", paramLabel = "<date>",
            description = "First day it may be retired, YYYY-MM-DD (default: today plus the notice period); never sooner than the policy allows.")
    String retireAfter;

    @Option(names = "--reason", paramLabel = "<text>", description = "Why, for the people who use it.")
    String reason;

    @Override
    public Integer call() {
        return write.execute(root, root.registryRoot(), DeprecatePlan.of(LifecycleArgs.ref(target, "deprecate"),
                LifecycleArgs.ref(replacement, "--replacement"),
                Optional.ofNullable(retireAfter).map(d -> LifecycleArgs.date(d, "--retire-after")),
                Optional.ofNullable(reason), LocalDate.now()));
    }
}
