package dev.registry.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.UsageException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** GIT_AUTHOR_DATE and GIT_COMMITTER_DATE in the formats git documents. */
class CommitIdentityTest {

    private static void reads(String text, String instant, int offsetHours, int offsetMinutes) {
        ZonedDateTime d = CommitIdentity.parseDate("GIT_AUTHOR_DATE", text);
        assertEquals(Instant.parse(instant), d.toInstant(), text);
        assertEquals(ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes), d.getOffset(), text);
    }

    @Test
    void readsRawIsoAndRfc2822Dates() {
        reads("@1767225600 +0100", "2026-01-01T00:00:00Z", 1, 0);
        reads("1767225600 -0530", "2026-01-01T00:00:00Z", -5, -30);
        reads("@1767225600", "2026-01-01T00:00:00Z", 0, 0);
        reads("2026-03-01T10:00:00+01:00", "2026-03-01T09:00:00Z", 1, 0);
        reads("2026-03-01T10:00:00Z", "2026-03-01T10:00:00Z", 0, 0);
        reads("2026-03-01 10:00:00 +0200", "2026-03-01T08:00:00Z", 2, 0);
        reads("2026-03-01T10:00:00.250-0100", "2026-03-01T11:00:00.250Z", -1, 0);
        reads("Sun, 1 Mar 2026 10:00:00 +0100", "2026-03-01T09:00:00Z", 1, 0);
    }

    @Test
    void aDateWithoutZoneIsLocalTime() {
        ZonedDateTime d = CommitIdentity.parseDate("GIT_AUTHOR_DATE", "2026-03-01T10:00:00");
        assertEquals(java.time.LocalDateTime.parse("2026-03-01T10:00:00"), d.toLocalDateTime());
        assertEquals(java.time.ZoneId.systemDefault(), d.getZone());
    }

    @Test
    void refusesWhatItCannotReadWithoutGuessing() {
        for (String bad : new String[] {"yesterday", "2026-13-01T10:00:00Z", "@12 +9999", "01/03/2026", ""}) {
            UsageException e = assertThrows(UsageException.class, () -> CommitIdentity.parseDate("GIT_COMMITTER_DATE", bad), bad);
            assertTrue(e.getMessage().startsWith("GIT_COMMITTER_DATE: invalid date `" + bad + "`"), e.getMessage());
        }
    }
}
