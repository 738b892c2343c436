package io.verbatim.analysis.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.verbatim.analysis.service.ArticleProcessing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code articles.raw}. Records are processed on the "analysis" worker pool, several at a time
 * (unordered); the throttled commit strategy commits an offset only once every record before it is done, and
 * a record that throws goes to {@code articles.dlq} with the reason in its headers.
 */
@ApplicationScoped
public class RawArticleConsumer {

    private static final Logger LOG = Logger.getLogger(RawArticleConsumer.class);

    @Inject
    RawArticleReader reader;

    @Inject
    ArticleProcessing processing;

    @Incoming("articles-raw")
    @Blocking(value = "analysis", ordered = false)
    public void consume(ConsumerRecord<String, String> record) {
        RawArticle article;
        try {
            article = reader.read(record.key(), record.value());
        } catch (PoisonRecordException e) {
            LOG.warnf("record %s-%d@%d to the dead-letter topic: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            throw e;
        }
        processing.process(article);
    }
}
