package dev.registry.export;

import java.util.function.Function;

/**
 * A named export column over rows of type {@code R}.
 *
 * @param name        the CSV header and JSON key, camelCase like the card fields
 * @param description one line for {@code --list-columns}
 * @param value       the cell of a row
 */
public record Column<R>(String name, String description, Function<R, Cell> value) {
}
