package io.verbatim.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.verbatim.query.ManagementInterface.management;
import static io.restassured.RestAssured.given;

/** When reading is switched to require a key, /api answers 401 without one; health stays open. */
@QuarkusTest
@TestProfile(ReadAccessTest.Closed.class)
class ReadAccessTest {

    public static class Closed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("verbatim.query.require-api-key", "true", "verbatim.query.api-keys", "reader-key",
                    "verbatim.query.revoked-api-keys", "old-key");
        }
    }

    @Test
    void keyIsRequiredToRead() {
        given().get("/api/v1/articles").then().statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", "nope").get("/api/v1/articles").then().statusCode(401);
        given().header("X-API-Key", "reader-key").get("/api/v1/articles").then().statusCode(200);
        given().header("Authorization", "Bearer reader-key").get("/api/v1/quotes").then().statusCode(200);
        management().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aRevokedKeyIsRefused() {
        given().header("X-API-Key", "old-key").get("/api/v1/articles")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer old-key").get("/api/v1/stream/articles").then().statusCode(403);
    }
}
