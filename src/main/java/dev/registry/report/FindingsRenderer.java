package dev.registry.report;

import dev.registry.check.ValidationReport;

/** Turns findings into one output format. Commands never format findings by hand. */
public interface FindingsRenderer {
    void render(ValidationReport report, Output out);
}
