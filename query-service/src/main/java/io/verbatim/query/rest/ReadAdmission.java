package io.verbatim.query.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.verbatim.query.security.ReadRateLimiter;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/**
 * Past its rate, a client (its read key, else its address: the principal of ReadKeyMechanism) gets 429 with
 * Retry-After. Runs once Quarkus Security has let the request through (every resource here is
 * {@code @RolesAllowed(READER)}, checked before any filter).
 */
public class ReadAdmission {

    @Inject
    SecurityIdentity reader;

    @Inject
    ReadRateLimiter limiter;

    @ServerRequestFilter
    public Optional<Response> admit(ContainerRequestContext request) {
        long waitMillis = limiter.acquire(reader.getPrincipal().getName());
        if (waitMillis == 0) {
            return Optional.empty();
        }
        Response problem = Problem.response(429, "Too many requests", "Slow down: this client's rate limit is reached.",
                request.getUriInfo().getRequestUri().getRawPath(), List.of());
        return Optional.of(Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, (waitMillis + 999) / 1000)).build());
    }
}
