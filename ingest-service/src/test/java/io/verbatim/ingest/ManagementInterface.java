package io.verbatim.ingest;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import static io.restassured.RestAssured.given;

/** Requests to the management interface (health, metrics, OpenAPI), which listens on a port of its own. */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    public static RequestSpecification management() {
        return given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
    }
}
