package dev.registry.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.registry.export.Cell;
import dev.registry.export.ExportTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * A table as a JSON array of objects. Every object has every column as a key, in column order:
 * absent values are null, lists are arrays (empty when there is nothing), numbers are numbers.
 */
public final class JsonTable {

    private JsonTable() {
    }

    public static void write(ExportTable table, Writer out) {
        try (JsonGenerator g = JsonRenderer.generator(out)) {
            g.writeStartArray();
            List<String> columns = table.columns();
            for (List<Cell> row : table.rows()) {
                g.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    g.writeFieldName(columns.get(i));
                    write(g, row.get(i));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(JsonGenerator g, Cell cell) throws IOException {
        if (cell instanceof Cell.Text t) {
            g.writeString(t.value());
        } else if (cell instanceof Cell.Number n) {
            g.writeNumber(n.value());
        } else if (cell instanceof Cell.Items items) {
            g.writeStartArray();
            for (String s : items.values()) {
                g.writeString(s);
            }
            g.writeEndArray();
        } else {
            g.writeNull();
        }
    }
}
