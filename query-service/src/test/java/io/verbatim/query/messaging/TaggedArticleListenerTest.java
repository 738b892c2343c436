package io.verbatim.query.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.verbatim.contracts.EventContract;
import io.verbatim.query.service.ArticleStream.StreamedArticle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * query-service reads every example of the articles.tagged contract (deploy/contracts) into what the live stream
 * shows, losing nothing it shows: a field renamed on the writing side without a new schema version fails here.
 */
class TaggedArticleListenerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventContract CONTRACT = EventContract.of("articles.tagged", TaggedArticleEvent.SCHEMA_VERSION);

    private static String text(JsonNode node, String field) {
        return node.get(field).isNull() ? null : node.get(field).asText();
    }

    @Test
    void everyExampleIsReadWithEveryFieldTheStreamShows() throws Exception {
        for (String example : CONTRACT.examples()) {
            JsonNode event = JSON.readTree(example);
            JsonNode article = event.get("article");
            StreamedArticle streamed = TaggedArticleListener.read(example)
                    .orElseThrow(() -> new AssertionError("example not read: " + example));

            assertEquals(event.get("id").asText(), streamed.id());
            assertEquals(Instant.parse(event.get("analyzedAt").asText()), streamed.analyzedAt());
            assertEquals(article.get("title").asText(), streamed.title());
            assertEquals(text(article, "source"), streamed.source());
            assertEquals(text(article, "url"), streamed.url());
            assertEquals(article.get("language").asText(), streamed.language());
            assertEquals(article.get("publishedAt").isNull() ? null : OffsetDateTime.parse(article.get("publishedAt").asText()).toInstant(),
                    streamed.publishedAt() == null ? null : streamed.publishedAt().toInstant());

            List<String> entities = new ArrayList<>();
            event.get("entities").forEach(e -> entities.add(e.get("id").asLong() + " " + e.get("name").asText() + " " + e.get("type").asText()));
            assertEquals(entities, streamed.entities().stream().map(e -> e.id() + " " + e.name() + " " + e.type()).toList());

            List<String> quotes = new ArrayList<>();
            event.get("quotes").forEach(q -> quotes.add(String.join(" | ", q.get("text").asText(), q.get("type").asText(),
                    text(q, "cue"), q.get("speaker").isNull() ? "-" : q.get("speaker").get("id").asLong() + " " + q.get("speaker").get("name").asText(),
                    text(q, "speakerDescriptor"), text(q, "statementId"))));
            assertEquals(quotes, streamed.quotes().stream().map(q -> String.join(" | ", q.text(), q.type(), q.cue(),
                    q.speaker() == null ? "-" : q.speaker().id() + " " + q.speaker().name(), q.speakerDescriptor(),
                    q.statementId() == null ? null : q.statementId().toString())).toList());
        }
    }

    @Test
    void aRecordWrittenBeforeStatementsIsReadWithoutThem() throws Exception {
        ObjectNode example = (ObjectNode) JSON.readTree(CONTRACT.examples().get(0));
        example.get("quotes").forEach(q -> ((ObjectNode) q).remove("statementId"));
        CONTRACT.assertKeptBy(example.toString());
        StreamedArticle streamed = TaggedArticleListener.read(example.toString()).orElseThrow();
        assertEquals(example.get("quotes").size(), streamed.quotes().size());
        assertTrue(streamed.quotes().stream().allMatch(q -> q.statementId() == null));
    }

    @Test
    void aRecordOfAnotherSchemaVersionIsSkipped() throws Exception {
        JsonNode example = JSON.readTree(CONTRACT.examples().get(0));
        ((ObjectNode) example).put("schemaVersion", TaggedArticleEvent.SCHEMA_VERSION + 1);
        assertTrue(TaggedArticleListener.read(example.toString()).isEmpty());
    }
}
