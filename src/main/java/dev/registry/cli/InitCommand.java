package dev.registry.cli;

import dev.registry.check.SchemaCatalog;
import dev.registry.edit.RegistryScaffold;
import dev.registry.report.JsonRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry init [<dir>]}: a new, empty registry that validates. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create registry.yaml, owners.yaml, models/ and deployments/, with editor schema hints.")
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Parameters(paramLabel = "<dir>", arity = "0..1", description = "Where to create the registry (default: the current folder).")
    Path dir;

    @Option(names = "--name", paramLabel = "<name>", description = "Registry name (default: the folder's name, kebab-cased).")
    String name;

    @Override
    public Integer call() {
        Path target = dir == null ? root.base() : root.base().resolve(dir).normalize();
        List<Path> written = RegistryScaffold.create(target, name, k -> JsonRenderer.text(SchemaCatalog.bundled(k)));
        if (!root.quiet) {
            written.forEach(p -> root.out.println("created " + root.cwd.relativize(p.toAbsolutePath())));
            root.out.println("next: registry -C " + (root.cwd.equals(target) ? "." : root.cwd.relativize(target)) + " validate");
            root.out.flush();
        }
        return ExitCode.OK;
    }

}
