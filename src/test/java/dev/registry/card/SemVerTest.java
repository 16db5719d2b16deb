package dev.registry.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SemVerTest {

    private static SemVer v(String text) {
        return SemVer.parse(text).orElseThrow(() -> new AssertionError("not SemVer: " + text));
    }

    @Test
    void followsTheSpecsPrecedenceExample() {
        // semver.org, item 11
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1");
        List<SemVer> shuffled = new ArrayList<>(ordered.stream().map(SemVerTest::v).toList());
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertEquals(ordered, shuffled.stream().map(SemVer::text).toList());
    }

    @Test
    void comparesNumbersAsNumbers() {
        assertTrue(v("1.10.0").compareTo(v("1.9.0")) > 0);
        assertTrue(v("10.0.0").compareTo(v("9.99.99")) > 0);
        assertTrue(v("1.0.0-rc.10").compareTo(v("1.0.0-rc.9")) > 0);
        // Numeric identifiers sort before alphanumeric ones.
        assertTrue(v("1.0.0-1").compareTo(v("1.0.0-a")) < 0);
    }

    @Test
    void ignoresBuildMetadataForPrecedence() {
        assertEquals(0, v("1.0.0+build.1").compareTo(v("1.0.0+build.2")));
        assertEquals("build.1", v("1.0.0+build.1").build());
    }

    @Test
    void parsesTheParts() {
        SemVer s = v("2.1.3-rc.1+sha.5114f85");
        assertEquals(2, s.major());
        assertEquals(1, s.minor());
        assertEquals(3, s.patch());
        assertEquals(List.of("rc", "1"), s.preRelease());
        assertTrue(s.isPreRelease());
        assertEquals("2.1.3-rc.1+sha.5114f85", s.toString());
    }

    @Test
    void refusesWhatIsNotSemVer() {
        for (String bad : List.of("", "1", "1.0", "1.10", "v1.0.0", "01.0.0", "1.01.0", "1.0.0-", "1.0.0-01", "1.0.0+",
                "1.0.0-a..b", " 1.0.0", "1.0.0 ", "1.0.0.0", "-1.0.0")) {
            assertEquals(Optional.empty(), SemVer.parse(bad), bad);
        }
    }

    @Test
    void bumps() {
        assertEquals("2.0.0", v("1.4.2").bump("major").text());
        assertEquals("1.5.0", v("1.4.2").bump("minor").text());
        assertEquals("1.4.3", v("1.4.2").bump("patch").text());
        // Releasing a pre-release is a patch "bump" to the version it anticipates.
        assertEquals("1.4.2", v("1.4.2-rc.1").bump("patch").text());
        assertThrows(IllegalArgumentException.class, () -> v("1.0.0").bump("micro"));
    }
}
