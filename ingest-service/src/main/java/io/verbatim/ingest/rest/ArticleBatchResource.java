package io.verbatim.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.service.ArticleIngestion;
import io.verbatim.ingest.service.ArticleRejectedException;
import io.verbatim.ingest.service.ArticleSubmission;
import io.verbatim.ingest.service.BrokerUnavailableException;
import io.verbatim.ingest.service.FieldError;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** Many articles in one request; each item succeeds or fails on its own. */
@Path("/api/v1/articles/batch")
@Tag(name = "Articles")
public class ArticleBatchResource {

    public static final String NDJSON = "application/x-ndjson";

    /** Outcome of one item: status 202 with id and location, or an error status with the reasons. */
    public record ItemResult(int index, int status, String id, String location, String title, List<FieldError> errors) {
    }

    public record BatchResult(int accepted, int rejected, List<ItemResult> items) {
    }

    @Inject
    ArticleIngestion ingestion;

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a JSON array of articles",
            description = "Up to verbatim.ingest.max-batch-size items. Answers 200 once every item is settled; "
                    + "each item carries its own status (202 accepted, 400, 413 or 503).")
    @APIResponse(responseCode = "200", description = "Per-item results, in request order.")
    public Uni<BatchResult> submitArray(JsonNode articles) {
        if (articles == null || !articles.isArray()) {
            throw new ArticleRejectedException(400, "Invalid batch",
                    List.of(new FieldError("body", "must be a JSON array of articles")));
        }
        List<JsonNode> items = new ArrayList<>();
        articles.forEach(items::add);
        return submitAll(items.stream().map(Item::parsed).toList());
    }

    @POST
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit newline-delimited JSON articles, one per line",
            description = "Blank lines are skipped; a line that is not JSON fails on its own.")
    @APIResponse(responseCode = "200", description = "Per-item results, in line order.")
    public Uni<BatchResult> submitNdjson(String lines) {
        List<Item> items = new ArrayList<>();
        for (String line : (lines == null ? "" : lines).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                items.add(Item.parsed(json.readTree(line)));
            } catch (JsonProcessingException e) {
                items.add(Item.unreadable("line " + (items.size() + 1) + " " + ProblemMappers.readableCause(e)));
            }
        }
        return submitAll(items);
    }

    private record Item(JsonNode node, String parseError) {
        static Item parsed(JsonNode node) {
            return new Item(node, null);
        }

        static Item unreadable(String error) {
            return new Item(null, error);
        }
    }

    private Uni<BatchResult> submitAll(List<Item> items) {
        if (items.isEmpty()) {
            throw new ArticleRejectedException(400, "Empty batch", List.of(new FieldError("body", "has no article")));
        }
        if (items.size() > config.maxBatchSize()) {
            throw new ArticleRejectedException(413, "Batch too large", List.of(new FieldError("body",
                    "has " + items.size() + " articles, the limit is " + config.maxBatchSize())));
        }
        List<Uni<ItemResult>> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            results.add(submitOne(i, items.get(i)));
        }
        return Uni.join().all(results).andFailFast().map(list -> {
            int accepted = (int) list.stream().filter(r -> r.status() == 202).count();
            return new BatchResult(accepted, list.size() - accepted, list);
        });
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
                    .map(a -> new ItemResult(index, 202, a.id(), a.location().toString(), article.title(), List.of()))
                    .onFailure(BrokerUnavailableException.class).recoverWithItem(e -> new ItemResult(index, 503, null,
                            null, article.title(), List.of(new FieldError("body", "Kafka unavailable, retry later"))));
        } catch (ArticleRejectedException e) {
            return failed(index, e.status(), article.title(), e.errors());
        }
    }

    private static Uni<ItemResult> failed(int index, int status, String title, List<FieldError> errors) {
        return Uni.createFrom().item(new ItemResult(index, status, null, null, title, errors));
    }
}
