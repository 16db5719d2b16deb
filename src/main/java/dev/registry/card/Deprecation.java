package dev.registry.card;

import java.time.LocalDate;
import java.util.Optional;

/** The notice given before a version is retired. */
public record Deprecation(Optional<LocalDate> announced, Optional<LocalDate> retireAfter,
                          Optional<ModelRef> replacement, String reason) {
}
