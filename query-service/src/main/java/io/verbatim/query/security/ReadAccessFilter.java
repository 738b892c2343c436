package io.verbatim.query.security;

import io.verbatim.query.config.QueryConfig;
import io.verbatim.query.rest.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/**
 * Every request to /api: a revoked key gets 403; with verbatim.query.require-api-key=true, a request without
 * one of the read keys gets 401; past its rate, a client (its key, else its address) gets 429 with
 * Retry-After. Keys are compared as SHA-256 digests in constant time.
 */
public class ReadAccessFilter {

    /** The configuration, through a bean: filters are created before config mappings can be injected into them. */
    @ApplicationScoped
    public static class ReadKeys {

        @Inject
        QueryConfig config;

        QueryConfig config() {
            return config;
        }
    }

    @Inject
    ReadKeys keys;

    @Inject
    Clients clients;

    @Inject
    ReadRateLimiter limiter;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authorize(ContainerRequestContext request, HttpServerRequest connection) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        QueryConfig config = keys.config();
        String key = Clients.presentedKey(request::getHeaderString);
        if (key != null && Clients.among(key, config.revokedApiKeys().orElse(List.of()))) {
            return Optional.of(Problem.response(403, "API key revoked", "Ask for a new key.", path(request), List.of()));
        }
        if (config.requireApiKey() && (key == null || !Clients.among(key, config.apiKeys().orElse(List.of())))) {
            Response problem = Problem.response(401, "API key required",
                    "Send a valid read key as X-API-Key: <key> or Authorization: Bearer <key>.", path(request), List.of());
            return Optional.of(Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
        }
        String client = clients.identify(request::getHeaderString, String.valueOf(connection.remoteAddress().hostAddress()));
        long waitMillis = limiter.acquire(client);
        if (waitMillis > 0) {
            Response problem = Problem.response(429, "Too many requests",
                    "Slow down: this client's rate limit is reached.", path(request), List.of());
            return Optional.of(Response.fromResponse(problem)
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, (waitMillis + 999) / 1000)).build());
        }
        return Optional.empty();
    }

    private static String path(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getRawPath();
    }
}
