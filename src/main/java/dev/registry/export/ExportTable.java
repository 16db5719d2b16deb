package dev.registry.export;

import java.util.List;

/**
 * Rows under named columns, in a fixed order: what every export format writes.
 *
 * @param columns column names, which are also the JSON keys
 */
public record ExportTable(List<String> columns, List<List<Cell>> rows) {

    public ExportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row of " + r.size() + " cells under " + columns.size() + " columns");
            }
        }
    }
}
