package dev.registry.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.check.ValidationReport;
import dev.registry.finding.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One JSON object: counts and an array of findings with stable keys. */
public final class JsonRenderer implements FindingsRenderer {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

    static void write(Object tree, Output out) {
        try {
            out.results().println(JSON.writeValueAsString(tree));
            out.results().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
