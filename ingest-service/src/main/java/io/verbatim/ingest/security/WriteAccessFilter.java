package io.verbatim.ingest.security;

import io.verbatim.ingest.rest.Problem;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/**
 * Every write under /api needs an API key, as {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>}:
 * 401 without a valid one, 403 for a revoked one, 429 with Retry-After past the client's rate or after too
 * many failed keys from its address. Then the body must fit: a single article declares its length (411
 * without, 413 past verbatim.ingest.max-article-bytes), and every body reserves its share of the heap (503
 * when the pod is already reading as much as it may). All of it before a byte of the body is read.
 */
public class WriteAccessFilter {

    private static final String BATCH_PATH = "/api/v1/articles/batch";

    @Inject
    ApiKeys keys;

    @Inject
    ClientRateLimiter limiter;

    @Inject
    FailedAuthThrottle failedAuth;

    @Inject
    BodyMemoryBudget memory;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authorize(ContainerRequestContext request, RoutingContext routing) {
        if (!request.getMethod().equals("POST") || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        String address = failedAuth.address(request::getHeaderString,
                String.valueOf(routing.request().remoteAddress().hostAddress()));
        long authWait = failedAuth.waitBeforeTrying(address);
        if (authWait > 0) {
            return Optional.of(tooMany(request, "Too many failed authentications",
                    "This address sent too many wrong keys; wait before trying again.", authWait));
        }
        String key = presentedKey(request);
        switch (keys.check(key)) {
            case MISSING, UNKNOWN -> {
                if (key != null) {
                    failedAuth.failed(address);
                }
                String detail = keys.noneConfigured()
                        ? "This service has no API key configured (VERBATIM_API_KEYS): writes are closed."
                        : "Send a valid key as X-API-Key: <key> or Authorization: Bearer <key>.";
                return Optional.of(Response.fromResponse(
                                Problem.of(401, "API key required", detail, path(request), List.of()).toResponse().build())
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            }
            case REVOKED -> {
                failedAuth.failed(address);
                return Optional.of(Problem.of(403, "API key revoked", "Ask for a new key.", path(request), List.of()).toResponse().build());
            }
            default -> {
            }
        }
        long waitMillis = limiter.acquire(ApiKeys.clientId(key));
        if (waitMillis > 0) {
            return Optional.of(tooMany(request, "Too many requests", "Slow down: this client's rate limit is reached.", waitMillis));
        }
        return reserveMemory(request, routing);
    }

    private Optional<Response> reserveMemory(ContainerRequestContext request, RoutingContext routing) {
        boolean batch = request.getUriInfo().getPath().equals(BATCH_PATH);
        long length = request.getLength();
        if (!batch && length < 0) {
            return Optional.of(Problem.of(411, "Length required",
                    "Send the article with a Content-Length; batches may be streamed.", path(request), List.of())
                    .toResponse().build());
        }
        if (!batch && length > memory.maxArticleBytes()) {
            return Optional.of(Problem.of(413, "Article too large", "An article's JSON may take at most "
                    + memory.maxArticleBytes() + " bytes.", path(request), List.of()).toResponse().build());
        }
        int reserved = memory.tryReserve(memory.cost(length, batch));
        if (reserved < 0) {
            return Optional.of(Problem.of(503, "Busy", "This instance is reading as many articles as its memory allows;"
                            + " retry shortly.", path(request), List.of())
                    .toResponse().header(HttpHeaders.RETRY_AFTER, 1).build());
        }
        // Released when the response is done, however it ends (sent, failed, connection closed).
        routing.addEndHandler(done -> memory.release(reserved));
        return Optional.empty();
    }

    private static Response tooMany(ContainerRequestContext request, String title, String detail, long waitMillis) {
        return Problem.of(429, title, detail, path(request), List.of()).toResponse()
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, (waitMillis + 999) / 1000)).build();
    }

    private static String path(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getRawPath();
    }

    /** The key sent as X-API-Key or Authorization: Bearer, or null. */
    public static String presentedKey(ContainerRequestContext request) {
        return presentedKey(request.getHeaderString("X-API-Key"), request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    public static String presentedKey(String apiKeyHeader, String authorization) {
        if (apiKeyHeader != null) {
            return apiKeyHeader;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7);
        }
        return null;
    }
}
