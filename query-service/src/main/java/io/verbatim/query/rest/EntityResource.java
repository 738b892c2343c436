package io.verbatim.query.rest;

import io.verbatim.query.config.QueryConfig;
import io.verbatim.query.security.ReadKeys;
import io.verbatim.query.service.EntityQueries;
import io.verbatim.query.service.Ids;
import io.verbatim.query.service.Page;
import io.verbatim.query.service.PageRequest;
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

@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entities")
@RolesAllowed(ReadKeys.READER)
public class EntityResource {

    @Inject
    EntityQueries entities;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Entities, most mentioned first")
    @APIResponse(responseCode = "200", description = "A page of entities with mention, article and quote counts.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.")
    public Page<EntityQueries.EntitySummary> list(
            @Parameter(description = "PER, ORG, LOC or MISC.") @QueryParam("type") String type,
            @Parameter(description = "Part of the name or of an alias.") @QueryParam("q") String q,
            @Parameter(description = "nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @QueryParam("size") String size) {
        return entities.list(Ids.text("type", type), Ids.text("q", q),
                PageRequest.of(Ids.text("cursor", cursor), Ids.integer("size", size), config));
    }

    @GET
    @Path("/top")
    @Operation(summary = "Most mentioned entities of a period")
    @APIResponse(responseCode = "200", description = "A page of entities with mention and article counts.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.")
    public Page<EntityQueries.RankedEntity> top(
            @Parameter(description = "From this date (ISO-8601), inclusive.", example = "2025-06-01")
            @QueryParam("from") String from,
            @Parameter(description = "Until this date; a bare date includes that day.", example = "2025-06-30")
            @QueryParam("to") String to,
            @Parameter(description = "PER, ORG, LOC or MISC.", example = "ORG") @QueryParam("type") String type,
            @Parameter(description = "Only mentions in articles in this language (ISO 639-1 code).", example = "fr")
            @QueryParam("language") String language,
            @Parameter(description = "nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @QueryParam("size") String size) {
        return entities.top(ArticleResource.period(from, to), Ids.text("type", type), ArticleResource.language(language),
                PageRequest.of(Ids.text("cursor", cursor), Ids.integer("size", size), config));
    }

    @GET
    @Path("/{id}/cooccurring")
    @Operation(summary = "Who is named with whom: entities sharing articles with this one",
            description = "Ranked by the number of articles naming both, over the entity's 500 latest articles of the"
                    + " period.")
    @APIResponse(responseCode = "200", description = "A page of co-occurring entities.")
    @APIResponse(responseCode = "404", description = "Unknown entity.")
    public Page<EntityQueries.CoOccurrence> coOccurring(
            @PathParam("id") String id,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @Parameter(description = "Only co-occurring entities of this type.", example = "PER")
            @QueryParam("type") String type,
            @Parameter(description = "nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @QueryParam("size") String size) {
        return entities.coOccurring(Ids.entityId("id", id), ArticleResource.period(from, to), Ids.text("type", type),
                PageRequest.of(Ids.text("cursor", cursor), Ids.integer("size", size), config));
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "An entity's mentions per day (UTC); days without mentions are left out")
    @APIResponse(responseCode = "200", description = "Days with mention and article counts, oldest first.")
    @APIResponse(responseCode = "404", description = "Unknown entity.")
    public java.util.List<EntityQueries.Day> timeline(@PathParam("id") String id,
                                                      @QueryParam("from") String from, @QueryParam("to") String to) {
        return entities.timeline(Ids.entityId("id", id), ArticleResource.period(from, to));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One entity: aliases, latest articles naming it and, for a speaker, latest quotes")
    @APIResponse(responseCode = "200", description = "The entity.")
    @APIResponse(responseCode = "404", description = "Unknown entity.")
    public EntityQueries.EntityDetail get(@PathParam("id") String id) {
        return entities.get(Ids.entityId("id", id));
    }
}
