package io.verbatim.analysis.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.verbatim.analysis.service.ArticleProcessing;
import io.verbatim.analysis.service.PoisonRecordException;
import io.verbatim.analysis.service.ShuttingDownException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code articles.raw}. The channel runs as several copies ({@code concurrency}), each a consumer of
 * its own partitions in the group that processes its records one after another on the "analysis" worker pool:
 * records of one article (one key, one partition) are processed in the order they were written. Records are
 * acknowledged by hand: ack once stored with their tagged event (the throttled commit strategy commits an offset
 * only once every record before it is acknowledged); nack for a poison record, which sends it to
 * {@code articles.dlq} with the reason in its headers; neither during shutdown, so Kafka redelivers it later.
 * Failures that are not the record's (database, broker) are waited out inside {@link ArticleProcessing}, and
 * meanwhile this copy takes no new record.
 */
@ApplicationScoped
public class RawArticleConsumer {

    private static final Logger LOG = Logger.getLogger(RawArticleConsumer.class);

    @Inject
    RawArticleReader reader;

    @Inject
    ArticleProcessing processing;

    @Inject
    TaggedArticlePublisher publisher;

    @Incoming("articles-raw")
    @Blocking("analysis")
    public CompletionStage<Void> consume(KafkaRecord<String, String> record) {
        try {
            if (processing.process(reader.read(record.getKey(), record.getPayload()))) {
                publisher.wake();
            }
            return record.ack();
        } catch (ShuttingDownException e) {
            LOG.infof("record %s handed back for after the restart", where(record));
            return new CompletableFuture<>();
        } catch (PoisonRecordException e) {
            LOG.warnf("record %s to the dead-letter topic: %s", where(record), e.getMessage());
            return record.nack(e);
        }
    }

    private static String where(KafkaRecord<String, String> record) {
        return record.getTopic() + "-" + record.getPartition() + "@" + record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> Long.toString(m.getOffset())).orElse("?");
    }
}
