package dev.registry.card;

import java.util.Optional;

/** A recorded approval of a model version for a stage. {@code role} and {@code comment} may be blank. */
public record Approval(Stage stage, String by, String role, Optional<java.time.LocalDate> date, String comment) {
}
