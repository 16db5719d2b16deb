package dev.registry.card;

import java.util.Locale;
import java.util.Optional;

/** Lifecycle stage of a model version, in promotion order. */
public enum Stage {
    EXPERIMENTAL, STAGING, PRODUCTION, DEPRECATED, RETIRED;

    /** The spelling used in cards. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Stage> parse(String text) {
        for (Stage s : values()) {
            if (s.id().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
