package io.verbatim.e2e;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What a plain subscriber sees on a topic, from its beginning. */
final class Topics {

    private Topics() {
    }

    /**
     * How many records each of the wanted keys has on the topic: reads until all appeared or time is up, then on
     * to the end of the topic.
     */
    static Map<String, Integer> count(String topic, Set<String> wanted, Duration timeout) {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Pipeline.kafka(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && counts.size() < wanted.size()) {
                countWanted(consumer.poll(Duration.ofMillis(500)), wanted, counts);
            }
            // Then to the end of the topic, so that records sent again are counted too.
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (System.nanoTime() < deadline
                    && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                countWanted(consumer.poll(Duration.ofMillis(500)), wanted, counts);
            }
        }
        return counts;
    }

    private static void countWanted(Iterable<ConsumerRecord<String, String>> records, Set<String> wanted,
                                    Map<String, Integer> counts) {
        for (ConsumerRecord<String, String> record : records) {
            if (wanted.contains(record.key())) {
                counts.merge(record.key(), 1, Integer::sum);
            }
        }
    }
}
