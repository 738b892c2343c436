package io.verbatim.ingest.rest;

import io.smallrye.mutiny.Uni;
import io.verbatim.ingest.service.AcceptedArticle;
import io.verbatim.ingest.service.ArticleIngestion;
import io.verbatim.ingest.security.WriteKeys;
import io.verbatim.ingest.service.ArticleSubmission;
import io.verbatim.ingest.service.LanguageSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles")
@Tag(name = "Articles")
@RolesAllowed(WriteKeys.WRITER)
public class ArticleResource {

    /** An accepted article: its id, the language it is analysed in and how that was chosen. */
    public record Accepted(String id, String language, LanguageSource languageSource) {
    }

    @Inject
    ArticleIngestion ingestion;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an article for analysis",
            description = "Answers only once Kafka has stored the article. Posting the same article again "
                    + "(same Idempotency-Key, else same url, else same source, title and body) returns the same id.")
    @APIResponse(responseCode = "202", description = "Stored in Kafka; Location is where query-service will serve it."
            + " The body says the language the article is analysed in, and whether it was given, detected or the"
            + " default of a text too short to tell.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid article; each bad field is named.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "411", description = "No Content-Length: a single article must declare its size.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The request is over verbatim.ingest.max-article-bytes (refused before"
            + " it is read), the body over verbatim.ingest.max-body-bytes, or the record over what Kafka takes.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not application/json.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "In a language the pipeline does not read, given or detected, or"
            + " in none the detector can tell: the detail names the languages it reads.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka unreachable: not stored, retry after Retry-After seconds.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(
            @Valid @NotNull ArticleSubmission article,
            @Parameter(description = "Client-chosen key: the same key always yields the same article id.")
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        return ingestion.accept(article, idempotencyKey).map(ArticleResource::accepted);
    }

    static Response accepted(AcceptedArticle article) {
        return Response.accepted(new Accepted(article.id(), article.language().code(), article.language().source()))
                .location(article.location()).build();
    }
}
