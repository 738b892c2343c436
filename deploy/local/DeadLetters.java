import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;

/**
 * deploy/local/dlq.sh: lists articles.dlq, or re-publishes its records to articles.raw (key, value and headers
 * other than the dead-letter ones as they were). Run with the JDK's single-file launcher and Kafka's client jars.
 */
public class DeadLetters {

    private static final String DLQ = "articles.dlq";
    private static final String RAW = "articles.raw";

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        String reason = args.length == 3 && args[1].equals("--reason") ? args[2] : null;
        if (!(command.equals("list") || command.equals("replay")) || (args.length != 1 && reason == null)) {
            System.err.println("usage: dlq.sh list|replay [--reason invalid|schema|too-large|timeout|engine|refused]");
            System.exit(2);
        }
        String servers = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        String group = "verbatim-dlq-replay-" + (reason == null ? "all" : reason);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(DLQ).stream()
                    .map(p -> new TopicPartition(DLQ, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = replayed.get(partition);
                if (command.equals("replay") && from != null) {
                    consumer.seek(partition, from.offset());
                } else {
                    consumer.seekToBeginning(List.of(partition));
                }
            }
            if (command.equals("list")) {
                list(consumer, end, reason);
            } else {
                replay(consumer, end, reason, servers);
            }
        }
    }

    private static void list(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end, String reason) {
        Map<String, Integer> perReason = new TreeMap<>();
        readUntil(consumer, end, record -> {
            String why = header(record, "dead-letter-reason");
            if (matches(why, reason)) {
                perReason.merge(code(why), 1, Integer::sum);
                System.out.printf("%d@%d\t%s\t%d bytes\t%s%n", record.partition(), record.offset(),
                        record.key() == null ? "-" : new String(record.key(), StandardCharsets.UTF_8),
                        record.value() == null ? 0 : record.value().length, why);
            }
        });
        perReason.forEach((code, count) -> System.out.printf("%s: %d%n", code, count));
    }

    private static void replay(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end, String reason,
                               String servers) throws Exception {
        int[] sent = {0};
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 10 << 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            List<Future<?>> acks = new java.util.ArrayList<>();
            readUntil(consumer, end, record -> {
                if (matches(header(record, "dead-letter-reason"), reason)) {
                    ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(RAW, record.key(), record.value());
                    for (Header h : record.headers()) {
                        if (!h.key().startsWith("dead-letter-")) {
                            again.headers().add(h);
                        }
                    }
                    again.headers().add("replayed-from", (DLQ + "-" + record.partition() + "@" + record.offset())
                            .getBytes(StandardCharsets.UTF_8));
                    acks.add(producer.send(again));
                    sent[0]++;
                }
            });
            for (Future<?> ack : acks) {
                ack.get();
            }
        }
        // Only once Kafka has every replayed record: a failed replay is run again, not lost.
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
        consumer.commitSync(done);
        System.out.printf("replayed %d record(s) to %s%n", sent[0], RAW);
    }

    private static void readUntil(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end,
                                  java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    each.accept(record);
                }
            }
        }
    }

    private static boolean matches(String why, String reason) {
        return reason == null || code(why).equals(reason);
    }

    /** The reason's first word: analysis-service writes "timeout: analysis took longer than …". */
    private static String code(String why) {
        int colon = why.indexOf(':');
        return colon < 0 ? why : why.substring(0, colon);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
