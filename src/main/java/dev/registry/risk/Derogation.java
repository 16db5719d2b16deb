package dev.registry.risk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.card.ModelCard;
import dev.registry.source.CardBinder;
import java.time.LocalDate;
import java.util.Optional;

/** An Art 6(3) derogation recorded on a card under {@code risk.derogation}. */
public record Derogation(String rule, String reviewer, LocalDate date, String reason) {

    /** Where the derogation stands in a card. */
    public static final String POINTER = "/risk/derogation";

    /**
     * The card's derogation, when it names a rule, a reviewer and a real date; anything less is
     * reported by the schema and date checks, and derogates nothing.
     */
    public static Optional<Derogation> of(ModelCard card) {
        JsonNode d = card.document().path("risk").path("derogation");
        String rule = CardBinder.text(d.path("rule"));
        String reviewer = CardBinder.text(d.path("reviewer"));
        Optional<LocalDate> date = CardBinder.date(d.path("date"));
        if (!d.isObject() || rule.isEmpty() || reviewer.isEmpty() || date.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Derogation(rule, reviewer, date.get(), CardBinder.text(d.path("reason"))));
    }
}
