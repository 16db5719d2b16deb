package dev.registry.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes CSV for spreadsheets and scripts: RFC 4180 (cells holding a comma, a quote or a line
 * break are quoted, quotes doubled, records end in CRLF), and safe to open: a cell a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a line break, or their full-width
 * forms) gets a leading {@code '}, unless it is a plain number such as {@code -1.5}.
 */
public final class CsvWriter {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20";

    private final PrintWriter out;

    public CsvWriter(PrintWriter out) {
        this.out = out;
    }

    /**
     * A list as one cell: items joined with {@code ;}, a {@code ;} or {@code \\} inside an item
     * escaped with {@code \\}, so that {@link dev.registry.source.CsvReader#items} gives the
     * same items back.
     */
    public static String items(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(v.replace("\\", "\\\\").replace(";", "\\;"));
        }
        return sb.toString();
    }

    /** One record. */
    public CsvWriter row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.print(',');
            }
            out.print(cell(cells.get(i)));
        }
        out.print("\r\n");
        return this;
    }

    public void flush() {
        out.flush();
    }

    /** One cell as it is written: neutralised if it looks like a formula, then quoted if needed. */
    public static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0 && !NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
