package dev.registry.export;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One value of an exported table, typed so that each format can write it faithfully: JSON keeps
 * numbers as numbers and lists as arrays, CSV joins lists with {@code ;}.
 */
public sealed interface Cell {

    /** No value: an empty CSV cell, JSON null. */
    record Empty() implements Cell {
    }

    record Text(String value) implements Cell {
    }

    /** A number as the card wrote it, without binary floating-point noise. */
    record Number(BigDecimal value) implements Cell {
    }

    record Items(List<String> values) implements Cell {
        public Items {
            values = List.copyOf(values);
        }
    }

    Cell EMPTY = new Empty();

    /** Text, or empty for "". */
    static Cell text(String s) {
        return s == null || s.isEmpty() ? EMPTY : new Text(s);
    }

    static Cell text(Optional<?> o) {
        return o.map(v -> text(v.toString())).orElse(EMPTY);
    }

    static Cell items(List<String> values) {
        return new Items(values);
    }

    static Cell number(BigDecimal n) {
        BigDecimal plain = n.stripTrailingZeros();
        return new Number(plain.scale() < 0 ? plain.setScale(0) : plain);
    }

    /** The cell as CSV text: lists joined with {@code ;}, numbers in plain notation. */
    default String csv() {
        if (this instanceof Text t) {
            return t.value();
        }
        if (this instanceof Number n) {
            return n.value().toPlainString();
        }
        if (this instanceof Items i) {
            return dev.registry.report.CsvWriter.items(i.values());
        }
        return "";
    }
}
