package io.verbatim.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snippets are cut from a bounded start of the body: a word found only further on finds the article, unmarked. */
@QuarkusTest
class SnippetWindowTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aMatchBeyondTheWindowFindsTheArticleWithoutAHighlight() {
        String source = "Fenêtre " + UUID.randomUUID();
        String filler = "Le conseil a débattu longuement du budget annexe. ".repeat(1_000);
        fixtures.plainArticle("Long compte rendu", filler + "Un ornithorynque est apparu en séance.", source);
        fixtures.plainArticle("Court compte rendu", "Un ornithorynque est apparu en séance. " + filler, source);

        JsonPath page = given().queryParam("q", "ornithorynque").queryParam("source", source).get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, page.getList("items").size());
        for (int i = 0; i < 2; i++) {
            String title = page.getString("items[" + i + "].title");
            int highlights = page.getList("items[" + i + "].snippet.highlights").size();
            assertTrue(page.getString("items[" + i + "].snippet.text").length() < 1_000);
            assertEquals(title.startsWith("Court") ? 1 : 0, highlights, title);
        }
    }
}
