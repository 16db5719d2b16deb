package dev.registry.finding;

import java.util.Comparator;
import java.util.List;

/**
 * One problem found in a registry, as data. Renderers turn it into text, JSON, GitHub annotations
 * or SARIF.
 *
 * @param ruleId   stable kebab-case identifier users can search for and CI can filter on
 * @param path     file path relative to the registry root, with forward slashes
 * @param pointer  JSON pointer of the offending value inside the file ("" for the whole file)
 * @param hint     how to fix it, or "" when the message says it all
 * @param related  other files this finding is about (a cross-file check names both ends)
 */
public record Finding(String ruleId, Severity severity, String path, int line, int column,
                      String pointer, String message, String hint, List<String> related) {

    /** File order, then position, then rule: the order every renderer prints in. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparingInt(Finding::line).thenComparingInt(Finding::column)
            .thenComparing(Finding::ruleId).thenComparing(Finding::message);

    public Finding {
        related = List.copyOf(related);
    }

    public static Finding error(String ruleId, String path, Location at, String pointer, String message, String hint) {
        return new Finding(ruleId, Severity.ERROR, path, at.line(), at.column(), pointer, message, hint, List.of());
    }

    public static Finding warning(String ruleId, String path, Location at, String pointer, String message, String hint) {
        return new Finding(ruleId, Severity.WARNING, path, at.line(), at.column(), pointer, message, hint, List.of());
    }

    public Finding withRelated(List<String> paths) {
        return new Finding(ruleId, severity, path, line, column, pointer, message, hint, paths);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Whether the finding is in, or about, the given file. */
    public boolean concerns(String file) {
        return path.equals(file) || related.contains(file);
    }
}
