package dev.registry.report;

/** How a single answer ({@code show}, {@code resolve}) is printed: text for people, JSON for programs. */
public enum DocumentFormat {
    TEXT, JSON
}
