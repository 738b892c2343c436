package io.verbatim.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.verbatim.ingest.service.FieldError;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * RFC 9457 problem details, the body of every error this service returns: {@code instance} is the request
 * path and {@code errors} names each field at fault. query-service answers the same shape (with
 * {@code parameter} in place of {@code field}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, String instance, List<FieldError> errors) {
        return new Problem("about:blank", title, status, detail, instance, errors);
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
