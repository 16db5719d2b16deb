package dev.registry.cli;

import dev.registry.UsageException;
import dev.registry.card.CardKind;
import dev.registry.check.SchemaCatalog;
import dev.registry.report.JsonRenderer;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code registry schema <kind>}: prints a bundled JSON Schema for editors and other tools. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of a registry file kind, self-contained for editors.",
        footerHeading = "%nExample (the file `registry init` writes for yaml-language-server):%n",
        footer = "  registry schema model > .registry/schema/model.schema.json")
final class SchemaCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Parameters(paramLabel = "<kind>", arity = "0..1",
            description = "registry, owners, model or deployment; without it, list the kinds.")
    String kind;

    @Override
    public Integer call() {
        if (kind == null) {
            for (CardKind k : CardKind.values()) {
                root.out.println(k.id() + "\t" + k.kindName() + "\t" + SchemaCatalog.ID_PREFIX + k.schemaFile());
            }
            root.out.flush();
            return ExitCode.OK;
        }
        CardKind k = CardKind.parse(kind).orElseThrow(() -> new UsageException("unknown kind `" + kind + "`; expected one of "
                + Arrays.stream(CardKind.values()).map(CardKind::id).collect(Collectors.joining(", "))));
        root.out.print(JsonRenderer.text(SchemaCatalog.bundled(k)));
        root.out.flush();
        return ExitCode.OK;
    }
}
