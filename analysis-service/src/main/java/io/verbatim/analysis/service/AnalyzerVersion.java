package io.verbatim.analysis.service;

/**
 * Analyzer versions are named {@code verbatim-<language>-<N>} (each language's own, {@code Analysis.analyzerVersion()}) and ordered by
 * N, so that an analyzer never replaces the work of a newer one (a pod not yet rolled during an upgrade).
 */
public final class AnalyzerVersion {

    private AnalyzerVersion() {
    }

    /** N of {@code verbatim-fr-N}; a name without that number (none was stored before versions were ordered) is 0. */
    static int number(String version) {
        int dash = version == null ? -1 : version.lastIndexOf('-');
        try {
            return dash < 0 ? 0 : Integer.parseInt(version.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether an analysis by {@code stored} is older than one by {@code current}, and so is to be replaced. */
    public static boolean isOlder(String stored, String current) {
        return number(stored) < number(current);
    }
}
