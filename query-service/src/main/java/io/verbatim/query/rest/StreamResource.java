package io.verbatim.query.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.verbatim.query.security.ReadKeys;
import io.verbatim.query.service.ArticleStream;
import io.verbatim.query.service.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stream")
@Tag(name = "Live stream")
@RolesAllowed(ReadKeys.READER)
public class StreamResource {

    @Inject
    ArticleStream stream;

    @Inject
    SecurityIdentity reader;

    @GET
    @Path("/articles")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Newly tagged articles as Server-Sent Events",
            description = "Each event is named \"article\", has the article id as its id and a JSON body: id, title,"
                    + " source, url, language, languageSource, publishedAt, analyzedAt, entities (id, name, type) and quotes (text,"
                    + " type, cue, speaker, speakerDescriptor). Only articles tagged after the connection are sent;"
                    + " an article may come twice (keep the last per id). Idle connections get a comment line every"
                    + " 20 s. A client far behind is disconnected and should reconnect. Each client (its key, else its"
                    + " address) may hold verbatim.query.stream-max-per-client streams at once, and each server"
                    + " verbatim.query.stream-max-connections.")
    @APIResponse(responseCode = "200", description = "An endless text/event-stream.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.")
    @APIResponse(responseCode = "429", description = "This client has as many streams open as it may; Retry-After says when to try again.")
    @APIResponse(responseCode = "503", description = "This server holds as many streams as it may; retry later (another replica may take it).")
    public Multi<OutboundSseEvent> articles(
            @Parameter(description = "Only articles naming this entity id.", example = "40") @QueryParam("entity") String entity,
            @Parameter(description = "Only articles quoting this speaker (entity id).", example = "12")
            @QueryParam("speaker") String speaker,
            @Context Sse sse) {
        String client = reader.getPrincipal().getName();
        return stream.subscribe(Ids.number("entity", entity), Ids.number("speaker", speaker), client)
                .map(e -> e.article() == null ? sse.newEventBuilder().comment("keep-alive").build()
                        : sse.newEventBuilder().name("article").id(e.article().id())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(e.article()).build());
    }
}
