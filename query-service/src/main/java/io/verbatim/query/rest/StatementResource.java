package io.verbatim.query.rest;

import io.verbatim.query.config.QueryConfig;
import io.verbatim.query.service.Ids;
import io.verbatim.query.service.Page;
import io.verbatim.query.service.PageRequest;
import io.verbatim.query.service.StatementQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/statements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statements", description = "What a speaker said, once, however many articles reported it: the quotes"
        + " of one speaker that say the same thing (same words once case, accents, quote marks, punctuation and"
        + " spacing are set aside, a word changed, or an excerpt of the longer quote), reported within 7 days.")
public class StatementResource {

    @Inject
    StatementQueries statements;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Statements, newest first (by their first report), with where and when they were reported",
            description = "Each statement once: its text (the longest of its quotes), its speaker, when and by which"
                    + " source it was first reported, how many articles and sources reported it, and its first "
                    + StatementQueries.LISTED_QUOTES + " reports (all of them at /api/v1/statements/{id}). All filters combine."
                    + " Keyset-paginated: pass nextCursor back as cursor, with the same filters.")
    @APIResponse(responseCode = "200", description = "A page of statements; total is given on the first page.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.")
    public Page<StatementQueries.StatementView> list(
            @Parameter(description = "Speaker entity id.", example = "12") @QueryParam("speaker") String speaker,
            @Parameter(description = "Full-text search in the statement, in its language (accent-insensitive).",
                    example = "budget") @QueryParam("q") String q,
            @Parameter(description = "First reported from this date (ISO-8601), inclusive.", example = "2025-06-01")
            @QueryParam("from") String from,
            @Parameter(description = "First reported until this date; a bare date includes that day.",
                    example = "2025-06-30") @QueryParam("to") String to,
            @Parameter(description = "Only statements this source reported (exact source).", example = "AFP")
            @QueryParam("source") String source,
            @Parameter(description = "Only statements in this language (ISO 639-1 code).", example = "fr")
            @QueryParam("language") String language,
            @Parameter(description = "nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (capped).", example = "20") @QueryParam("size") String size) {
        StatementQueries.Filter filter = new StatementQueries.Filter(Ids.number("speaker", speaker), Ids.text("q", q),
                ArticleResource.period(from, to), Ids.text("source", source), ArticleResource.language(language));
        return statements.list(filter, PageRequest.of(Ids.text("cursor", cursor), Ids.integer("size", size), config));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One statement with every report of it, oldest first",
            description = "Each report is a quote: the article, the quote's offsets in its body, its source and date.")
    @APIResponse(responseCode = "200", description = "The statement.")
    @APIResponse(responseCode = "404", description = "Unknown statement (or one merged into another).")
    public StatementQueries.StatementView get(@PathParam("id") String id) {
        return statements.get(Ids.statementId("id", id));
    }
}
