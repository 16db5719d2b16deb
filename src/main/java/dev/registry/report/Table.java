package dev.registry.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table for terminals: a header row, columns padded to their widest cell, two spaces apart. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    public Table add(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, header " + header.size());
        }
        rows.add(cells.stream().map(Table::oneLine).toList());
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        align(all).forEach(l -> out.println(l.stripTrailing()));
        out.flush();
    }

    /**
     * Rows of cells as lines: each column as wide as its widest cell, two spaces apart, the last
     * cell of a row not padded. Rows may have fewer cells than others.
     */
    public static List<String> align(List<List<String>> rows) {
        int[] width = new int[rows.stream().mapToInt(List::size).max().orElse(0)];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size() - 1; i++) {
                width[i] = Math.max(width[i], length(row.get(i)));
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                b.append(row.get(i));
                if (i < row.size() - 1) {
                    b.append(" ".repeat(width[i] - length(row.get(i)) + 2));
                }
            }
            lines.add(b.toString());
        }
        return lines;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Terminal cells stay on one line: control characters become spaces. */
    private static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return b.toString();
    }
}
