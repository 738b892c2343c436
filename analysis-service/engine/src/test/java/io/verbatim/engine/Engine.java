package io.verbatim.engine;

import io.verbatim.engine.lang.fr.French;

/** One engine for all engine tests: loading the French model takes seconds and hundreds of megabytes. */
public final class Engine {

    private static ArticleAnalyzer analyzer;

    private Engine() {
    }

    public static synchronized ArticleAnalyzer get() {
        if (analyzer == null) {
            analyzer = new ArticleAnalyzer(French.LANGUAGE);
        }
        return analyzer;
    }
}
