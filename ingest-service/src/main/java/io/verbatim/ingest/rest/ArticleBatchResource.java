package io.verbatim.ingest.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.security.ClientRateLimiter;
import io.verbatim.ingest.security.WriteKeys;
import io.verbatim.ingest.service.ArticleIngestion;
import io.verbatim.ingest.service.ArticleRejectedException;
import io.verbatim.ingest.service.ArticleSubmission;
import io.verbatim.ingest.service.BrokerUnavailableException;
import io.verbatim.ingest.service.FieldError;
import io.verbatim.ingest.service.LanguageSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Many articles in one request; each item succeeds or fails on its own. The body is read one article at a
 * time and each is handed to Kafka as soon as it is read, so memory holds one article whatever the batch's
 * size; the item limit and the per-client rate apply while reading.
 */
@Path("/api/v1/articles/batch")
@Tag(name = "Articles")
@RolesAllowed(WriteKeys.WRITER)
public class ArticleBatchResource {

    public static final String NDJSON = "application/x-ndjson";

    /**
     * Outcome of one item: status 202 with id, location and the language it is analysed in (given, detected or the
     * default), or an error status with the reasons.
     */
    public record ItemResult(int index, int status, String id, String location, String title, String language,
                             LanguageSource languageSource, List<FieldError> errors) {
    }

    public record BatchResult(int accepted, int rejected, List<ItemResult> items) {
    }

    @Inject
    ArticleIngestion ingestion;

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ClientRateLimiter limiter;

    @Inject
    SecurityIdentity writer;

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a JSON array of articles",
            description = "Up to verbatim.ingest.max-batch-size items, each at most verbatim.ingest.max-article-bytes"
                    + " of JSON. Answers 200 once every item is settled; each item carries its own status (202"
                    + " accepted, 400, 413, 422 for a language the pipeline does not read, 429 past the client's rate, or 503). Items are submitted as they are read:"
                    + " when the batch is refused midway (413 for too many items or an item too large, 400 for"
                    + " malformed JSON), the items before were submitted, and sending them again is harmless (same ids).")
    @APIResponse(responseCode = "200", description = "Per-item results, in request order.")
    @APIResponse(responseCode = "400", description = "Not a JSON array, or malformed JSON.")
    @APIResponse(responseCode = "413", description = "Too many items, or an item too large.")
    public BatchResult submitArray(InputStream body) throws IOException {
        Submissions submissions = new Submissions();
        BoundedInput input = new BoundedInput(body, config.maxArticleBytes());
        try (JsonParser parser = json.getFactory().createParser(input)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw invalidBatch("must be a JSON array of articles");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw invalidBatch("ends before its closing ]");
                }
                submissions.checkRoom();
                input.startItem();
                submissions.add(Item.parsed(parser.readValueAsTree()));
            }
        } catch (BoundedInput.ArticleTooLargeException e) {
            throw submissions.itemTooLarge();
        }
        return submissions.settled();
    }

    @POST
    @Blocking
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit newline-delimited JSON articles, one per line",
            description = "Blank lines are skipped; a line that is not JSON fails on its own. Limits and"
                    + " statuses as for the JSON array.")
    @APIResponse(responseCode = "200", description = "Per-item results, in line order.")
    @APIResponse(responseCode = "413", description = "Too many items, or a line too large.")
    public BatchResult submitNdjson(InputStream body) throws IOException {
        Submissions submissions = new Submissions();
        BoundedInput input = BoundedInput.perLine(body, config.maxArticleBytes());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    submissions.checkRoom();
                    try {
                        submissions.add(Item.parsed(json.readTree(line)));
                    } catch (JsonProcessingException e) {
                        submissions.add(Item.unreadable("line " + (submissions.count() + 1) + " " + ProblemMappers.readableCause(e)));
                    }
                }
            }
        } catch (BoundedInput.ArticleTooLargeException e) {
            throw submissions.itemTooLarge();
        }
        return submissions.settled();
    }

    private static ArticleRejectedException invalidBatch(String message) {
        return new ArticleRejectedException(400, "Invalid batch", List.of(new FieldError("body", message)));
    }

    private record Item(JsonNode node, String parseError) {
        static Item parsed(JsonNode node) {
            return new Item(node, null);
        }

        static Item unreadable(String error) {
            return new Item(null, error);
        }
    }

    /** The items of one batch, each submitted when read; their results complete as Kafka acknowledges them. */
    private final class Submissions {
        private final String client = writer.getPrincipal().getName();
        private final List<CompletableFuture<ItemResult>> results = new ArrayList<>();

        int count() {
            return results.size();
        }

        void checkRoom() {
            if (results.size() >= config.maxBatchSize()) {
                throw new ArticleRejectedException(413, "Batch too large", List.of(new FieldError("body",
                        "has more than " + config.maxBatchSize() + " articles; the first " + config.maxBatchSize()
                                + " were submitted")));
            }
        }

        ArticleRejectedException itemTooLarge() {
            return new ArticleRejectedException(413, "Article too large", List.of(new FieldError(
                    "[" + results.size() + "]", "takes more than " + config.maxArticleBytes() + " bytes of JSON; the "
                    + results.size() + " articles before it were submitted")));
        }

        void add(Item item) {
            int index = results.size();
            // The request's own token paid for the first item; each further item takes one of the client's.
            Uni<ItemResult> result = index > 0 && limiter.acquire(client) > 0
                    ? failed(index, 429, null, List.of(new FieldError("body", "this client's rate limit is reached;"
                    + " send it again later")))
                    : submitOne(index, item);
            // Subscribed now: the article goes to Kafka while the next one is read, and is not kept meanwhile.
            results.add(result.subscribeAsCompletionStage());
        }

        /**
         * Waits, on this worker thread, until Kafka has settled every item. The answer is built here rather than
         * on the Kafka callback thread that completes the last item: RESTEasy cannot write a response from a
         * thread without the request's context (it failed with ContextNotActiveException in the packaged service).
         */
        BatchResult settled() {
            if (results.isEmpty()) {
                throw new ArticleRejectedException(400, "Empty batch", List.of(new FieldError("body", "has no article")));
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
            List<ItemResult> list = results.stream().map(CompletableFuture::join).toList();
            int accepted = (int) list.stream().filter(r -> r.status() == 202).count();
            return new BatchResult(accepted, list.size() - accepted, list);
        }
    }

    private Uni<ItemResult> submitOne(int index, Item item) {
        if (item.parseError() != null) {
            return failed(index, 400, null, List.of(new FieldError("body", item.parseError())));
        }
        ArticleSubmission article;
        try {
            article = json.treeToValue(item.node(), ArticleSubmission.class);
        } catch (JsonProcessingException e) {
            return failed(index, 400, null, List.of(new FieldError(ProblemMappers.jsonPathOf(e), ProblemMappers.readableCause(e))));
        }
        if (article == null) {
            return failed(index, 400, null, List.of(new FieldError("body", "must be an article object")));
        }
        List<FieldError> errors = ingestion.validate(article);
        if (!errors.isEmpty()) {
            return failed(index, 400, article.title(), errors);
        }
        try {
            return ingestion.accept(article, null)
                    .map(a -> new ItemResult(index, 202, a.id(), a.location().toString(), article.title(),
                            a.language().code(), a.language().source(), List.of()))
                    .onFailure(BrokerUnavailableException.class).recoverWithItem(e -> failure(index, 503,
                            article.title(), List.of(new FieldError("body", "Kafka unavailable, retry later"))))
                    .onFailure(ArticleRejectedException.class).recoverWithItem(e -> failure(index,
                            ((ArticleRejectedException) e).status(), article.title(),
                            ((ArticleRejectedException) e).errors()));
        } catch (ArticleRejectedException e) {
            return failed(index, e.status(), article.title(), e.errors());
        }
    }

    private static Uni<ItemResult> failed(int index, int status, String title, List<FieldError> errors) {
        return Uni.createFrom().item(failure(index, status, title, errors));
    }

    private static ItemResult failure(int index, int status, String title, List<FieldError> errors) {
        return new ItemResult(index, status, null, null, title, null, null, errors);
    }
}
