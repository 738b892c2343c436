package io.verbatim.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.verbatim.query.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** On the real PostgreSQL, with the schema built from analysis-service's migrations. */
@QuarkusTest
class QueryApiTest {

    @Inject
    Fixtures fixtures;

    @Test
    void articleDetailHasMentionsAndQuotesWithOffsetsIntoTheBody() {
        Fixtures.Stored a = fixtures.article("Engagements tenus", "2025-06-12T10:00:00Z");
        given().get("/api/v1/articles/{id}", a.articleId())
                .then().statusCode(200)
                .body("title", equalTo("Engagements tenus"))
                .body("entities.text", contains("Claire Morel", "Lyon", "Morel"))
                .body("entities[2].entity.name", equalTo(a.speakerName()))
                .body("quotes[0].text", equalTo("Nous tiendrons nos engagements"))
                .body("quotes[0].speaker.id", equalTo((int) a.speakerId()))
                .body("quotes[0].speakerMention.text", equalTo("Mme Morel"))
                .body("quotes[0].cue", equalTo("déclarer"));
    }

    @Test
    void articleReadsAsTextWithQuotesAndSpeakers() {
        Fixtures.Stored a = fixtures.article("En texte", "2025-06-12T10:00:00Z");
        given().accept("text/plain").get("/api/v1/articles/{id}", a.articleId())
                .then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("« Nous tiendrons nos engagements »"))
                .body(org.hamcrest.Matchers.containsString("— " + a.speakerName() + ", ministre  [direct, déclarer]"));
    }

    @Test
    void listFiltersCombineAndNewestComesFirst() {
        Fixtures.Stored older = fixtures.article("Ancien", "2025-01-01T10:00:00Z");
        Fixtures.Stored newer = fixtures.article("Récent", "2025-06-01T10:00:00Z");
        given().queryParam("source", newer.source()).get("/api/v1/articles")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(newer.articleId().toString()))
                .body("items[0].quoteCount", equalTo(1));
        given().queryParam("speaker", older.speakerId()).queryParam("from", "2024-12-31").queryParam("to", "2025-01-01")
                .get("/api/v1/articles")
                .then().statusCode(200).body("items.id", contains(older.articleId().toString()));
        given().queryParam("speaker", older.speakerId()).queryParam("from", "2025-02-01")
                .get("/api/v1/articles")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void fullTextSearchIsFrenchAware() {
        Fixtures.Stored a = fixtures.article("Engagement " + UUID.randomUUID(), "2025-03-01T10:00:00Z");
        // "engagement" matches "engagements" through the French stemmer.
        given().queryParam("q", "engagement").queryParam("source", a.source()).get("/api/v1/articles")
                .then().statusCode(200).body("items.id", hasItem(a.articleId().toString()));
    }

    @Test
    void entitiesAndQuotesAreSearchable() {
        Fixtures.Stored a = fixtures.article("Entités", "2025-04-01T10:00:00Z");
        given().queryParam("type", "per").queryParam("q", a.speakerName().substring(13)).get("/api/v1/entities")
                .then().statusCode(200).body("items[0].id", equalTo((int) a.speakerId()))
                .body("items[0].mentions", equalTo(2)).body("items[0].quotes", equalTo(1));
        given().get("/api/v1/entities/{id}", a.speakerId())
                .then().statusCode(200).body("aliases", hasItem(org.hamcrest.Matchers.startsWith("Morel ")))
                .body("quotes[0].text", equalTo("Nous tiendrons nos engagements"))
                .body("articles[0].id", equalTo(a.articleId().toString()));
        given().queryParam("speaker", a.speakerId()).get("/api/v1/quotes")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].articleTitle", equalTo("Entités"));
    }

    @Test
    void unknownIdsAre404Problems() {
        given().get("/api/v1/articles/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        for (String path : java.util.List.of("/api/v1/entities/999999999", "/api/v1/entities/999999999/cooccurring",
                "/api/v1/entities/999999999/timeline", "/api/v1/speakers/999999999", "/api/v1/speakers/999999999/quotes")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        given().get("/api/v1/articles/not-an-id").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("about:blank")).body("title", equalTo("Invalid parameter"))
                .body("status", equalTo(400)).body("instance", equalTo("/api/v1/articles/not-an-id"))
                .body("errors[0].parameter", equalTo("id")).body("errors[0].message", equalTo("must be an article id (UUID)"));
        given().queryParam("from", "hier").get("/api/v1/articles").then().statusCode(400).body("errors[0].parameter", equalTo("from"));
        given().queryParam("entity", "abc").get("/api/v1/articles").then().statusCode(400).body("errors[0].parameter", equalTo("entity"));
        given().queryParam("type", "PERSON").get("/api/v1/entities").then().statusCode(400).body("errors[0].parameter", equalTo("type"));
        given().queryParam("size", 0).get("/api/v1/quotes").then().statusCode(400).body("errors[0].parameter", equalTo("size"));
        given().queryParam("cursor", "not-a-cursor").get("/api/v1/quotes").then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
        given().queryParam("sort", "popularity").get("/api/v1/articles").then().statusCode(400).body("errors[0].parameter", equalTo("sort"));
        given().queryParam("sort", "relevance").get("/api/v1/articles").then().statusCode(400).body("errors[0].parameter", equalTo("sort"));
        given().queryParam("quoteType", "rumour").get("/api/v1/articles").then().statusCode(400).body("errors[0].parameter", equalTo("quoteType"));
        given().queryParam("from", "2025-02-01").queryParam("to", "2025-01-01").get("/api/v1/speakers")
                .then().statusCode(400).body("errors[0].parameter", equalTo("to"));
        given().get("/api/v1/speakers/abc").then().statusCode(400).body("errors[0].parameter", equalTo("id"));
    }

    @Test
    void pageSizeIsCapped() {
        given().queryParam("size", 100000).get("/api/v1/articles").then().statusCode(200).body("size", equalTo(100));
    }

    @Test
    void healthMetricsAndOpenApiAreOnlyOnTheManagementPort() {
        management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        management().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("Verbatim query API"));
        management().get("/q/metrics").then().statusCode(200);
        // None of it is on the public port, which the Ingress routes; nor is Swagger UI outside dev mode.
        for (String path : new String[]{"/q/health/ready", "/q/openapi", "/q/metrics", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(404);
        }
    }
}
