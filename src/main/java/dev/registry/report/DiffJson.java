package dev.registry.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.registry.export.Cell;
import dev.registry.export.DiffReport;
import dev.registry.export.InventoryDiff;
import dev.registry.export.ExportTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The inventory diff as one JSON object: {@code from} and {@code to} (asked, commit, date, author,
 * subject), {@code before} and {@code after} sizes, {@code summary} (count per kind of change) and
 * {@code changes} (objects keyed like the CSV columns).
 */
public final class DiffJson {

    private DiffJson() {
    }

    public static void write(DiffReport report, Writer out) {
        try (JsonGenerator g = JsonRenderer.generator(out)) {
            g.writeStartObject();
            side(g, "from", report.from());
            side(g, "to", report.to());
            size(g, "before", report.before());
            size(g, "after", report.after());
            g.writeObjectFieldStart("summary");
            for (Map.Entry<InventoryDiff.Kind, Long> e : report.diff().counts().entrySet()) {
                g.writeNumberField(e.getKey().id(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("changes");
            ExportTable t = report.table();
            for (List<Cell> row : t.rows()) {
                g.writeStartObject();
                for (int i = 0; i < t.columns().size(); i++) {
                    g.writeFieldName(t.columns().get(i));
                    JsonTable.write(g, row.get(i));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void side(JsonGenerator g, String name, DiffReport.Side s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("asked", s.asked());
        g.writeStringField("commit", s.commit().id());
        g.writeStringField("date", s.commit().committed().toInstant().toString());
        g.writeStringField("author", s.commit().authorEmail());
        g.writeStringField("subject", s.commit().subject());
        g.writeEndObject();
    }

    private static void size(JsonGenerator g, String name, DiffReport.Size s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("versions", s.versions());
        g.writeNumberField("deployments", s.deployments());
        g.writeEndObject();
    }
}
