package io.verbatim.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.notNullValue;

/** A client past its rate gets 429 with Retry-After, and its problem body. */
@QuarkusTest
@TestProfile(RateLimitTest.Slow.class)
class RateLimitTest {

    public static class Slow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("verbatim.ingest.rate-limit-per-second", "0.2", "verbatim.ingest.rate-limit-burst", "3");
        }
    }

    @Test
    void burstThenTooManyRequests() {
        for (int i = 0; i < 3; i++) {
            Api.client().contentType(ContentType.JSON).body(Map.of("title", "t" + i, "body", "rafale " + i))
                    .post("/api/v1/articles").then().statusCode(202);
        }
        Api.client().contentType(ContentType.JSON).body(Map.of("title", "t3", "body", "rafale 3"))
                .post("/api/v1/articles")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
    }
}
