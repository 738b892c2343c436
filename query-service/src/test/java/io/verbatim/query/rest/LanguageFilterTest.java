package io.verbatim.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One speaker quoted in French and in English (and named in the English article): quotes, statements, the
 * speaker's page and the rankings of speakers and entities take both languages together, or one with
 * {@code language}; articles say how their language was chosen.
 */
@QuarkusTest
class LanguageFilterTest {

    @Inject
    Fixtures fixtures;

    private record Bilingual(Fixtures.Stored french, Fixtures.Stored english) {
    }

    private Bilingual speakerQuotedInTwoLanguages() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Fixtures.Stored french = fixtures.written("Le port de Marseille " + run,
                "« Le port restera ouvert », a déclaré la ministre Ana Lopez " + run + ".",
                "Le port restera ouvert", "Ana Lopez " + run, "Lopez " + run, "fr");
        Fixtures.Stored english = fixtures.detectedQuoting(french, "The port of Marseille " + run,
                "\"The port will stay open,\" said minister Ana Lopez " + run, "The port will stay open,", "en");
        return new Bilingual(french, english);
    }

    private static JsonPath get(String path, Map<String, Object> parameters) {
        return given().queryParams(parameters).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void quotesAndStatementsAreInEveryLanguageOrInTheOneAskedFor() {
        Bilingual quoted = speakerQuotedInTwoLanguages();
        long speaker = quoted.french().speakerId();

        assertEquals(List.of("en", "fr"), get("/api/v1/quotes", Map.of("speaker", speaker)).getList("items.language"));
        JsonPath english = get("/api/v1/quotes", Map.of("speaker", speaker, "language", "EN"));
        assertEquals(List.of("The port will stay open,"), english.getList("items.text"));
        assertEquals(List.of("Le port restera ouvert"),
                get("/api/v1/speakers/" + speaker + "/quotes", Map.of("language", "fr")).getList("items.text"));
        // A search in one language parses its words in that language only.
        assertEquals(List.of("The port will stay open,"),
                get("/api/v1/quotes", Map.of("speaker", speaker, "q", "staying", "language", "en")).getList("items.text"));

        assertEquals(2, get("/api/v1/statements", Map.of("speaker", speaker)).getList("items").size());
        assertEquals(List.of("Le port restera ouvert"),
                get("/api/v1/statements", Map.of("speaker", speaker, "language", "fr")).getList("items.text"));
    }

    @Test
    void theSpeakerPageAndTheRankingCountOneLanguageWhenAsked() {
        Bilingual quoted = speakerQuotedInTwoLanguages();
        long speaker = quoted.french().speakerId();

        JsonPath everywhere = get("/api/v1/speakers/" + speaker, Map.of());
        assertEquals(2, everywhere.getInt("quotes"));
        assertEquals(2, everywhere.getInt("statements"));
        JsonPath inEnglish = get("/api/v1/speakers/" + speaker, Map.of("language", "en"));
        assertEquals(1, inEnglish.getInt("quotes"));
        assertEquals(1, inEnglish.getInt("statements"));
        assertEquals(List.of("minister"), inEnglish.getList("descriptors.descriptor"));

        JsonPath ranking = get("/api/v1/speakers", Map.of("language", "en", "size", 100));
        List<Map<String, Object>> rows = ranking.getList("items");
        Map<String, Object> row = rows.stream().filter(r -> ((Number) r.get("id")).longValue() == speaker).findFirst()
                .orElseThrow(() -> new AssertionError("speaker " + speaker + " not in the English ranking " + rows));
        assertEquals(1, ((Number) row.get("quotes")).intValue());
        assertEquals(1, ((Number) row.get("statements")).intValue());
        assertEquals("minister", row.get("latestDescriptor"));
    }

    @Test
    void theEntityRankingCountsTheMentionsOfOneLanguageWhenAsked() {
        long speaker = speakerQuotedInTwoLanguages().french().speakerId();
        // Only the English article names the speaker.
        assertEquals(List.of(1), mentionsOf(speaker, "en"));
        assertEquals(List.of(), mentionsOf(speaker, "fr"));
    }

    private static List<Integer> mentionsOf(long entity, String language) {
        List<Map<String, Object>> rows = get("/api/v1/entities/top", Map.of("type", "PER", "language", language,
                "size", 100)).getList("items");
        return rows.stream().filter(r -> ((Number) r.get("id")).longValue() == entity)
                .map(r -> ((Number) r.get("mentions")).intValue()).toList();
    }

    @Test
    void anArticleSaysHowItsLanguageWasChosen() {
        Bilingual quoted = speakerQuotedInTwoLanguages();
        given().get("/api/v1/articles/" + quoted.english().articleId()).then().statusCode(200)
                .body("language", equalTo("en")).body("languageSource", equalTo("detected"));
        // Ingested before ingest-service said: unknown.
        given().get("/api/v1/articles/" + quoted.french().articleId()).then().statusCode(200)
                .body("language", equalTo("fr")).body("languageSource", nullValue());
        given().queryParam("source", quoted.english().source()).queryParam("language", "en").get("/api/v1/articles")
                .then().statusCode(200).body("items[0].languageSource", equalTo("detected"));
    }

    @Test
    void aMalformedLanguageIsNamedInA400() {
        for (String path : List.of("/api/v1/quotes", "/api/v1/statements", "/api/v1/speakers", "/api/v1/speakers/1",
                "/api/v1/entities/top")) {
            given().queryParam("language", "fr';--").get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].parameter", equalTo("language"));
        }
    }
}
