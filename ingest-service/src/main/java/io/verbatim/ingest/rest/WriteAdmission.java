package io.verbatim.ingest.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.verbatim.ingest.security.BodyMemoryBudget;
import io.verbatim.ingest.security.ClientRateLimiter;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/**
 * What a write may cost, once Quarkus Security has let its key through (every resource here is
 * {@code @RolesAllowed(WRITER)}, checked before any filter) and before a byte of its body is read: 429 with
 * Retry-After past the client's rate; a single article declares its length (411 without, 413 past
 * verbatim.ingest.max-article-bytes), and every body reserves its share of the heap (503 when the pod is already
 * reading as much as it may).
 */
public class WriteAdmission {

    private static final String BATCH_PATH = "/api/v1/articles/batch";

    @Inject
    SecurityIdentity writer;

    @Inject
    ClientRateLimiter limiter;

    @Inject
    BodyMemoryBudget memory;

    @ServerRequestFilter
    public Optional<Response> admit(ContainerRequestContext request, RoutingContext routing) {
        long waitMillis = limiter.acquire(writer.getPrincipal().getName());
        if (waitMillis > 0) {
            return refuse(request, 429, "Too many requests", "Slow down: this client's rate limit is reached.",
                    HttpHeaders.RETRY_AFTER, ProblemMappers.seconds(waitMillis));
        }
        boolean batch = request.getUriInfo().getPath().equals(BATCH_PATH);
        long length = request.getLength();
        if (!batch && length < 0) {
            return refuse(request, 411, "Length required", "Send the article with a Content-Length; batches may be streamed.");
        }
        if (!batch && length > memory.maxArticleBytes()) {
            return refuse(request, 413, "Article too large",
                    "An article's JSON may take at most " + memory.maxArticleBytes() + " bytes.");
        }
        int reserved = memory.tryReserve(memory.cost(length, batch));
        if (reserved < 0) {
            return refuse(request, 503, "Busy", "This instance is reading as many articles as its memory allows;"
                    + " retry shortly.", HttpHeaders.RETRY_AFTER, 1);
        }
        // Released when the response is done, however it ends (sent, failed, connection closed).
        routing.addEndHandler(done -> memory.release(reserved));
        return Optional.empty();
    }

    private static Optional<Response> refuse(ContainerRequestContext request, int status, String title, String detail,
                                             Object... headers) {
        return Optional.of(ProblemMappers.problem(request.getUriInfo(), status, title, detail, List.of(), headers));
    }
}
