package io.verbatim.analysis.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerVersionTest {

    @Test
    void versionsAreOrderedByNumberNotByName() {
        assertTrue(AnalyzerVersion.isOlder("verbatim-fr-9", "verbatim-fr-10"));
        assertFalse(AnalyzerVersion.isOlder("verbatim-fr-10", "verbatim-fr-9"));
        assertFalse(AnalyzerVersion.isOlder("verbatim-fr-3", "verbatim-fr-3"));
        assertTrue(AnalyzerVersion.isOlder("unnumbered", "verbatim-fr-1"));
    }
}
