package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.card.ModelRef;
import dev.registry.edit.DeploymentDraft;
import dev.registry.edit.DeploymentPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code registry deploy}: creates or updates a deployment card. */
@Command(name = "deploy",
        description = {"Create or update a deployment card.",
                "Creates deployments/<name>.yaml, or changes the given fields of an existing one (comments kept). The"
                        + " registry is validated as it would be after the change: a prod deployment must run a production"
                        + " version, and nothing may run a retired one."},
        footerHeading = "%nExamples:%n",
        footer = {"  registry deploy --name loan-origination-eu-prod \\",
                "      --model credit-scorer --version 2.1.0 --env prod --region eu-west-1 \\",
                "      --endpoint https://scoring.internal/eu/v2 --app loan-origination",
                "  registry deploy --name loan-origination-eu-prod --model credit-scorer@2.2.0 \\",
                "      --commit"})
final class DeployCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Mixin
    WriteOptions write = WriteOptions.committing("deploy credit-scorer@2.1.0 to loan-origination-eu-prod");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--name", required = true, paramLabel = "<deployment>", description = "Deployment name, lowercase kebab-case.")
    String name;

    @Option(names = "--model", paramLabel = "<model>", description = "Model name, or model@version.")
    String model;

    @Option(names = "--version", paramLabel = "<version>", description = "Model version to run.")
    String version;

    @Option(names = "--env", paramLabel = "<env>", description = "dev, stage or prod.")
    String env;

    @Option(names = "--region", paramLabel = "<region>", description = "Where it runs, such as eu-west-1.")
    String region;

    @Option(names = "--endpoint", paramLabel = "<url>", description = "Where applications call it.")
    String endpoint;

    @Option(names = "--app", paramLabel = "<app>", description = "The application it serves.")
    String app;

    @Option(names = "--owner", paramLabel = "<owner>", split = ",", description = "Owner of the deployment (repeatable).")
    List<String> owners = new ArrayList<>();

    @Override
    public Integer call() {
        String m = model;
        String v = version;
        if (m != null && m.contains("@")) {
            ModelRef ref = ModelRef.parse(m).orElseThrow(() -> new UsageException("--model takes a name or model@version, not `" + model + "`"));
            if (v != null && !v.equals(ref.version())) {
                throw new UsageException("--model " + model + " and --version " + version + " disagree");
            }
            m = ref.name();
            v = ref.version();
        }
        DeploymentDraft draft = new DeploymentDraft(name, Optional.ofNullable(m), Optional.ofNullable(v), Optional.ofNullable(env),
                Optional.ofNullable(region), Optional.ofNullable(endpoint), Optional.ofNullable(app), owners);
        return write.execute(root, root.registryRoot(), DeploymentPlan.of(draft));
    }
}
