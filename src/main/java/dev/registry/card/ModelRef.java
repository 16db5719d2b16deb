package dev.registry.card;

import java.util.Optional;

/** A reference to one model version, written {@code model@version}. */
public record ModelRef(String name, String version) {

    /** Parses {@code name@version}; empty when there is no single '@' with text on both sides. */
    public static Optional<ModelRef> parse(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.indexOf('@', at + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new ModelRef(text.substring(0, at), text.substring(at + 1)));
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }
}
