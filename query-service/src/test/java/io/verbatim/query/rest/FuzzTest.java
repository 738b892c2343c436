package io.verbatim.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.verbatim.query.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile query parameters (SQL-looking, absurd sizes and dates, tsquery syntax, control characters), seeded:
 * every answer is a 2xx or a 4xx problem+json, never a 5xx nor a stack trace; the service stays healthy.
 */
@QuarkusTest
class FuzzTest {

    private static final List<String> NASTY = List.of("'; DROP TABLE article; --", "1 OR 1=1", "%", "_", "\\",
            "!!&|:*()<->", "' OR ''='", "NaN", "-1", "0", "99999999999999999999", "1e9", "2025-02-30", "9999-99-99",
            "2025-06-12T25:61:00Z", "", " ", "é🎉مرحبا", "\u0000", "\u202e", "<script>alert(1)</script>",
            "a".repeat(2_000), "ZGF0ZR8xHzI", "cXVvdGUfLTk5OTk5OTk5OTk5OTk5OTk5OTkfeA", "null", "[]", "{}", "true", "PER", "MISC", "per");

    @Test
    void hostileParametersNeverBreakTheService() {
        Random random = new Random(7);
        List<String> listParameters = List.of("q", "entity", "speaker", "from", "to", "source", "cursor", "size",
                "type", "sort", "language", "entityType", "quoteType");
        for (String path : List.of("/api/v1/articles", "/api/v1/entities", "/api/v1/quotes", "/api/v1/speakers",
                "/api/v1/entities/top", "/api/v1/speakers/1/quotes", "/api/v1/entities/1/cooccurring")) {
            for (String value : NASTY) {
                for (String parameter : listParameters) {
                    check(given().queryParam(parameter, value).get(path));
                }
            }
            for (int i = 0; i < 100; i++) {
                Map<String, String> params = new java.util.HashMap<>();
                for (String parameter : listParameters) {
                    if (random.nextBoolean()) {
                        // Together, several 2,000-character values would pass the request-line limit (16 KiB).
                        params.put(parameter, NASTY.get(random.nextInt(NASTY.size() - 1) + 1).replace("a".repeat(2_000), "a"));
                    }
                }
                check(given().queryParams(params).get(path));
            }
        }
        for (String value : NASTY) {
            if (!value.isBlank()) {
                String segment = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
                check(given().urlEncodingEnabled(false).get("/api/v1/articles/" + segment));
                check(given().urlEncodingEnabled(false).get("/api/v1/entities/" + segment));
                check(given().urlEncodingEnabled(false).get("/api/v1/speakers/" + segment));
                check(given().urlEncodingEnabled(false).get("/api/v1/entities/" + segment + "/timeline"));
            }
        }
        management().get("/q/health/ready").then().statusCode(200);
    }

    private static void check(Response response) {
        int status = response.statusCode();
        String body = response.asString();
        assertTrue(status < 500, () -> "status " + status + ": " + body);
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("org.hibernate")
                || body.contains("SQL"), () -> "internals leaked: " + body);
        if (status >= 400) {
            assertEquals("application/problem+json", response.contentType().split(";")[0], () -> status + " " + body);
        }
    }
}
