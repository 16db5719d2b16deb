package dev.registry.report;

import dev.registry.export.Cell;
import dev.registry.export.ExportTable;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/**
 * An export table as CSV through {@link CsvWriter} (RFC 4180, CRLF, formula cells neutralised,
 * numbers left alone): a header row of column names, then one record per row, list cells joined
 * with {@code ;}.
 */
public final class CsvTable {

    private CsvTable() {
    }

    /** @param bom start with a UTF-8 byte order mark, which Excel needs to read UTF-8 */
    public static void write(ExportTable table, Writer out, boolean bom) {
        PrintWriter w = out instanceof PrintWriter p ? p : new PrintWriter(out);
        if (bom) {
            w.print('\uFEFF');
        }
        CsvWriter csv = new CsvWriter(w).row(table.columns());
        for (List<Cell> cells : table.rows()) {
            csv.row(cells.stream().map(Cell::csv).toList());
        }
        csv.flush();
    }
}
