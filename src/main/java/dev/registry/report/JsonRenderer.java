package dev.registry.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.check.ValidationReport;
import dev.registry.finding.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Findings as one JSON object: counts and an array of findings with stable keys. It also holds
 * the one JSON style of every result the tool prints (findings, list, show, risk, resolve,
 * history, export, diff, schema): two-space indentation, {@code "key": value}, one array
 * element per line, LF line endings on every platform, decimals written plainly.
 */
public final class JsonRenderer implements FindingsRenderer {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** For building result trees; {@link #write} prints them. */
    static final ObjectMapper JSON = new ObjectMapper(FACTORY);

    @Override
    public void render(ValidationReport report, Output out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", report.source());
        root.put("files", report.files());
        root.put("ok", report.ok());
        root.put("errors", report.errors());
        root.put("warnings", report.warnings());
        ArrayNode items = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = items.addObject();
            n.put("ruleId", f.ruleId());
            n.put("severity", f.severity().id());
            n.put("path", f.path());
            n.put("file", out.display(f.path()));
            n.put("line", f.line());
            n.put("column", f.column());
            n.put("pointer", f.pointer());
            n.put("message", f.message());
            n.put("hint", f.hint());
            ArrayNode related = n.putArray("related");
            f.related().forEach(related::add);
        }
        write(root, out);
    }

    static void write(JsonNode tree, Output out) {
        write(tree, out.results());
    }

    /** Prints a tree in the one style, followed by a newline. */
    static void write(JsonNode tree, PrintWriter out) {
        out.print(text(tree));
        out.flush();
    }

    /** A tree in the one style, ending with a newline: for results written to files too (schemas). */
    public static String text(JsonNode tree) {
        StringWriter buffer = new StringWriter();
        try (JsonGenerator g = generator(buffer)) {
            JSON.writeTree(g, tree);
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    /** A generator in the one style, for results written as a stream (export, diff). */
    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("").withObjectEmptySeparator(""))
                .withArrayIndenter(indent).withObjectIndenter(indent));
        return g;
    }
}
