package dev.registry.cli;

import dev.registry.check.ValidationReport;
import dev.registry.edit.AtomicFile;
import dev.registry.report.Format;
import dev.registry.report.Output;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a command that reports findings renders them: shared by validate, gate and friends. */
public final class FindingsOptions {

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "Findings as text, json, github (workflow annotations) or sarif (2.1.0). Default: ${DEFAULT-VALUE}.",
            converter = FormatConverter.class, completionCandidates = FormatConverter.Names.class)
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>",
            description = "Write the results to <file> (atomically) instead of stdout.")
    Path output;

    /** Renders the report to stdout or the --output file; returns the exit code it stands for. */
    int render(RegistryCommand root, Path registryRoot, ValidationReport report) {
        if (output == null) {
            // -q keeps the diagnostics and drops the text summary; machine formats are the result itself.
            PrintWriter results = root.quiet && format == Format.TEXT ? new PrintWriter(java.io.Writer.nullWriter()) : root.out;
            format.renderer().render(report, root.output(registryRoot, results));
        } else {
            StringWriter buffer = new StringWriter();
            PrintWriter w = new PrintWriter(buffer);
            Output o = root.output(registryRoot, w);
            format.renderer().render(report, o);
            w.flush();
            AtomicFile.write(root.cwd.resolve(output), buffer.toString().getBytes(StandardCharsets.UTF_8));
        }
        return report.ok() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "expected one of text, json, github, sarif but was '" + value + "'");
        }

        static final class Names extends java.util.ArrayList<String> {
            private static final long serialVersionUID = 1L;

            Names() {
                super(java.util.List.of("text", "json", "github", "sarif"));
            }
        }
    }
}
