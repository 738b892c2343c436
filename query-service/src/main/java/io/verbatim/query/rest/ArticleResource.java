package io.verbatim.query.rest;

import io.verbatim.query.config.QueryConfig;
import io.verbatim.query.service.ArticleQueries;
import io.verbatim.query.service.Ids;
import io.verbatim.query.service.Page;
import io.verbatim.query.service.PageRequest;
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

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    @Inject
    ArticleQueries articles;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Analysed articles, newest first", description = "All filters combine.")
    @APIResponse(responseCode = "200", description = "A page of articles.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.")
    public Page<ArticleQueries.ArticleSummary> list(
            @Parameter(description = "French full-text search in title and body (web-search syntax).") @QueryParam("q") String q,
            @Parameter(description = "Only articles naming this entity id.") @QueryParam("entity") String entity,
            @Parameter(description = "Only articles quoting this speaker (entity id).") @QueryParam("speaker") String speaker,
            @Parameter(description = "From this date (ISO-8601), inclusive.") @QueryParam("from") String from,
            @Parameter(description = "Until this date (ISO-8601); a bare date includes that day.") @QueryParam("to") String to,
            @Parameter(description = "Exact source, e.g. AFP.") @QueryParam("source") String source,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") String page,
            @Parameter(description = "Page size (capped by verbatim.query.max-page-size).") @QueryParam("size") String size) {
        ArticleQueries.Filter filter = new ArticleQueries.Filter(Ids.text("q", q), Ids.number("entity", entity), Ids.number("speaker", speaker), Ids.instant("from", from, false),
                Ids.instant("to", to, true), Ids.text("source", source));
        return articles.list(filter, PageRequest.of(Ids.integer("page", page), Ids.integer("size", size), config));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One article with its entity mentions and quotes",
            description = "Offsets (start, end) are Java String (UTF-16) indices into body.")
    @APIResponse(responseCode = "200", description = "The article.")
    @APIResponse(responseCode = "404", description = "Unknown or not yet analysed article.")
    public ArticleQueries.ArticleDetail get(@PathParam("id") String id) {
        return articles.get(Ids.articleId("id", id));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "One article as text: its quotes with their speakers, then its entities")
    @APIResponse(responseCode = "200", description = "The article, for reading in a terminal.")
    @APIResponse(responseCode = "404", description = "Unknown or not yet analysed article.")
    public String getAsText(@PathParam("id") String id) {
        return ArticleText.render(get(id));
    }
}
