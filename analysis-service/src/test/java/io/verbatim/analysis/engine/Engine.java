package io.verbatim.analysis.engine;

/** One engine for all engine tests: loading the French model takes seconds and hundreds of megabytes. */
final class Engine {

    private static ArticleAnalyzer analyzer;

    private Engine() {
    }

    static synchronized ArticleAnalyzer get() {
        if (analyzer == null) {
            analyzer = new ArticleAnalyzer(new CoreNlpFrench(), Lexicon.of("fr"));
        }
        return analyzer;
    }
}
