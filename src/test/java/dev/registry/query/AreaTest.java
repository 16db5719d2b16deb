package dev.registry.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AreaTest {

    @Test
    void aRegionLiesWithinItselfAndTheAreasItContinues() {
        assertTrue(Area.of("eu-west-1").contains("eu-west-1"));
        assertTrue(Area.of("eu-west").contains("eu-west-1"));
        assertTrue(Area.of("eu").contains("eu-west-1"));
        assertTrue(Area.of("EU").contains("eu-west-1"));
        assertFalse(Area.of("eu-we").contains("eu-west-1"), "areas end at a dash");
        assertFalse(Area.of("eu-west-1").contains("eu-west"), "a region does not hold its area");
        assertFalse(Area.of("us").contains("eu-west-1"));
        assertFalse(Area.of("").contains("eu-west-1"));
    }
}
