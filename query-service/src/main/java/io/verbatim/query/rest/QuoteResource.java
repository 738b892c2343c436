package io.verbatim.query.rest;

import io.verbatim.query.config.QueryConfig;
import io.verbatim.query.security.ReadKeys;
import io.verbatim.query.service.Ids;
import io.verbatim.query.service.Page;
import io.verbatim.query.service.PageRequest;
import io.verbatim.query.service.QuoteQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotes")
@RolesAllowed(ReadKeys.READER)
public class QuoteResource {

    @Inject
    QuoteQueries quotes;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Quotes, newest first, with their speaker and article",
            description = "All filters combine. Keyset-paginated: pass nextCursor back as cursor.")
    @APIResponse(responseCode = "200", description = "A page of quotes; total is given on the first page.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.")
    public Page<QuoteQueries.QuoteWithArticle> list(
            @Parameter(description = "Speaker entity id.", example = "12") @QueryParam("speaker") String speaker,
            @Parameter(description = "Full-text search in the quote, in its language (accent-insensitive).",
                    example = "inflation")
            @QueryParam("q") String q,
            @Parameter(description = "direct, mixed or indirect.", example = "direct") @QueryParam("type") String type,
            @Parameter(description = "Only quotes in articles naming this entity id.", example = "40")
            @QueryParam("entity") String entity,
            @Parameter(description = "From this date (ISO-8601), inclusive.", example = "2025-06-01")
            @QueryParam("from") String from,
            @Parameter(description = "Until this date; a bare date includes that day.", example = "2025-06-30")
            @QueryParam("to") String to,
            @Parameter(description = "Exact source of the article.", example = "AFP") @QueryParam("source") String source,
            @Parameter(description = "Only quotes in this language (ISO 639-1 code).", example = "fr")
            @QueryParam("language") String language,
            @Parameter(description = "nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (capped).", example = "20") @QueryParam("size") String size) {
        return quotes.list(filter(Ids.number("speaker", speaker), q, type, entity, from, to, source, language),
                PageRequest.of(Ids.text("cursor", cursor), Ids.integer("size", size), config));
    }

    static QuoteQueries.Filter filter(Long speaker, String q, String type, String entity, String from, String to,
                                      String source, String language) {
        return new QuoteQueries.Filter(speaker, Ids.text("q", q), QuoteQueries.type("type", type),
                ArticleResource.period(from, to), Ids.text("source", source), Ids.number("entity", entity),
                ArticleResource.language(language));
    }
}
