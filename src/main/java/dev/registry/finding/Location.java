package dev.registry.finding;

/** A 1-based line and column in a source file; {@link #START} when nothing more precise is known. */
public record Location(int line, int column) {
    public static final Location START = new Location(1, 1);
}
