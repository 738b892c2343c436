package io.verbatim.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.verbatim.ingest.messaging.RawTopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs against the real Kafka broker started by deploy/local/test.sh. */
@QuarkusTest
class ArticleResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> article(String title) {
        return Map.of("title", title,
                "body", "« Nous tiendrons nos engagements », a déclaré la ministre Claire Morel.",
                "source", "Test", "publishedAt", "2025-06-12T14:30:00+02:00");
    }

    @Test
    void acceptedArticleIsOnTheRawTopicWithItsIdAsKey() throws Exception {
        String title = "Essai " + UUID.randomUUID();
        String id = Api.client().contentType(ContentType.JSON).body(article(title))
                .when().post("/api/v1/articles")
                .then().statusCode(202)
                .body("id", notNullValue())
                .extract().path("id");
        Api.client().contentType(ContentType.JSON).body(article(title)).post("/api/v1/articles")
                .then().header("Location", endsWith("/api/v1/articles/" + id));

        ConsumerRecord<String, String> record = RawTopicReader.find(id, Duration.ofSeconds(30)).orElseThrow();
        JsonNode event = JSON.readTree(record.value());
        assertEquals(1, event.get("schemaVersion").asInt());
        assertEquals(id, event.get("id").asText());
        assertEquals(title, event.get("title").asText());
        assertEquals("fr", event.get("language").asText());
        assertEquals(OffsetDateTime.parse("2025-06-12T14:30:00+02:00").toInstant(),
                OffsetDateTime.parse(event.get("publishedAt").asText()).toInstant());
        assertEquals(true, event.hasNonNull("receivedAt"));
    }

    @Test
    void samePostTwiceGetsTheSameId() {
        Map<String, Object> article = article("Deux fois " + UUID.randomUUID());
        String first = Api.client().contentType(ContentType.JSON).body(article).post("/api/v1/articles")
                .then().statusCode(202).extract().path("id");
        Api.client().contentType(ContentType.JSON).body(article).post("/api/v1/articles")
                .then().statusCode(202).body("id", equalTo(first));
    }

    @Test
    void invalidFieldsAreEachNamedInAProblem() {
        Api.client().contentType(ContentType.JSON)
                .body(Map.of("title", " ", "body", "", "url", "ftp://example.org/x", "language", "french"))
                .when().post("/api/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Invalid article"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/articles"))
                .body("errors.field", containsInAnyOrder("body", "language", "title", "url"))
                .body("errors.message", everyItem(not(emptyOrNullString())));
    }

    @Test
    void missingBodyIsNamed() {
        Api.client().contentType(ContentType.JSON).body(Map.of("title", "Sans corps"))
                .post("/api/v1/articles")
                .then().statusCode(400).body("errors.field", hasItem("body"));
    }

    @Test
    void badDateNamesPublishedAt() {
        Api.client().contentType(ContentType.JSON)
                .body(Map.of("title", "t", "body", "b", "publishedAt", "12/06/2025"))
                .post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("publishedAt"));
    }

    @Test
    void aDateOutsideTheCalendarPostgresStoresIsRefused() {
        for (String date : new String[]{"+999999999-12-31T23:59:59Z", "-000001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"}) {
            Api.client().contentType(ContentType.JSON)
                    .body(Map.of("title", "t", "body", "b", "publishedAt", date))
                    .post("/api/v1/articles")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("publishedAt"));
        }
    }

    @Test
    void malformedJsonIsA400Problem() {
        Api.client().contentType(ContentType.JSON).body("{\"title\": \"oops\", ")
                .post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
    }

    @Test
    void wrongContentTypeIs415() {
        Api.client().contentType(ContentType.TEXT).body("Un article en texte brut")
                .post("/api/v1/articles")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void tooLargeBodyIs413() {
        // The test profile limits bodies to 4,000 bytes.
        Api.client().contentType(ContentType.JSON).body(Map.of("title", "Trop long", "body", "é".repeat(2001)))
                .post("/api/v1/articles")
                .then().statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }
}
