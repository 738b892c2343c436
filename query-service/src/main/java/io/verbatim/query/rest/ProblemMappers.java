package io.verbatim.query.rest;

import io.verbatim.query.service.BadParameterException;
import io.verbatim.query.service.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(404, "Not found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return Problem.response(400, "Invalid parameter", e.parameter() + " " + e.getMessage(), e.parameter());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() == 404) {
            return Problem.response(404, "Not found", "No such resource", null);
        }
        return Problem.response(status.getStatusCode(), status.getReasonPhrase(), null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (databaseUnreachable(e)) {
            LOG.warnf("database unreachable: %s", e.getMessage());
            return Response.fromResponse(Problem.response(503, "Database unavailable", "Retry shortly.", null))
                    .header("Retry-After", 5).build();
        }
        LOG.error("unexpected failure", e);
        return Problem.response(500, "Internal error", "The failure was logged.", null);
    }
}
