package io.verbatim.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ArticleBatchResourceTest {

    @Test
    void oneBadItemDoesNotSinkTheBatch() {
        String run = UUID.randomUUID().toString();
        List<Object> batch = List.of(
                Map.of("title", "Premier " + run, "body", "Le maire a annoncé la fin des travaux."),
                Map.of("title", "", "body", "Sans titre"),
                "pas un article",
                Map.of("title", "Troisième " + run, "body", "La préfète a indiqué que la route rouvrira lundi."));
        Api.client().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/articles/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(2))
                .body("items.status", contains(202, 400, 400, 202))
                .body("items[0].id", notNullValue())
                .body("items[1].id", nullValue())
                .body("items[1].errors.field", hasItem("title"));
    }

    @Test
    void ndjsonLinesAreItems() {
        String run = UUID.randomUUID().toString();
        String lines = "{\"title\":\"A " + run + "\",\"body\":\"Texte A\"}\n\n{oops\n{\"title\":\"B " + run
                + "\",\"body\":\"Texte B\"}\n";
        Api.client().config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)))
                .contentType("application/x-ndjson").body(lines)
                .when().post("/api/v1/articles/batch")
                .then().statusCode(200)
                .body("items.status", contains(202, 400, 202));
    }

    @Test
    void anObjectIsNotABatch() {
        Api.client().contentType(ContentType.JSON).body(Map.of("title", "t", "body", "b"))
                .post("/api/v1/articles/batch")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void batchOverTheLimitIs413() {
        // The test profile allows 5 items.
        List<Map<String, String>> batch = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> Map.of("title", "t" + i, "body", "b")).toList();
        Api.client().contentType(ContentType.JSON).body(batch)
                .post("/api/v1/articles/batch")
                .then().statusCode(413);
    }
}
