package io.verbatim.analysis.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.verbatim.analysis.config.AnalysisConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes a tagged article and waits for Kafka's acknowledgement, so the raw offset is committed after it. */
@ApplicationScoped
public class TaggedArticlePublisher {

    @Inject
    @Channel("articles-tagged")
    MutinyEmitter<String> emitter;

    @Inject
    ObjectMapper json;

    @Inject
    AnalysisConfig config;

    public void publish(TaggedArticle article) {
        String payload;
        try {
            payload = json.writeValueAsString(article);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise tagged article " + article.id(), e);
        }
        emitter.sendMessage(Message.of(payload)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build()))
                .await().atMost(config.publishTimeout());
    }
}
