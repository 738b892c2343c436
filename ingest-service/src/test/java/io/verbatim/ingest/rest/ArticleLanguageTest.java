package io.verbatim.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.verbatim.ingest.messaging.RawTopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The language an article is analysed in: given, detected from its text, or the default for a text too short to
 * tell; an article the pipeline cannot read (the test profile, like the default, reads French only) is a 422.
 */
@QuarkusTest
class ArticleLanguageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String FRENCH = "Le conseil municipal a adopté mardi soir le budget de l'année prochaine, après un"
            + " long débat sur le prix des cantines scolaires. « Nous avons tenu nos promesses », a déclaré la maire"
            + " devant les élus, tandis que l'opposition dénonçait une hausse des impôts locaux.";
    static final String ENGLISH = "The city council passed next year's budget on Tuesday evening after a long debate"
            + " about the price of school meals. \"We have kept our promises,\" the mayor told the councillors, while"
            + " the opposition denounced a rise in local taxes.";
    static final String GERMAN = "Der Stadtrat hat am Dienstagabend den Haushalt für das kommende Jahr beschlossen,"
            + " nach einer langen Debatte über die Preise der Schulkantinen. „Wir haben unsere Versprechen gehalten“,"
            + " sagte die Bürgermeisterin, während die Opposition eine Erhöhung der Gemeindesteuern kritisierte.";
    static final String RUSSIAN = "Городской совет во вторник вечером принял бюджет на следующий год после долгих"
            + " споров о ценах в школьных столовых. «Мы сдержали свои обещания», заявила мэр депутатам.";

    private static Map<String, Object> article(String body) {
        return Map.of("title", "Budget " + UUID.randomUUID(), "body", body);
    }

    @Test
    void aGivenLanguageIsKeptAndSaidToBeGiven() throws Exception {
        String id = Api.client().contentType(ContentType.JSON)
                .body(Map.of("title", "Budget " + UUID.randomUUID(), "body", FRENCH, "language", "fr"))
                .post("/api/v1/articles")
                .then().statusCode(202).body("language", equalTo("fr")).body("languageSource", equalTo("given"))
                .extract().path("id");
        assertRawLanguage(id, "fr", "given");
    }

    @Test
    void aFrenchArticleWithoutALanguageIsDetectedAsFrench() throws Exception {
        String id = Api.client().contentType(ContentType.JSON).body(article(FRENCH)).post("/api/v1/articles")
                .then().statusCode(202).body("language", equalTo("fr")).body("languageSource", equalTo("detected"))
                .extract().path("id");
        assertRawLanguage(id, "fr", "detected");
    }

    @Test
    void anEnglishArticleWithoutALanguageIsDetectedAsEnglish() throws Exception {
        String id = Api.client().contentType(ContentType.JSON).body(article(ENGLISH)).post("/api/v1/articles")
                .then().statusCode(202).body("language", equalTo("en")).body("languageSource", equalTo("detected"))
                .extract().path("id");
        assertRawLanguage(id, "en", "detected");
    }

    @Test
    void aTextTooShortToTellIsInTheDefaultLanguage() throws Exception {
        String id = Api.client().contentType(ContentType.JSON)
                .body(Map.of("title", "Brève " + UUID.randomUUID(), "body", "Das ist gut."))
                .post("/api/v1/articles")
                .then().statusCode(202).body("language", equalTo("fr")).body("languageSource", equalTo("default"))
                .extract().path("id");
        assertRawLanguage(id, "fr", "default");
    }

    @Test
    void aDetectedLanguageThePipelineDoesNotReadIsA422NamingTheSupportedOnes() {
        Api.client().contentType(ContentType.JSON).body(article(GERMAN)).post("/api/v1/articles")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Unsupported language"))
                .body("detail", equalTo("This pipeline analyses articles in en, fr only."))
                .body("errors[0].field", equalTo("language"))
                .body("errors[0].message", equalTo("is de (detected from the text); must be one of [en, fr]"));
    }

    @Test
    void aGivenLanguageThePipelineDoesNotReadIsA422() {
        Api.client().contentType(ContentType.JSON)
                .body(Map.of("title", "t", "body", "b", "language", "de"))
                .post("/api/v1/articles")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Unsupported language"))
                .body("errors[0].field", equalTo("language"))
                .body("errors[0].message", equalTo("is de; must be one of [en, fr]"));
    }

    @Test
    void aTextInAScriptTheDetectorDoesNotKnowIsRefusedRatherThanGuessed() {
        Api.client().contentType(ContentType.JSON).body(article(RUSSIAN)).post("/api/v1/articles")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Language not recognised"))
                .body("detail", containsString("fr"))
                .body("errors[0].field", equalTo("language"));
    }

    @Test
    void eachItemOfABatchSaysItsLanguageOrWhyItWasRefused() {
        Api.client().contentType(ContentType.JSON)
                .body(List.of(article(FRENCH), article(GERMAN), Map.of("title", "t", "body", "b", "language", "fr")))
                .post("/api/v1/articles/batch")
                .then().statusCode(200)
                .body("items.status", contains(202, 422, 202))
                .body("items.language", contains("fr", null, "fr"))
                .body("items.languageSource", contains("detected", null, "given"))
                .body("items[1].errors[0].field", equalTo("language"))
                .body("items[1].id", nullValue());
    }

    private static void assertRawLanguage(String id, String language, String source) throws Exception {
        JsonNode event = JSON.readTree(RawTopicReader.find(id, Duration.ofSeconds(30)).orElseThrow().value());
        assertEquals(language, event.get("language").asText());
        assertEquals(source, event.get("languageSource").asText());
    }
}
