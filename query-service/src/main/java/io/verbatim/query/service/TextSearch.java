package io.verbatim.query.service;

import io.verbatim.query.config.QueryConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Full-text search in each article's own language: the words searched are parsed with the search configuration
 * of the articles they are matched against (French stems for French articles, English ones for English articles;
 * {@code verbatim_search_config} in the schema maps a language to its configuration), so each language's rows
 * are found through the search index with that language's query. The SQL fragments bind the words as {@code :text}.
 */
@ApplicationScoped
public class TextSearch {

    @Inject
    QueryConfig config;

    /** They are written into the SQL, so only language codes pass. */
    @PostConstruct
    void checkLanguages() {
        for (String language : config.searchLanguages()) {
            if (!language.matches("[a-z]{2,3}")) {
                throw new IllegalStateException("verbatim.query.search-languages: '" + language
                        + "' is not a language code such as fr");
            }
        }
    }

    /**
     * The condition that a row's search vector matches {@code :text}: with a language filter ({@code :language}
     * bound by the caller) in that language only; otherwise in each language the archive holds, each on its rows.
     */
    String matches(String vector, String languageColumn, boolean languageFiltered) {
        if (languageFiltered) {
            return vector + " @@ " + query(":language");
        }
        List<String> languages = languages();
        if (languages.size() == 1) {
            return vector + " @@ " + query(literal(languages.get(0)));
        }
        StringBuilder any = new StringBuilder("(");
        for (String language : languages) {
            any.append(any.length() > 1 ? " OR " : "").append('(').append(languageColumn).append(" = ")
                    .append(literal(language)).append(" AND ").append(vector).append(" @@ ")
                    .append(query(literal(language))).append(')');
        }
        return any.append(')').toString();
    }

    /** The words {@code :text} as a query in the language of the row (for ranking and highlighting). */
    String queryInRowLanguage(String languageColumn, boolean languageFiltered) {
        if (languageFiltered) {
            return query(":language");
        }
        List<String> languages = languages();
        if (languages.size() == 1) {
            return query(literal(languages.get(0)));
        }
        StringBuilder cases = new StringBuilder("CASE ").append(languageColumn);
        for (String language : languages) {
            cases.append(" WHEN ").append(literal(language)).append(" THEN ").append(query(literal(language)));
        }
        return cases.append(" END").toString();
    }

    /** The search configuration of the row's language, for parsing its text as it was indexed. */
    String configOf(String languageColumn) {
        return "verbatim_search_config(" + languageColumn + ")";
    }

    private static String query(String language) {
        return "websearch_to_tsquery(verbatim_search_config(" + language + "), verbatim_search_text(:text))";
    }

    private List<String> languages() {
        return config.searchLanguages();
    }

    /** Configured language codes, checked at start-up. */
    private static String literal(String language) {
        return "'" + language + "'";
    }
}
