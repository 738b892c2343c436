package io.verbatim.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Writes raw articles to Kafka; the returned Uni completes only once the broker has acknowledged the record. */
@ApplicationScoped
public class RawArticlePublisher {

    @Inject
    @Channel("articles-raw")
    MutinyEmitter<byte[]> emitter;

    @Inject
    ObjectMapper json;

    public Uni<Void> publish(RawArticleEvent event) {
        byte[] payload;
        try {
            // Straight to UTF-8 bytes: no intermediate String of the whole article to encode again.
            payload = json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("cannot serialise article " + event.id(), e));
        }
        Message<byte[]> message = Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.id()).build());
        return emitter.sendMessage(message);
    }
}
