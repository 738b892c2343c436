package io.verbatim.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Dates and cursors that Java parses but month arithmetic or PostgreSQL cannot take (extended years, times far
 * outside the calendar) are answered 400 naming the parameter, never 500.
 */
@QuarkusTest
class ExtremeParameterTest {

    private static final List<String> DATED_PATHS = List.of("/api/v1/articles", "/api/v1/quotes", "/api/v1/speakers",
            "/api/v1/speakers/1", "/api/v1/speakers/1/quotes", "/api/v1/entities/top", "/api/v1/entities/1/cooccurring",
            "/api/v1/entities/1/timeline");

    private static final List<String> EXTREME_DATES = List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "-0001-06-01T00:00:00+02:00");

    @Test
    void extremeDatesAreRejectedByName() {
        for (String path : DATED_PATHS) {
            for (String date : EXTREME_DATES) {
                for (String parameter : List.of("from", "to")) {
                    given().queryParam(parameter, date).get(path)
                            .then().statusCode(400).contentType("application/problem+json")
                            .body("errors[0].parameter", equalTo(parameter));
                }
            }
        }
    }

    @Test
    void theWidestValidDatesStillWork() {
        given().queryParam("from", "0001-01-01").queryParam("to", "9999-12-31").get("/api/v1/speakers").then().statusCode(200);
        given().queryParam("from", "0001-01-01T00:00:00Z").queryParam("to", "9999-12-31T23:59:59Z").get("/api/v1/articles")
                .then().statusCode(200);
    }

    @Test
    void cursorsWithTimesOutsideTheCalendarAreRejected() {
        String id = UUID.randomUUID().toString();
        for (String micros : List.of(Long.toString(Long.MAX_VALUE), Long.toString(Long.MIN_VALUE),
                "9223372036854775807", "-62135596800000001", "253402300800000001", "9999999999999999999")) {
            given().queryParam("sort", "date").queryParam("cursor", cursor("date", micros, id)).get("/api/v1/articles")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].parameter", equalTo("cursor"));
            given().queryParam("q", "tramway").queryParam("cursor", cursor("relevance", "0.5", micros, id)).get("/api/v1/articles")
                    .then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
            given().queryParam("cursor", cursor("quote", micros, "12")).get("/api/v1/quotes")
                    .then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
        }
    }

    private static String cursor(String kind, String... values) {
        String joined = kind + "\u001f" + String.join("\u001f", values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }
}
