package dev.registry.report;

/** How query results are printed: a table for people, JSON or CSV for scripts. */
public enum ListFormat {
    TABLE, JSON, CSV
}
