package dev.registry.export;

import dev.registry.git.CommitInfo;

/**
 * An inventory diff with what it compares: the governance report {@code registry diff} prints.
 *
 * @param from   the earlier point, as asked and as resolved
 * @param before size of the inventory at {@code from}
 */
public record DiffReport(Side from, Side to, Size before, Size after, InventoryDiff diff) {

    /** Column names of {@link #table()}: also the keys of each change in JSON. */
    public static final java.util.List<String> COLUMNS =
            java.util.List.of("change", "model", "version", "deployment", "from", "to", "detail");

    /** One row per change, for CSV and JSON. */
    public ExportTable table() {
        return new ExportTable(COLUMNS, diff.changes().stream().map(c -> java.util.List.of(
                Cell.text(c.kind().id()),
                Cell.text(c.model().map(dev.registry.card.ModelRef::name).orElse("")),
                Cell.text(c.model().map(dev.registry.card.ModelRef::version).orElse("")),
                Cell.text(c.deployment().orElse("")),
                Cell.text(c.from()), Cell.text(c.to()), Cell.text(c.detail()))).toList());
    }

    /** A point as the user wrote it ({@code 2026-01-01}, {@code v3}, {@code HEAD}) and the commit it resolved to. */
    public record Side(String asked, CommitInfo commit) {
    }

    public record Size(int versions, int deployments) {
        public static Size of(Inventory inventory) {
            return new Size(inventory.snapshot().models().size(), inventory.snapshot().deployments().size());
        }
    }
}
