package io.verbatim.query.rest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The limits that keep one reader from taking query-service for itself: a rate per client (its read key, else
 * its address as the ingress reports it), a cap on live streams per client and per server, and a statement
 * timeout that cancels a slow query and answers 503.
 */
@QuarkusTest
@TestProfile(ReadLimitsTest.Limits.class)
class ReadLimitsTest {

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A bucket that does not refill during the test: its outcome does not depend on the machine's speed.
            return Map.of("verbatim.query.rate-limit-per-second", "0.001", "verbatim.query.rate-limit-burst", "30",
                    "verbatim.query.client-address-header", "X-Real-IP",
                    "verbatim.query.api-keys", "reader-key",
                    "verbatim.query.stream-max-connections", "3", "verbatim.query.stream-max-per-client", "2",
                    "verbatim.query.stream-heartbeat", "1s",
                    "quarkus.datasource.jdbc.new-connection-sql", "SET statement_timeout = '500ms'");
        }
    }

    @TestHTTPResource("/api/v1/stream/articles")
    URI stream;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachClientHasItsOwnRate() {
        String address = address();
        for (int i = 0; i < 30; i++) {
            given().header("X-Real-IP", address).get("/api/v1/entities").then().statusCode(200);
        }
        given().header("X-Real-IP", address).get("/api/v1/entities")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        given().header("X-Real-IP", address).get("/api/v1/stream/articles").then().statusCode(429);
        // Another address, or the same one with a read key, has a bucket of its own; an unknown key does not.
        given().header("X-Real-IP", address()).get("/api/v1/entities").then().statusCode(200);
        given().header("X-Real-IP", address).header("X-API-Key", "reader-key").get("/api/v1/entities").then().statusCode(200);
        given().header("X-Real-IP", address).header("X-API-Key", "made-up-" + UUID.randomUUID()).get("/api/v1/entities")
                .then().statusCode(429);
    }

    @Test
    void liveStreamsAreCappedPerClientAndPerServer() throws Exception {
        String first = address();
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            open.add(connect(first));
            open.add(connect(first));
            HttpResponse<InputStream> third = connect(first);
            assertEquals(429, third.statusCode());
            assertEquals("application/problem+json", third.headers().firstValue("Content-Type").orElse(""));
            third.body().close();

            open.add(connect(address()));
            HttpResponse<InputStream> full = connect(address());
            assertEquals(503, full.statusCode());
            full.body().close();

            // A closed stream frees its place (the server notices the disconnection at its next keep-alive).
            open.remove(0).body().close();
            HttpResponse<InputStream> again = awaitStream(first);
            open.add(again);
        } finally {
            for (HttpResponse<InputStream> response : open) {
                response.body().close();
            }
        }
    }

    @Test
    void aSlowQueryIsCancelledAndAnswered503() throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             Statement statement = db.createStatement()) {
            db.setAutoCommit(false);
            // Held until rollback: every read of article waits for it, longer than the statement timeout.
            statement.execute("LOCK TABLE article IN ACCESS EXCLUSIVE MODE");
            given().header("X-Real-IP", address()).get("/api/v1/articles")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("title", equalTo("Query too slow")).header("Retry-After", notNullValue());
            db.rollback();
        }
        given().header("X-Real-IP", address()).get("/api/v1/articles").then().statusCode(200);
    }

    private HttpResponse<InputStream> connect(String address) throws Exception {
        return http.send(HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").header("X-Real-IP", address)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpResponse<InputStream> awaitStream(String address) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            HttpResponse<InputStream> response = connect(address);
            if (response.statusCode() == 200 || System.nanoTime() > deadline) {
                assertEquals(200, response.statusCode(), "the closed stream's place was never freed");
                return response;
            }
            response.body().close();
            Thread.sleep(500);
        }
    }

    /** A fresh client address, so that each test starts with a full bucket. */
    private static String address() {
        java.util.Random random = new java.util.Random();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
