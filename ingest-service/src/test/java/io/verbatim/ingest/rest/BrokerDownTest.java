package io.verbatim.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** With no broker listening, ingest must refuse with 503 rather than pretend the article was stored. */
@QuarkusTest
@TestProfile(BrokerDownTest.NoBroker.class)
class BrokerDownTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1",
                    "verbatim.ingest.publish-timeout", "3s",
                    // The producer's reconnection warnings are the expected condition here.
                    "quarkus.log.category.\"org.apache.kafka.clients\".level", "ERROR");
        }
    }

    @Test
    void unreachableBrokerIs503WithRetryAfter() {
        Api.client().contentType(ContentType.JSON).body(Map.of("title", "Perdu ?", "body", "Jamais 202 sans Kafka."))
                .when().post("/api/v1/articles")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503));
    }
}
