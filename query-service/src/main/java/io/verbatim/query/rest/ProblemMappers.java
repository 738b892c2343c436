package io.verbatim.query.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.verbatim.query.service.BadParameterException;
import io.verbatim.query.service.NotFoundException;
import io.verbatim.query.service.StreamLimitException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Every failure as problem+json; internals are logged, never returned. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** A lost connection (SQL state class 08) or an exhausted wait for one: the client may retry. */
    private static boolean databaseUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || sql instanceof java.sql.SQLTransientConnectionException
                    || String.valueOf(sql.getMessage()).contains("acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }

    /** Cancelled by statement_timeout (SQL state 57014): the query cost more than a request may. */
    private static boolean tooSlow(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Past the live-stream cap: 503 when this replica is full (another may take it), 429 when the client is. */
    @ServerExceptionMapper
    public Response streamLimit(StreamLimitException e, UriInfo uri) {
        Response problem = e.global()
                ? Problem.response(503, "Too many live streams", "Retry later: " + e.getMessage() + ".", path(uri), List.of())
                : Problem.response(429, "Too many live streams", "Close one first: " + e.getMessage() + ".", path(uri), List.of());
        return Response.fromResponse(problem).header("Retry-After", e.global() ? 30 : 5).build();
    }

    /** No key where reading needs one, or a key that is not a read key. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response keyRequired(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(Problem.response(401, "API key required",
                        "Send a valid read key as X-API-Key: <key> or Authorization: Bearer <key>.", path(uri), List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** A key that is known but revoked: the only identity without the reader role. */
    @ServerExceptionMapper
    public Response revoked(ForbiddenException e, UriInfo uri) {
        return Problem.response(403, "API key revoked", "Ask for a new key.", path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Problem.response(404, "Not found", e.getMessage(), path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e, UriInfo uri) {
        return Problem.response(400, "Invalid parameter", e.parameter() + " " + e.getMessage(), path(uri),
                List.of(new Problem.InvalidParameter(e.parameter(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() == 404) {
            return Problem.response(404, "Not found", "No such resource", path(uri), List.of());
        }
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), null, path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (tooSlow(e)) {
            LOG.warnf("query cancelled after the statement timeout: %s", e.getMessage());
            return Response.fromResponse(Problem.response(503, "Query too slow",
                            "The query took longer than this service allows and was cancelled; narrow it or retry later.",
                            path(uri), List.of()))
                    .header("Retry-After", 5).build();
        }
        if (databaseUnreachable(e)) {
            LOG.warnf("database unreachable: %s", e.getMessage());
            return Response.fromResponse(Problem.response(503, "Database unavailable", "Retry shortly.", path(uri), List.of()))
                    .header("Retry-After", 5).build();
        }
        LOG.error("unexpected failure", e);
        return Problem.response(500, "Internal error", "The failure was logged.", path(uri), List.of());
    }

    /** The problem's {@code instance}: the path the client asked for. */
    static String path(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }
}
