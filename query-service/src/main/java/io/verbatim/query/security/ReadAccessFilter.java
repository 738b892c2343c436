package io.verbatim.query.security;

import io.verbatim.query.config.QueryConfig;
import io.verbatim.query.rest.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Reading is open by default. With verbatim.query.require-api-key=true, /api needs a key (X-API-Key or
 * Authorization: Bearer), compared as SHA-256 digests in constant time.
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

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authorize(ContainerRequestContext request) {
        QueryConfig config = keys.config();
        if (!config.requireApiKey() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        String key = request.getHeaderString("X-API-Key");
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7);
        }
        if (key != null && isValid(key.strip(), config)) {
            return Optional.empty();
        }
        Response problem = Problem.response(401, "API key required",
                "Send a valid key as X-API-Key: <key> or Authorization: Bearer <key>.",
                request.getUriInfo().getRequestUri().getRawPath(), List.of());
        return Optional.of(Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }

    private static boolean isValid(String key, QueryConfig config) {
        byte[] presented = digest(key);
        boolean valid = false;
        for (String candidate : config.apiKeys().orElse(List.of())) {
            valid |= !candidate.isBlank() && MessageDigest.isEqual(digest(candidate.strip()), presented);
        }
        return valid;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
