package io.verbatim.ingest.security;

import io.verbatim.ingest.rest.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/**
 * Every write under /api needs an API key, as {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>}:
 * 401 without a valid one, 403 for a revoked one, 429 with Retry-After past the client's rate. Runs before the
 * body is read.
 */
public class WriteAccessFilter {

    @Inject
    ApiKeys keys;

    @Inject
    ClientRateLimiter limiter;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authorize(ContainerRequestContext request) {
        if (!request.getMethod().equals("POST") || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        String key = presentedKey(request);
        switch (keys.check(key)) {
            case MISSING, UNKNOWN -> {
                String detail = keys.noneConfigured()
                        ? "This service has no API key configured (VERBATIM_API_KEYS): writes are closed."
                        : "Send a valid key as X-API-Key: <key> or Authorization: Bearer <key>.";
                return Optional.of(Response.fromResponse(
                                Problem.of(401, "API key required", detail, path(request), List.of()).toResponse().build())
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            }
            case REVOKED -> {
                return Optional.of(Problem.of(403, "API key revoked", "Ask for a new key.", path(request), List.of()).toResponse().build());
            }
            default -> {
            }
        }
        long waitMillis = limiter.acquire(ApiKeys.clientId(key));
        if (waitMillis > 0) {
            return Optional.of(Problem.of(429, "Too many requests", "Slow down: this client's rate limit is reached.",
                    path(request), List.of()).toResponse().header(HttpHeaders.RETRY_AFTER, Math.max(1, (waitMillis + 999) / 1000)).build());
        }
        return Optional.empty();
    }

    private static String path(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getRawPath();
    }

    private static String presentedKey(ContainerRequestContext request) {
        String header = request.getHeaderString("X-API-Key");
        if (header != null) {
            return header;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7);
        }
        return null;
    }
}
