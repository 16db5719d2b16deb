package dev.registry.card;

import java.util.Locale;
import java.util.Optional;

/** Where a deployment runs. */
public enum Environment {
    DEV, STAGE, PROD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Environment> parse(String text) {
        for (Environment e : values()) {
            if (e.id().equals(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
