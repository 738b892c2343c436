package io.verbatim.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/**
 * With English among the supported languages (as once analysis-service reads it), an English article is detected
 * and accepted, a French one still is, and the problem for a third language names both.
 */
@QuarkusTest
@TestProfile(SecondLanguageTest.FrenchAndEnglish.class)
class SecondLanguageTest {

    static final String ENGLISH = "The city council passed next year's budget on Tuesday evening after a long debate"
            + " about the price of school meals. \"We have kept our promises,\" the mayor told the councillors, while"
            + " the opposition denounced a rise in local taxes.";

    public static class FrenchAndEnglish implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("verbatim.ingest.supported-languages", "fr,en");
        }
    }

    private static Map<String, Object> article(String body) {
        return Map.of("title", "Budget " + UUID.randomUUID(), "body", body);
    }

    @Test
    void eachSupportedLanguageIsDetected() {
        Api.client().contentType(ContentType.JSON).body(article(ENGLISH)).post("/api/v1/articles")
                .then().statusCode(202).body("language", equalTo("en")).body("languageSource", equalTo("detected"));
        Api.client().contentType(ContentType.JSON).body(article(ArticleLanguageTest.FRENCH)).post("/api/v1/articles")
                .then().statusCode(202).body("language", equalTo("fr")).body("languageSource", equalTo("detected"));
    }

    @Test
    void anotherLanguageIsRefusedNamingBoth() {
        Api.client().contentType(ContentType.JSON).body(article(ArticleLanguageTest.GERMAN)).post("/api/v1/articles")
                .then().statusCode(422)
                .body("detail", equalTo("This pipeline analyses articles in en, fr only."))
                .body("errors[0].message", equalTo("is de (detected from the text); must be one of [en, fr]"));
    }
}
