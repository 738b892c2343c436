package io.verbatim.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every link of the reading interface's navigation leads somewhere: a view of app.js, or a page this service
 * serves (an "API" link to Swagger UI, which only dev mode serves, answered 404 in the packaged service).
 * deploy/e2e BrowserIT follows them in a browser.
 */
@QuarkusTest
class NavigationTest {

    @Test
    void everyLinkOfTheNavigationLeadsSomewhere() {
        String index = given().get("/").then().statusCode(200).extract().asString();
        String app = given().get("/app.js").then().statusCode(200).extract().asString();
        Matcher link = Pattern.compile("href=\"([^\"]*)\"").matcher(index.substring(index.indexOf("<nav"), index.indexOf("</nav>")));
        int links = 0;
        while (link.find()) {
            links++;
            String href = link.group(1);
            if (href.startsWith("#/")) {
                String view = href.substring(2).split("[/?]", 2)[0];
                assertTrue(view.isEmpty() || app.contains(" " + view + ": "), href + " is no view of app.js");
            } else {
                given().get("/" + href).then().statusCode(200);
            }
        }
        assertTrue(links >= 3, "the navigation has " + links + " links");
    }
}
