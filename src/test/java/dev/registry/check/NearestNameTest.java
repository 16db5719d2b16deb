package dev.registry.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestNameTest {

    static final List<String> FIELDS = List.of("apiVersion", "kind", "name", "version", "provider", "owners",
            "description", "lifecycle", "capabilities");

    @Test
    void findsTyposOfOneOrTwoEdits() {
        assertEquals(Optional.of("owners"), NearestName.of("owner", FIELDS));
        assertEquals(Optional.of("owners"), NearestName.of("ownres", FIELDS)); // swap
        assertEquals(Optional.of("description"), NearestName.of("desciption", FIELDS));
        assertEquals(Optional.of("capabilities"), NearestName.of("capabilites", FIELDS));
        assertEquals(Optional.of("lifecycle"), NearestName.of("lifecylce", FIELDS));
    }

    @Test
    void caseOnlyDifferencesAreTypos() {
        assertEquals(Optional.of("owners"), NearestName.of("Owners", FIELDS));
        assertEquals(Optional.of("apiVersion"), NearestName.of("apiversion", FIELDS));
    }

    @Test
    void aWordIsNotItsOwnSuggestion() {
        assertEquals(Optional.empty(), NearestName.of("owners", FIELDS));
    }

    @Test
    void guessesAreNotOffered() {
        assertEquals(Optional.empty(), NearestName.of("colour", FIELDS));
        assertEquals(Optional.empty(), NearestName.of("knd2x", FIELDS));
        // A short word allows one edit only: "nme" is name, "xyz" is nothing.
        assertEquals(Optional.of("name"), NearestName.of("nme", FIELDS));
        assertEquals(Optional.empty(), NearestName.of("xyz", FIELDS));
        // Emails share their domain; a different person is not a typo.
        assertEquals(Optional.empty(), NearestName.of("carol@example.com", List.of("alice@example.com")));
        assertEquals(Optional.of("alice@example.com"), NearestName.of("alcie@example.com", List.of("alice@example.com")));
    }

    @Test
    void tiesGoToTheFirstCandidate() {
        assertEquals(Optional.of("cat"), NearestName.of("bat", List.of("cat", "hat")));
        assertEquals(Optional.empty(), NearestName.of("x", List.of()));
    }

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertEquals(0, NearestName.distance("abc", "abc"));
        assertEquals(1, NearestName.distance("abc", "abcd"));
        assertEquals(1, NearestName.distance("abc", "ab"));
        assertEquals(1, NearestName.distance("abc", "abd"));
        assertEquals(1, NearestName.distance("abc", "acb"));
        assertEquals(3, NearestName.distance("", "abc"));
    }

    @Test
    void didYouMeanIsEmptyWithoutASuggestion() {
        assertEquals("did you mean `owners`?", NearestName.didYouMean("owner", FIELDS));
        assertEquals("", NearestName.didYouMean("colour", FIELDS));
    }
}
