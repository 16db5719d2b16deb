package dev.registry.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dates are bound as LocalDate.parse reads them, with or without its formatter. */
class CardBinderTest {

    @Test
    void anIsoDateIsWhatLocalDateParseReads() {
        for (String text : new String[] {"2026-01-31", "2026-02-29", "2024-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                "2026-01-00", "0000-01-01", "9999-12-31", "+10000-01-01", "-0001-12-31", "2026-1-01", "2026-01-1x", "20260101",
                "2026/01/01", "2026-01-011", "２０２６-01-01", "2026-0١-01", "", "not a date", "2026-02-28T00:00"}) {
            Optional<LocalDate> expected;
            try {
                expected = Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                expected = Optional.empty();
            }
            assertEquals(expected, CardBinder.isoDate(text), text);
            assertEquals(text.matches("\\d{4}-\\d{2}-\\d{2}"), CardBinder.isDateShaped(text), text);
        }
    }
}
