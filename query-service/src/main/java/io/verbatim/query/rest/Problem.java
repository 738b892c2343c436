package io.verbatim.query.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * RFC 9457 problem details, the body of every error this service returns: {@code instance} is the request
 * path and {@code errors} names each parameter at fault. ingest-service answers the same shape (with
 * {@code field} in place of {@code parameter}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<InvalidParameter> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One query or path parameter the client must fix. */
    public record InvalidParameter(String parameter, String message) {
    }

    public static Response response(int status, String title, String detail, String instance,
                                    List<InvalidParameter> errors) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, instance, errors)).build();
    }
}
