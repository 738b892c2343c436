package io.verbatim.ingest.rest;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Requests as an authorised client (the test profile accepts the key "test-key"). */
final class Api {

    static final String KEY = "test-key";

    private Api() {
    }

    static RequestSpecification client() {
        return given().header("X-API-Key", KEY);
    }
}
