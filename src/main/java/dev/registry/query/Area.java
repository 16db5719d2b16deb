package dev.registry.query;

import java.util.Locale;

/**
 * A region or an area of regions, written as cloud regions are: {@code eu} holds {@code eu-west},
 * which holds {@code eu-west-1}. A region lies within an area when it equals it or continues it
 * after a dash, so {@code eu-west-1} is within {@code eu-west-1}, {@code eu-west} and {@code eu},
 * but not within {@code eu-we} or {@code us}. Names compare without regard to case.
 */
public record Area(String id) {

    public Area {
        id = id.toLowerCase(Locale.ROOT);
    }

    public static Area of(String id) {
        return new Area(id);
    }

    /** Whether {@code region} lies within this area. */
    public boolean contains(String region) {
        String r = region.toLowerCase(Locale.ROOT);
        return !id.isEmpty() && (r.equals(id) || r.startsWith(id + "-"));
    }

    @Override
    public String toString() {
        return id;
    }
}
