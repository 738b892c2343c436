package io.verbatim.analysis.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Plain Kafka clients on the test broker: what an outside producer or subscriber would do. */
final class KafkaTestClient {

    private KafkaTestClient() {
    }

    private static String servers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Sends a record and returns the partition it went to. */
    static int send(String topic, String key, String value) throws Exception {
        return send(topic, null, key, value);
    }

    /** Sends a record to this partition (null: the key's) and returns the partition it went to. */
    static int send(String topic, Integer partition, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                // Poison records may be large: the topics take up to 10 MiB (deploy/local/infra.sh).
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 10_485_760))) {
            return producer.send(new ProducerRecord<>(topic, partition, key, value)).get().partition();
        }
    }

    /** Every record with this key that shows up on the topic within the timeout. */
    static List<ConsumerRecord<String, String>> all(String topic, String key, int atLeast, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers(),
                ConsumerConfig.GROUP_ID_CONFIG, "analysis-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && found.size() < atLeast) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    static Optional<ConsumerRecord<String, String>> first(String topic, String key, Duration timeout) {
        return all(topic, key, 1, timeout).stream().findFirst();
    }
}
