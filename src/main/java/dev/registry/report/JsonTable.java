package dev.registry.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
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

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonTable() {
    }

    public static void write(ExportTable table, Writer out) {
        try (JsonGenerator g = generator(out)) {
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

    /** A pretty-printing generator with LF line endings on every platform, so exports compare byte for byte. */
    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(indent).withObjectIndenter(indent));
        return g;
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
