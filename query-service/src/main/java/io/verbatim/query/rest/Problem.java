package io.verbatim.query.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details: the body of every error; {@code parameter} names the query parameter at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String parameter) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail, String parameter) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, parameter)).build();
    }
}
