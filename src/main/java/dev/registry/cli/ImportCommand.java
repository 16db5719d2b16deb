package dev.registry.cli;

import dev.registry.EnvironmentException;
import dev.registry.edit.CardWriter;
import dev.registry.edit.CsvImport;
import dev.registry.edit.WriteOutcome;
import dev.registry.finding.Finding;
import dev.registry.report.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code registry import --csv <file>}: bulk registration from a spreadsheet export. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Register model versions in bulk from a spreadsheet (CSV).",
                "Registers one model version per row of a CSV file (RFC 4180, UTF-8; a byte order mark, quoted cells and"
                        + " line breaks inside quotes are fine). Every row is checked and the registry with all the new"
                        + " cards is validated before anything is written; problems are reported as file.csv:line:column."
                        + " One bad row refuses the import, unless --skip-invalid."},
        footerHeading = "%nColumns (header names; case, dashes, underscores and spaces are ignored):%n",
        footer = {"  name (or model)        required  model name, kebab-case",
                "  version                required  SemVer, such as 2.1.0",
                "  provider               required  internal, openai, ...",
                "  owners (or owner)      required  team:<id> or emails from owners.yaml",
                "  description                      text",
                "  modality                         list: text, image, audio, video, tabular,",
                "                                   multimodal, embedding",
                "  capabilities (or capability)     list",
                "  useDomains (or use-domain)       list",
                "  intendedUse                      list of texts",
                "  disallowedUse                    list of texts",
                "  dataTags (or data-tag)           list",
                "  contextWindow                    whole number",
                "  dataResidency (or residency)     list, stored as compliance.dataResidency",
                "  fallbacks (or fallback)          list of model@version",
                "  stage                            lifecycle stage (default experimental)",
                "List cells separate items with `;` (pii;financial). Empty cells leave the field out.",
                "Exit 1 when any row is refused (with --skip-invalid: when any row was skipped). See docs/import.md."})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    RegistryCommand root;

    @Mixin
    WriteOptions write = WriteOptions.committing("import 3 model versions from inventory.csv");

    @Option(names = "--csv", required = true, paramLabel = "<file>", description = "The spreadsheet export to import.")
    Path csv;

    @Option(names = "--skip-invalid", description = "Write the valid rows and report the others, instead of writing nothing.")
    boolean skipInvalid;

    @Override
    public Integer call() {
        Path registryRoot = root.registryRoot();
        Path file = root.base().resolve(csv).normalize();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EnvironmentException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        String shown = csv.toString().replace('\\', '/');
        CsvImport importer = CsvImport.read(shown, bytes);
        CardWriter validator = new CardWriter(registryRoot, LocalDate.now());
        WriteOutcome outcome = write.run(root, registryRoot, importer.plan(skipInvalid, validator));
        // CSV findings name the file as the user gave it; findings in registry files get the usual prefix.
        Output cards = root.output(registryRoot, root.err);
        Output diagnostics = new Output(root.err, root.err, "", cards.color());
        if (outcome instanceof WriteOutcome.Refused r) {
            outcome = new WriteOutcome.Refused(r.changes(), r.findings().stream()
                    .map(f -> f.path().equals(shown) ? f : displayed(f, cards)).toList());
        }
        int written = outcome.changes().changes().size();
        // With --skip-invalid every data row becomes a card or is skipped.
        int skipped = outcome.changes().skipped().isEmpty() ? 0 : importer.rows() - written;
        String rows = skipped + (skipped == 1 ? " row" : " rows");
        String summary = "imported " + written + " model " + (written == 1 ? "version" : "versions") + " from " + shown
                + (skipped == 0 ? "" : "; skipped " + rows + ", reported above");
        return write.report(root, registryRoot, diagnostics, outcome, Optional.of(summary),
                skipped == 0 ? Optional.empty() : Optional.of(rows + " of " + shown + " would be skipped, reported above"));
    }

    private static Finding displayed(Finding f, Output o) {
        return new Finding(f.ruleId(), f.severity(), o.display(f.path()), f.line(), f.column(), f.pointer(), f.message(),
                f.hint(), f.related());
    }
}
