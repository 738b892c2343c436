package io.verbatim.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each article is searched in its own language (the test profile's archive holds French and English): its words
 * are stemmed as its language stems them, whatever language the other articles are in.
 */
@QuarkusTest
class SearchLanguagesTest {

    @Inject
    Fixtures fixtures;

    private static JsonPath articles(String q, String run, String language) {
        var request = given().queryParam("q", q + " " + run);
        if (language != null) {
            request = request.queryParam("language", language);
        }
        return request.get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSearchFindsEachArticleByTheStemsOfItsOwnLanguage() {
        // A word of this run in both texts keeps other tests' articles out of the results.
        String run = "k" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.Stored french = fixtures.written("Les électeurs aux urnes " + run,
                "Les électeurs se sont rendus aux urnes dimanche. « Les élections se sont bien passées », a déclaré le"
                        + " préfet " + run + ".",
                "Les élections se sont bien passées", "Jean Roche", "Roche", "fr");
        Fixtures.Stored english = fixtures.written("Voters went to the polls " + run,
                "Voters were voting on Sunday. \"The elections went smoothly,\" the prefect said " + run + ".",
                "The elections went smoothly,", "John Rock", "Rock", "en");

        // English stems: "vote" finds "voting".
        assertEquals(List.of(english.articleId().toString()), articles("vote", run, null).getList("items.id"));
        // Both languages stem the plural away, each in its own way ("élections" → "elect", "elections" → "elect").
        assertEquals(2, articles("election", run, null).getList("items.id").size());
        // A language filter searches in that language only.
        assertEquals(List.of(french.articleId().toString()), articles("élection", run, "fr").getList("items.id"));
        assertEquals(List.of(english.articleId().toString()), articles("election", run, "en").getList("items.id"));

        // The snippet is parsed in the article's language too: "voting" is highlighted for "vote".
        JsonPath found = articles("vote", run, null);
        String snippet = found.getString("items[0].snippet.text");
        assertEquals("voting", snippet.substring(found.getInt("items[0].snippet.highlights[0].start"),
                found.getInt("items[0].snippet.highlights[0].end")), snippet);

        // Quotes take their article's language: "smooth" finds "smoothly" by its English stem.
        JsonPath quotes = given().queryParam("q", "smooth").queryParam("source", english.source())
                .get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("The elections went smoothly,"), quotes.getList("items.text"));
    }
}
