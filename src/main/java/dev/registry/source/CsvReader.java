package dev.registry.source;

import dev.registry.finding.Finding;
import dev.registry.finding.Location;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a spreadsheet export as RFC 4180 CSV, remembering where every cell starts so problems can
 * be reported as {@code file.csv:line:column}. Accepts what spreadsheets write: a UTF-8 byte order
 * mark, CRLF, LF or CR line ends, quoted cells with doubled quotes and line breaks inside.
 * Refuses, with the position, what would silently misread: invalid UTF-8, a quote in the middle of
 * an unquoted cell, text after a closing quote, a quoted cell never closed. Blank lines are skipped.
 */
public final class CsvReader {

    /** Larger than any spreadsheet export of a model inventory; keeps memory bounded. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    /** One cell: its text and where it starts (1-based; the column counts characters). */
    /**
     * The items of a list cell, as {@link dev.registry.report.CsvWriter#items} writes them: split
     * on {@code ;} not escaped by {@code \\}, each stripped, empty ones left out.
     */
    public static java.util.List<String> items(String cell) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length() && (cell.charAt(i + 1) == ';' || cell.charAt(i + 1) == '\\')) {
                item.append(cell.charAt(++i));
            } else if (c == ';') {
                add(out, item);
            } else {
                item.append(c);
            }
        }
        add(out, item);
        return java.util.List.copyOf(out);
    }

    private static void add(java.util.List<String> items, StringBuilder item) {
        String s = item.toString().strip();
        if (!s.isEmpty()) {
            items.add(s);
        }
        item.setLength(0);
    }

    public record Cell(String value, int line, int column) {
        public Location location() {
            return new Location(line, column);
        }
    }

    /** One record: the line it starts on and its cells. */
    public record Row(int line, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** The outcome of reading a file: its rows, or the finding that explains why not. */
    public sealed interface Result permits Rows, Rejected {
    }

    public record Rows(List<Row> rows) implements Result {
        public Rows {
            rows = List.copyOf(rows);
        }
    }

    public record Rejected(Finding finding) implements Result {
    }

    private CsvReader() {
    }

    /** Reads {@code bytes}; {@code path} only labels findings. */
    public static Result read(String path, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return new Rejected(Finding.error("csv-too-large", path, Location.START, "",
                    "file is " + bytes.length + " bytes; the limit is " + MAX_BYTES, "split it into several files"));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        if (decoder.decode(in, out, true).isError()) {
            return new Rejected(Finding.error("csv-encoding", path, StrictYamlReader.locationOfByte(bytes, in.position()), "",
                    String.format("invalid UTF-8 byte 0x%02X", bytes[in.position()] & 0xff),
                    "save the spreadsheet as \"CSV UTF-8\""));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        int start = text.startsWith("\ufeff") ? 1 : 0;
        return new Parser(path, text, start).parse();
    }

    private static final class Parser {
        private final String path;
        private final String s;
        private int i;
        private int line = 1;
        private int lineStart;

        Parser(String path, String s, int start) {
            this.path = path;
            this.s = s;
            this.i = start;
            this.lineStart = start;
        }

        Result parse() {
            List<Row> rows = new ArrayList<>();
            while (i < s.length()) {
                if (atLineEnd()) {
                    newline(); // a blank line
                    continue;
                }
                int rowLine = line;
                List<Cell> cells = new ArrayList<>();
                while (true) {
                    int cellLine = line;
                    int cellColumn = i - lineStart + 1;
                    StringBuilder v = new StringBuilder();
                    if (i < s.length() && s.charAt(i) == '"') {
                        i++;
                        while (true) {
                            if (i >= s.length()) {
                                return reject("csv-quote", cellLine, cellColumn, "this quoted cell is never closed",
                                        "close it with a double quote; a quote inside a cell is written twice (\"\")");
                            }
                            char c = s.charAt(i);
                            if (c == '"') {
                                if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                                    v.append('"');
                                    i += 2;
                                    continue;
                                }
                                i++;
                                break;
                            }
                            if (c == '\r' || c == '\n') {
                                v.append('\n');
                                newline();
                                continue;
                            }
                            v.append(c);
                            i++;
                        }
                        if (i < s.length() && s.charAt(i) != ',' && !atLineEnd()) {
                            return reject("csv-quote", line, i - lineStart + 1, "text after the closing quote of a cell",
                                    "quote the whole cell, and write a quote inside it twice (\"\")");
                        }
                    } else {
                        while (i < s.length() && s.charAt(i) != ',' && !atLineEnd()) {
                            if (s.charAt(i) == '"') {
                                return reject("csv-quote", line, i - lineStart + 1, "a quote inside an unquoted cell",
                                        "quote the whole cell, and write the quote twice (\"\")");
                            }
                            v.append(s.charAt(i++));
                        }
                    }
                    cells.add(new Cell(v.toString(), cellLine, cellColumn));
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    if (i < s.length()) {
                        newline();
                    }
                    break;
                }
                rows.add(new Row(rowLine, cells));
            }
            return new Rows(rows);
        }

        private boolean atLineEnd() {
            return i < s.length() && (s.charAt(i) == '\n' || s.charAt(i) == '\r');
        }

        /** Steps over one line end (CRLF, LF or CR). */
        private void newline() {
            if (s.charAt(i) == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i++;
            }
            i++;
            line++;
            lineStart = i;
        }

        private Result reject(String rule, int l, int c, String message, String hint) {
            return new Rejected(Finding.error(rule, path, new Location(l, c), "", message, hint));
        }
    }
}
