package dev.registry.finding;

import java.util.Locale;

/** How much a finding matters; only errors fail a command. */
public enum Severity {
    ERROR, WARNING, NOTE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
