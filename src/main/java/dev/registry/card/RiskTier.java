package dev.registry.card;

import java.util.Locale;
import java.util.Optional;

/** EU AI Act risk pyramid, lowest first, so that {@code compareTo} orders by severity. */
public enum RiskTier {
    MINIMAL, LIMITED, HIGH, UNACCEPTABLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RiskTier> parse(String text) {
        for (RiskTier t : values()) {
            if (t.id().equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
