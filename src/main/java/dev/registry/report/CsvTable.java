package dev.registry.report;

import dev.registry.export.Cell;
import dev.registry.export.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table as RFC 4180 CSV: a header row, CRLF line endings, fields quoted when they hold a comma,
 * quote or line break. Cells a spreadsheet would run as formulas are neutralised with a leading
 * {@code '}; real numbers are left alone.
 */
public final class CsvTable {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvTable() {
    }

    /** @param bom start with a UTF-8 byte order mark, which Excel needs to read UTF-8 */
    public static void write(Table table, Writer out, boolean bom) {
        try {
            if (bom) {
                out.write('\uFEFF');
            }
            row(out, table.columns());
            for (List<Cell> cells : table.rows()) {
                row(out, cells.stream().map(c -> c instanceof Cell.Number ? c.csv() : neutralise(c.csv())).toList());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with a leading {@code '} when a spreadsheet would read it as a formula. */
    public static String neutralise(String s) {
        if (s.isEmpty() || NUMBER.matcher(s).matches()) {
            return s;
        }
        return switch (s.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> "'" + s;
            default -> s;
        };
    }

    private static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write("\r\n");
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
