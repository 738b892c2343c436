package io.verbatim.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.security.AuthenticationThrottledException;
import io.verbatim.ingest.security.WriteKeys;
import io.verbatim.ingest.service.ArticleRejectedException;
import io.verbatim.ingest.service.BrokerUnavailableException;
import io.verbatim.ingest.service.FieldError;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Maps every failure to problem+json, naming the field at fault and never leaking internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    IngestConfig config;

    @Inject
    WriteKeys keys;

    /** A problem about the request at {@code uri}; {@code errors} is left out when empty. */
    static Response problem(UriInfo uri, int status, String title, String detail, List<FieldError> errors,
                            Object... headers) {
        Response.ResponseBuilder response = Problem.of(status, title, detail, path(uri), errors).toResponse();
        for (int i = 0; i < headers.length; i += 2) {
            response.header((String) headers[i], headers[i + 1]);
        }
        return response.build();
    }

    /** No key, or a key no one was given. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response keyRequired(RuntimeException e, UriInfo uri) {
        String detail = keys.noneConfigured()
                ? "This service has no API key configured (VERBATIM_API_KEYS): writes are closed."
                : "Send a valid key as X-API-Key: <key> or Authorization: Bearer <key>.";
        return problem(uri, 401, "API key required", detail, List.of(), HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @ServerExceptionMapper
    public Response throttled(AuthenticationThrottledException e, UriInfo uri) {
        return problem(uri, 429, "Too many failed authentications",
                "This address sent too many wrong keys; wait before trying again.", List.of(),
                HttpHeaders.RETRY_AFTER, seconds(e.waitMillis()));
    }

    /** A key that is known but revoked: the only identity without the writer role. */
    @ServerExceptionMapper
    public Response revoked(ForbiddenException e, UriInfo uri) {
        return problem(uri, 403, "API key revoked", "Ask for a new key.", List.of());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return problem(uri, 400, "Invalid article", "The request breaks " + errors.size() + " rule(s).", errors);
    }

    @ServerExceptionMapper
    public Response rejected(ArticleRejectedException e, UriInfo uri) {
        return problem(uri, e.status(), e.getMessage(), e.detail(), e.errors());
    }

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e, UriInfo uri) {
        return problem(uri, 503, "Message broker unavailable",
                "The article was not stored; retry later with the same content (it keeps its id).", List.of(),
                HttpHeaders.RETRY_AFTER, Math.max(1, config.retryAfter().toSeconds()));
    }

    /** Jackson's own mapper for type mismatches answers plain JSON; this one answers a problem naming the field. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return problem(uri, 400, "Malformed JSON", null, List.of(new FieldError(jsonPathOf(e), readableCause(e))));
    }

    /** The body reader wraps what Jackson could not read; every other HTTP failure keeps its status and headers. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        Response problem = problem(uri, status.getStatusCode(), status.getReasonPhrase(), null, List.of());
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected failure", e);
        return problem(uri, 500, "Internal error", "The failure was logged.", List.of());
    }

    /** The problem's {@code instance}: the path the client asked for. */
    static String path(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }

    /** Retry-After in whole seconds, at least one. */
    static long seconds(long waitMillis) {
        return Math.max(1, (waitMillis + 999) / 1000);
    }

    /** "submit.article.authors[1].<list element>" → "authors[1]"; a bare parameter (a header) keeps its name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY -> field.append(field.isEmpty() ? "" : ".").append(node.getName());
                case CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
                default -> {
                }
            }
        }
        return field.isEmpty() ? parameter : field.toString();
    }

    static String jsonPathOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        return "body";
    }

    /** What the client must fix, in the client's terms: no Java type or exception name. */
    static String readableCause(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
                return "must be an ISO-8601 date-time with offset, e.g. 2025-06-12T14:30:00+02:00";
            }
            if (target == String.class) {
                return "must be a string";
            }
            if (java.util.Collection.class.isAssignableFrom(target)) {
                return "must be an array of strings";
            }
            return "must be a JSON object with the article's fields";
        }
        if (e.getLocation() != null) {
            return "is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return "is not valid JSON";
    }
}
