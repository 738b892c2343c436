package io.verbatim.query.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.verbatim.query.service.ArticleStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Reads {@code articles.tagged} (contract in deploy/contracts) and hands each article to the live stream. A record
 * this service cannot read is logged and skipped: the stream is a view, the database stays the record.
 */
@ApplicationScoped
public class TaggedArticleListener {

    private static final Logger LOG = Logger.getLogger(TaggedArticleListener.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    ArticleStream stream;

    @Incoming("articles-tagged")
    public void onTagged(String value) {
        read(value).ifPresent(stream::publish);
    }

    /** The article a record carries, as the live stream shows it; empty for a record this service cannot read. */
    static Optional<ArticleStream.StreamedArticle> read(String value) {
        TaggedArticleEvent event;
        try {
            event = JSON.readValue(value, TaggedArticleEvent.class);
        } catch (Exception e) {
            LOG.warnf("skipping an unreadable record on articles.tagged: %s", e.getMessage());
            return Optional.empty();
        }
        if (event.schemaVersion() != TaggedArticleEvent.SCHEMA_VERSION || event.id() == null || event.article() == null) {
            LOG.warnf("skipping a record of schema version %d on articles.tagged", event.schemaVersion());
            return Optional.empty();
        }
        return Optional.of(event.toStreamed());
    }
}
