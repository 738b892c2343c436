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
 * A pipeline configured for French alone (an analysis-service that loads only the French models): an English
 * article is detected and refused naming French, and a French one is still accepted.
 */
@QuarkusTest
@TestProfile(OneLanguageTest.FrenchOnly.class)
class OneLanguageTest {

    public static class FrenchOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("verbatim.ingest.supported-languages", "fr");
        }
    }

    private static Map<String, Object> article(String body) {
        return Map.of("title", "Budget " + UUID.randomUUID(), "body", body);
    }

    @Test
    void aLanguageLeftOutOfTheConfigurationIsRefusedNamingTheOthers() {
        Api.client().contentType(ContentType.JSON).body(article(ArticleLanguageTest.ENGLISH)).post("/api/v1/articles")
                .then().statusCode(422)
                .body("detail", equalTo("This pipeline analyses articles in fr only."))
                .body("errors[0].message", equalTo("is en (detected from the text); must be one of [fr]"));
        Api.client().contentType(ContentType.JSON).body(article(ArticleLanguageTest.FRENCH)).post("/api/v1/articles")
                .then().statusCode(202).body("language", equalTo("fr")).body("languageSource", equalTo("detected"));
    }
}
