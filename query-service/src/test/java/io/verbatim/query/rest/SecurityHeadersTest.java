package io.verbatim.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The reading interface and the API send their security policy as HTTP headers, which a page cannot drop. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/index.html", "/app.js", "/api/v1/entities", "/api/v1/articles/nope", "/nothing-here")) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
    }
}
