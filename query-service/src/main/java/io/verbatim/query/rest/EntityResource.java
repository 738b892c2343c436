package io.verbatim.query.rest;

import io.verbatim.query.config.QueryConfig;
import io.verbatim.query.service.EntityQueries;
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

@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entities")
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
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return entities.list(Ids.text("type", type), Ids.text("q", q), PageRequest.of(Ids.integer("page", page), Ids.integer("size", size), config));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One entity: aliases, latest articles naming it and, for a speaker, latest quotes")
    @APIResponse(responseCode = "200", description = "The entity.")
    @APIResponse(responseCode = "404", description = "Unknown entity.")
    public EntityQueries.EntityDetail get(@PathParam("id") long id) {
        return entities.get(id);
    }
}
