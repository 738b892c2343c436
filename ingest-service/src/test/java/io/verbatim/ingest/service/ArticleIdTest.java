package io.verbatim.ingest.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ArticleIdTest {

    private static ArticleSubmission article(String url, String source, String title, String body) {
        return new ArticleSubmission(title, body, url, source, "fr", null, List.of());
    }

    @Test
    void sameUrlIsSameArticleWhateverTheCaseOfTheHostOrATrailingSlash() {
        var a = article("https://Example.org/news/1/", "AFP", "Titre", "Corps");
        var b = article("https://example.org/news/1#comments", "Reuters", "Autre titre", "Autre corps");
        assertEquals(ArticleId.of(a, null), ArticleId.of(b, null));
    }

    @Test
    void pathCaseStillMatters() {
        assertNotEquals(ArticleId.of(article("https://example.org/News", null, "t", "b"), null),
                ArticleId.of(article("https://example.org/news", null, "t", "b"), null));
    }

    @Test
    void withoutUrlTheContentIdentifiesTheArticle() {
        var a = article(null, "AFP", "Titre", "Corps du texte");
        assertEquals(ArticleId.of(a, null), ArticleId.of(article(null, "AFP", " Titre ", "Corps du texte\n"), null));
        assertNotEquals(ArticleId.of(a, null), ArticleId.of(article(null, "Reuters", "Titre", "Corps du texte"), null));
    }

    @Test
    void idempotencyKeyWinsOverUrlAndContent() {
        var a = article("https://example.org/a", "AFP", "Titre", "Corps");
        var b = article("https://example.org/b", "AFP", "Autre", "Autre");
        assertEquals(ArticleId.of(a, "client-42"), ArticleId.of(b, "client-42"));
        assertNotEquals(ArticleId.of(a, "client-42"), ArticleId.of(a, null));
    }
}
