package io.verbatim.query.rest;

import io.verbatim.query.config.QueryConfig;
import io.verbatim.query.service.Ids;
import io.verbatim.query.service.Page;
import io.verbatim.query.service.PageRequest;
import io.verbatim.query.service.QuoteQueries;
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
public class QuoteResource {

    @Inject
    QuoteQueries quotes;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Quotes, newest first, with their speaker and article")
    @APIResponse(responseCode = "200", description = "A page of quotes.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.")
    public Page<QuoteQueries.QuoteWithArticle> list(
            @Parameter(description = "Speaker entity id.") @QueryParam("speaker") String speaker,
            @Parameter(description = "Words the quote contains.") @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return quotes.list(Ids.number("speaker", speaker), Ids.text("q", q), PageRequest.of(Ids.integer("page", page), Ids.integer("size", size), config));
    }
}
