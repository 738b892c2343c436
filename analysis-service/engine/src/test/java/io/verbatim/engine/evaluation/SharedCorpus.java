package io.verbatim.engine.evaluation;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's annotated corpus lives beside the repository (../shared/corpus), not in it: a plain clone lacks
 * it, so tests that read it are skipped there, saying what they need, instead of failing.
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    /** The corpus path given by the build ({@code -Dverbatim.corpus}, ../shared/corpus by default). */
    public static Path root() {
        return Path.of(System.getProperty("verbatim.corpus", "../../../shared/corpus")).toAbsolutePath().normalize();
    }

    /** A file or folder of the corpus; skips the calling test when it is missing. */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), () -> "needs the shared annotated corpus (" + relative
                + "), not found at " + path + "; point at it with -Dverbatim.corpus=/path/to/corpus");
        return path;
    }
}
