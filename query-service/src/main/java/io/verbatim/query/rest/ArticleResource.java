package io.verbatim.query.rest;

import io.verbatim.query.config.QueryConfig;
import io.verbatim.query.security.ReadKeys;
import io.verbatim.query.service.ArticleQueries;
import io.verbatim.query.service.BadParameterException;
import io.verbatim.query.service.EntityQueries;
import io.verbatim.query.service.Ids;
import io.verbatim.query.service.Page;
import io.verbatim.query.service.PageRequest;
import io.verbatim.query.service.Period;
import io.verbatim.query.service.QuoteQueries;
import jakarta.annotation.security.RolesAllowed;
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

import java.util.List;
import java.util.Locale;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
@RolesAllowed(ReadKeys.READER)
public class ArticleResource {

    @Inject
    ArticleQueries articles;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Search and list analysed articles",
            description = "French full-text search over title, body and the quotes in it (accent-insensitive,"
                    + " stemmed), ranked, with highlighted snippets. All filters combine. Pages are keyset-paginated:"
                    + " pass nextCursor back as cursor, with the same filters.")
    @APIResponse(responseCode = "200", description = "A page of articles; total is given on the first page.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.")
    public Page<ArticleQueries.ArticleSummary> list(
            @Parameter(description = "Search text, web-search syntax: words, \"a phrase\", -excluded, or.",
                    example = "\"réforme des retraites\" ministre") @QueryParam("q") String q,
            @Parameter(description = "Entity ids the article must all name (repeat or comma-separate).",
                    example = "12,40") @QueryParam("entity") List<String> entity,
            @Parameter(description = "Only articles quoting this speaker (entity id).", example = "12")
            @QueryParam("speaker") String speaker,
            @Parameter(description = "From this date (ISO-8601), inclusive.", example = "2025-06-01")
            @QueryParam("from") String from,
            @Parameter(description = "Until this date (ISO-8601); a bare date includes that day.", example = "2025-06-30")
            @QueryParam("to") String to,
            @Parameter(description = "Exact source.", example = "AFP") @QueryParam("source") String source,
            @Parameter(description = "Only articles in this language (ISO 639-1 code).", example = "fr") @QueryParam("language") String language,
            @Parameter(description = "Only articles naming an entity of this type: PER, ORG, LOC or MISC.",
                    example = "ORG") @QueryParam("entityType") String entityType,
            @Parameter(description = "Only articles with a quote of this type: direct, mixed or indirect.",
                    example = "direct") @QueryParam("quoteType") String quoteType,
            @Parameter(description = "date (newest first) or relevance; relevance by default when q is given.",
                    example = "relevance") @QueryParam("sort") String sort,
            @Parameter(description = "nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (capped by verbatim.query.max-page-size).", example = "20")
            @QueryParam("size") String size) {
        ArticleQueries.Filter filter = new ArticleQueries.Filter(Ids.text("q", q), Ids.numbers("entity", entity),
                Ids.number("speaker", speaker), period(from, to), Ids.text("source", source),
                language(language), EntityQueries.type("entityType", entityType),
                QuoteQueries.type("quoteType", quoteType), sort(sort));
        return articles.list(filter, PageRequest.of(Ids.text("cursor", cursor), Ids.integer("size", size), config));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One article with its entity mentions and quotes",
            description = "Offsets (start, end) are Java String (UTF-16) indices into body. Each quote has its"
                    + " statementId (/api/v1/statements/{id}); copyOf names the story's original when this article"
                    + " is a copy of a dispatch, and copies lists the other articles of its story.")
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

    static Period period(String from, String to) {
        return Period.of(Ids.instant("from", from, false), Ids.instant("to", to, true));
    }

    /** A language filter: a code such as fr, folded to lower case; null when absent. */
    static String language(String value) {
        String language = Ids.text("language", value);
        if (language == null || language.isBlank()) {
            return null;
        }
        if (!language.strip().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            throw new BadParameterException("language", "must be a language code such as fr");
        }
        return language.strip().toLowerCase(Locale.ROOT);
    }

    private static ArticleQueries.Sort sort(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "date" -> ArticleQueries.Sort.DATE;
            case "relevance" -> ArticleQueries.Sort.RELEVANCE;
            default -> throw new BadParameterException("sort", "must be date or relevance");
        };
    }
}
