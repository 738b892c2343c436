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
        LOG.error("unexpected failure", e);
        return Problem.response(500, "Internal error", "The failure was logged.", null);
    }
}
