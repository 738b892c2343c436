package io.verbatim.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search on French as news agencies type it: typographic apostrophes after elisions (l’ d’ s’ jusqu’), guillemets
 * with non-breaking spaces (U+00A0) and a narrow non-breaking space (U+202F) before a semicolon, in titles,
 * bodies, quotes, queries and names.
 */
@QuarkusTest
class FrenchTypographyTest {

    private static final String BODY = "Le ministre a défendu jeudi la réforme.\n\n"
            + "«\u00A0L’interopérabilité des systèmes d’information n’attendra plus\u00A0», a-t-il déclaré\u202F;"
            + " jusqu’à présent, chaque administration s’équipait seule.";
    private static final String QUOTE = "L’interopérabilité des systèmes d’information n’attendra plus";

    @Inject
    Fixtures fixtures;

    private static JsonPath search(String path, String q, String source) {
        return given().queryParam("q", q).queryParam("source", source).get(path)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void wordsAfterAnElisionAreFoundInBodiesTitlesAndQuotes() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Fixtures.Stored a = fixtures.written("L’État parie sur l’échange de données", BODY, QUOTE,
                "Inès Moreau " + run, "Mme Moreau " + run);
        for (String q : List.of("interopérabilité", "interoperabilite", "l’interopérabilité", "l'interopérabilité",
                "L’INTEROPÉRABILITÉ", "information", "équipait", "présent", "État", "etat", "échange",
                "\"systèmes d’information\"", "\"systemes d'information\"")) {
            JsonPath page = search("/api/v1/articles", q, a.source());
            assertEquals(List.of(a.articleId().toString()), page.getList("items.id"), "search for " + q);
        }
        JsonPath quotes = search("/api/v1/quotes", "interoperabilite", a.source());
        assertEquals(List.of(QUOTE), quotes.getList("items.text"));
        assertTrue(search("/api/v1/articles", "interopérabilité tramway", a.source()).getList("items").isEmpty(),
                "a word the article lacks still narrows the search");
    }

    @Test
    void theSnippetShowsTheArticlesOwnTypographyWithTheMatchHighlighted() {
        Fixtures.Stored a = fixtures.written("Réforme", BODY, QUOTE, "Inès Moreau", "Mme Moreau");
        JsonPath page = search("/api/v1/articles", "interoperabilite", a.source());
        String text = page.getString("items[0].snippet.text");
        assertTrue(text.contains("L’interopérabilité des systèmes d’information"), text);
        int start = page.getInt("items[0].snippet.highlights[0].start");
        int end = page.getInt("items[0].snippet.highlights[0].end");
        assertEquals("interopérabilité", text.substring(start, end));
    }

    @Test
    void entitiesAreFoundByNameOrAliasWhateverTheApostropheAccentsOrElision() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Fixtures.Stored a = fixtures.written("Réforme", BODY, QUOTE, "Ligue de l’enseignement " + run,
                "Région d’Île-de-France " + run);
        for (String q : List.of("Ligue de l’enseignement " + run, "ligue de l'enseignement " + run,
                "l’enseignement " + run, "enseignement " + run, "region d'ile-de-france " + run,
                "Région d’Île-de-France " + run, "ile-de-france " + run)) {
            List<Long> found = given().queryParam("q", q).get("/api/v1/entities")
                    .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
            assertEquals(List.of(a.speakerId()), found, "entity lookup for " + q);
        }
    }
}
