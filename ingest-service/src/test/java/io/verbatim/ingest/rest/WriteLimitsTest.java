package io.verbatim.ingest.rest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a key holder, or a key guesser, cannot make ingest do: guess keys at network speed, send an article
 * larger than it reads, pay one token for a thousand articles, or get 503 forever for a record Kafka refuses.
 */
@QuarkusTest
@TestProfile(WriteLimitsTest.Limits.class)
class WriteLimitsTest {

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // One key per test: each spends its own tokens.
            return Map.of("verbatim.ingest.api-keys", "test-key,batch-key,size-key,stop-key,record-key",
                    // Buckets that do not refill during the test: outcomes do not depend on the machine's speed.
                    "verbatim.ingest.rate-limit-per-second", "0.001", "verbatim.ingest.rate-limit-burst", "7",
                    "verbatim.ingest.failed-auth-per-minute", "3", "verbatim.ingest.client-address-header", "X-Real-IP",
                    "verbatim.ingest.max-article-bytes", "50000",
                    // A producer that takes smaller records than the articles it is given, as the broker may.
                    "mp.messaging.outgoing.articles-raw.max.request.size", "20000");
        }
    }

    @TestHTTPResource("/api/v1/articles")
    URI articles;

    @Test
    void failedAuthenticationsAreThrottledPerAddress() {
        String guesser = "192.0.2.10";
        for (int i = 0; i < 3; i++) {
            given().header("X-Real-IP", guesser).header("X-API-Key", "guess-" + i).contentType(ContentType.JSON)
                    .body(Map.of("title", "t", "body", "b")).post("/api/v1/articles").then().statusCode(401);
        }
        given().header("X-Real-IP", guesser).header("X-API-Key", "guess-3").contentType(ContentType.JSON)
                .body(Map.of("title", "t", "body", "b")).post("/api/v1/articles")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        // Even the right key waits: the address, not the key, is throttled.
        given().header("X-Real-IP", guesser).header("X-API-Key", "test-key").contentType(ContentType.JSON)
                .body(Map.of("title", "t", "body", "b")).post("/api/v1/articles").then().statusCode(429);
        given().header("X-Real-IP", "192.0.2.11").header("X-API-Key", "test-key").contentType(ContentType.JSON)
                .body(Map.of("title", "Autre adresse", "body", "« Oui », dit-elle.")).post("/api/v1/articles")
                .then().statusCode(202);
    }

    @Test
    void batchItemsCountAgainstTheRate() {
        String firstBatch = batch(5);
        JsonPath first = given().header("X-API-Key", "batch-key").contentType(ContentType.JSON).body(firstBatch)
                .post("/api/v1/articles/batch").then().statusCode(200).extract().jsonPath();
        assertEquals(5, first.getInt("accepted"));
        // 7 tokens: 5 went to the first batch; the second pays for its request and its next item, no more.
        JsonPath second = given().header("X-API-Key", "batch-key").contentType(ContentType.JSON).body(batch(5))
                .post("/api/v1/articles/batch").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(202, 202, 429, 429, 429), second.getList("items.status"));
    }

    @Test
    void anArticleLargerThanItsLimitIsRefusedUnread() throws Exception {
        String large = "{\"title\":\"Trop long\",\"body\":\"" + "a".repeat(60_000) + "\"}";
        given().header("X-API-Key", "size-key").contentType(ContentType.JSON).body(large).post("/api/v1/articles")
                .then().statusCode(413).contentType("application/problem+json");
        // Without a declared length, a single article is not read at all.
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(articles)
                        .header("X-API-Key", "size-key").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                                "{\"title\":\"t\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(411, chunked.statusCode(), chunked.body());
    }

    @Test
    void aBatchStopsAtItsFirstItemTooLargeOrPastItsCount() {
        String lines = "{\"title\":\"Premier\",\"body\":\"« Oui », dit-elle.\"}\n"
                + "{\"title\":\"Énorme\",\"body\":\"" + "a".repeat(60_000) + "\"}\n";
        given().header("X-API-Key", "stop-key").contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/batch")
                .then().statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("[1]"));
        given().header("X-API-Key", "stop-key").contentType(ContentType.JSON).body(batch(6)).post("/api/v1/articles/batch")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aRecordTheBrokerWouldRefuseIs413NotARetry() {
        // 3,900 control characters: 3,900 bytes of body (under its limit), 23,400 once JSON-escaped, over the
        // producer's 20,000.
        String body = "\u0001".repeat(3_900);
        given().header("X-API-Key", "record-key").contentType(ContentType.JSON).body(Map.of("title", "Échappé " + UUID.randomUUID(), "body", body))
                .post("/api/v1/articles")
                .then().statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    private static String batch(int items) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < items; i++) {
            json.append(i == 0 ? "" : ",").append("{\"title\":\"Lot ").append(UUID.randomUUID())
                    .append("\",\"body\":\"« Oui », dit-elle.\"}");
        }
        return json.append("]").toString();
    }
}
