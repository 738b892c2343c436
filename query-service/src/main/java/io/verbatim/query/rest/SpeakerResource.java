package io.verbatim.query.rest;

import io.verbatim.query.config.QueryConfig;
import io.verbatim.query.security.ReadKeys;
import io.verbatim.query.service.Ids;
import io.verbatim.query.service.Page;
import io.verbatim.query.service.PageRequest;
import io.verbatim.query.service.QuoteQueries;
import io.verbatim.query.service.SpeakerQueries;
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

@Path("/api/v1/speakers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Speakers")
@RolesAllowed(ReadKeys.READER)
public class SpeakerResource {

    @Inject
    SpeakerQueries speakers;

    @Inject
    QuoteQueries quotes;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Most quoted speakers of a period",
            description = "Ranked by statements: what each speaker said first in the period, counted once however many"
                    + " articles reported it (copies of one dispatch count once), then by quotes. Each row also gives"
                    + " the raw count of quotes in the period, the articles quoting the speaker and their latest"
                    + " descriptor.")
    @APIResponse(responseCode = "200", description = "A page of the ranking.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.")
    public Page<SpeakerQueries.RankedSpeaker> ranking(
            @Parameter(description = "From this date (ISO-8601), inclusive.", example = "2025-06-01")
            @QueryParam("from") String from,
            @Parameter(description = "Until this date; a bare date includes that day.", example = "2025-06-30")
            @QueryParam("to") String to,
            @Parameter(description = "Speaker type: PER (people) or ORG (organisations speaking).", example = "PER")
            @QueryParam("type") String type,
            @Parameter(description = "Only statements and quotes in this language (ISO 639-1 code).", example = "fr")
            @QueryParam("language") String language,
            @Parameter(description = "nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (capped).", example = "20") @QueryParam("size") String size) {
        return speakers.ranking(ArticleResource.period(from, to), Ids.text("type", type), ArticleResource.language(language),
                PageRequest.of(Ids.text("cursor", cursor), Ids.integer("size", size), config));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A speaker's profile",
            description = "Statement, quote and article counts, the descriptors articles gave the speaker over time,"
                    + " and quotes per day (UTC) for a chart.")
    @APIResponse(responseCode = "200", description = "The profile (counts are 0 for an entity never quoted).")
    @APIResponse(responseCode = "404", description = "Unknown entity.")
    public SpeakerQueries.SpeakerProfile profile(
            @PathParam("id") String id,
            @Parameter(description = "From this date (ISO-8601), inclusive.") @QueryParam("from") String from,
            @Parameter(description = "Until this date; a bare date includes that day.") @QueryParam("to") String to,
            @Parameter(description = "Only statements and quotes in this language (ISO 639-1 code).", example = "fr")
            @QueryParam("language") String language) {
        return speakers.profile(Ids.entityId("id", id), ArticleResource.period(from, to),
                ArticleResource.language(language));
    }

    @GET
    @Path("/{id}/quotes")
    @Operation(summary = "All quotes of a speaker with their articles, newest first")
    @APIResponse(responseCode = "200", description = "A page of quotes.")
    @APIResponse(responseCode = "404", description = "Unknown entity.")
    public Page<QuoteQueries.QuoteWithArticle> quotes(
            @PathParam("id") String id,
            @Parameter(description = "Full-text search in the quote, in its language.") @QueryParam("q") String q,
            @Parameter(description = "direct, mixed or indirect.") @QueryParam("type") String type,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @Parameter(description = "Only quotes in this language (ISO 639-1 code).", example = "fr")
            @QueryParam("language") String language,
            @Parameter(description = "nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (capped).") @QueryParam("size") String size) {
        long speaker = Ids.entityId("id", id);
        // Every parameter is checked before the speaker is looked up: a bad request is a 400 whoever it names.
        QuoteQueries.Filter filter = QuoteResource.filter(speaker, q, type, null, from, to, null, language);
        PageRequest page = PageRequest.of(Ids.text("cursor", cursor), Ids.integer("size", size), config);
        speakers.require(speaker);
        return quotes.list(filter, page);
    }
}
