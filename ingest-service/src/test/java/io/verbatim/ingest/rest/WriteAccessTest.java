package io.verbatim.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.verbatim.ingest.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Writes need a key: the test profile accepts "test-key" and "second-key" and has revoked "old-key". */
@QuarkusTest
class WriteAccessTest {

    private static final Map<String, String> ARTICLE = Map.of("title", "Clé", "body", "Un article bien autorisé.");

    @Test
    void withoutAKeyIs401() {
        given().contentType(ContentType.JSON).body(ARTICLE).post("/api/v1/articles")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void anUnknownKeyIs401() {
        given().header("X-API-Key", "guess").contentType(ContentType.JSON).body(ARTICLE).post("/api/v1/articles")
                .then().statusCode(401);
    }

    @Test
    void aRevokedKeyIs403() {
        given().header("X-API-Key", "old-key").contentType(ContentType.JSON).body(ARTICLE).post("/api/v1/articles")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void bearerAndSecondKeysAreAccepted() {
        given().header("Authorization", "Bearer second-key").contentType(ContentType.JSON).body(ARTICLE)
                .post("/api/v1/articles")
                .then().statusCode(202).body("id", notNullValue());
    }

    @Test
    void theKeyIsCheckedBeforeTheBodyIsRead() {
        given().contentType(ContentType.JSON).body("{not even json").post("/api/v1/articles")
                .then().statusCode(401);
    }

    @Test
    void healthNeedsNoKeyAndIsOnlyOnTheManagementPort() {
        management().get("/q/health/live").then().statusCode(200);
        // Health, metrics and OpenAPI are on the management port only, and Swagger UI is off outside dev mode.
        for (String path : new String[]{"/q/health/live", "/q/openapi", "/q/metrics", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(404);
        }
        management().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("Verbatim ingest API"));
    }
}
