package io.verbatim.engine.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One annotated article in the gold format of the shared corpus: {@code text}, {@code entities[{start,end,type}]},
 * {@code quotes[{start,end,speaker,cue,type,speaker_mention}]}. Other fields are ignored.
 */
public record GoldArticle(String name, String text, List<Span> entities, List<GoldQuote> quotes) {

    record Span(int start, int end, String type) {
    }

    /** {@code speakerMention} is where the article designates the speaker for this quote, or null. */
    record GoldQuote(int start, int end, String speaker, String cue, String type, Span speakerMention) {
    }

    static GoldArticle read(Path file, ObjectMapper json) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        if (root == null || !root.hasNonNull("text")) {
            throw new IOException(file + " has no \"text\"");
        }
        List<Span> entities = new ArrayList<>();
        for (JsonNode e : root.path("entities")) {
            entities.add(new Span(e.get("start").asInt(), e.get("end").asInt(), e.get("type").asText()));
        }
        List<GoldQuote> quotes = new ArrayList<>();
        for (JsonNode q : root.path("quotes")) {
            JsonNode mention = q.get("speaker_mention");
            Span speakerMention = mention == null || mention.isNull() ? null
                    : new Span(mention.get("start").asInt(), mention.get("end").asInt(), null);
            quotes.add(new GoldQuote(q.get("start").asInt(), q.get("end").asInt(), text(q, "speaker"), text(q, "cue"),
                    text(q, "type"), speakerMention));
        }
        return new GoldArticle(file.getFileName().toString(), root.get("text").asText(), entities, quotes);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
