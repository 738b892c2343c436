package io.verbatim.analysis.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.verbatim.analysis.config.AnalysisConfig;
import io.verbatim.analysis.persistence.TaggedOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Relays the tagged-article outbox to {@code articles.tagged}: a batch of events is sent in the order it was
 * written and removed from the outbox only once Kafka has acknowledged all of it; otherwise it is sent again
 * after a pause (SmallRye Fault Tolerance's retry, with back-off), for as long as Kafka is away. At least once: a crash after the acknowledgement and before the
 * commit sends a batch twice, and consumers keep the last record per key.
 */
@ApplicationScoped
public class TaggedArticlePublisher {

    private static final Logger LOG = Logger.getLogger(TaggedArticlePublisher.class);
    /** How often an idle relay looks at the outbox: events of other instances, or left by a crash. */
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    @Inject
    @Channel("articles-tagged")
    MutinyEmitter<String> emitter;

    @Inject
    TaggedOutbox outbox;

    @Inject
    AnalysisConfig config;

    private final Semaphore wakeUp = new Semaphore(0);
    /**
     * Sends from a thread that holds no transaction: context propagation would otherwise carry the relay's
     * transaction to the emitter's threads, and Narayana refuses to commit a transaction other threads are in.
     */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "tagged-outbox-sender");
        thread.setDaemon(true);
        return thread;
    });
    /** The last batch sent: after a timeout its records may still be on their way to Kafka. */
    private CompletableFuture<Void> lastAttempt = CompletableFuture.completedFuture(null);
    private volatile boolean running = true;
    private volatile String trouble;
    private TypedGuard<Integer> relayRetry;
    private Thread relay;

    void start(@Observes StartupEvent event) {
        // Retried for as long as the failure lasts (no count, no deadline, no jitter): from verbatim.analysis.
        // first-retry-pause, doubled each time up to max-retry-pause; a success starts again from the first.
        relayRetry = TypedGuard.create(Integer.class).withRetry()
                .maxRetries(-1).maxDuration(0, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                .delay(config.firstRetryPause().toMillis(), ChronoUnit.MILLIS)
                .withExponentialBackoff().factor(2).maxDelay(config.maxRetryPause().toMillis(), ChronoUnit.MILLIS).done()
                .whenException(e -> running && !(e instanceof InterruptedException))
                .beforeRetry(e -> {
                    trouble = "cannot publish tagged articles: " + rootMessage(e);
                    LOG.warnf("%s; retrying", trouble);
                })
                .done().build();
        relay = new Thread(this::relayUntilStopped, "tagged-outbox-relay");
        relay.setDaemon(true);
        relay.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release();
        relay.join(config.publishTimeout().toMillis());
    }

    /** An article was stored with its event: relay it now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    /** Why events are not reaching Kafka, if they are not. */
    public Optional<String> trouble() {
        return Optional.ofNullable(trouble);
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                int published = relayRetry.call(this::relayOnce);
                if (published < config.outboxBatch()) {
                    wakeUp.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (Exception stopped) {
                // Only InterruptedException or the end of the service stop the retries.
                return;
            }
        }
    }

    /** One batch from the outbox to Kafka; the number of events published. */
    private int relayOnce() throws InterruptedException {
        awaitLastAttempt();
        int published = outbox.relay(config.outboxBatch(), this::send);
        trouble = null;
        return published;
    }

    /**
     * A batch is sent again only once Kafka has settled every record of the last attempt (acknowledged late, or
     * failed): otherwise each retry during an outage would queue one more copy of every event in the producer.
     */
    private void awaitLastAttempt() throws InterruptedException {
        while (running) {
            try {
                lastAttempt.get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException settled) {
                return;
            } catch (TimeoutException stillPending) {
                trouble = "cannot publish tagged articles: Kafka has not settled the last attempt";
            }
        }
    }

    /** Sends the batch in order and returns once Kafka has acknowledged every record of it. */
    private void send(List<TaggedOutbox.Pending> batch) {
        try {
            lastAttempt = CompletableFuture.supplyAsync(() -> sendAll(batch), sender).thenCompose(acks -> acks);
            lastAttempt.get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a tagged article: " + rootMessage(e), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the tagged articles within "
                    + config.publishTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    private CompletableFuture<Void> sendAll(List<TaggedOutbox.Pending> batch) {
        return CompletableFuture.allOf(batch.stream()
                .map(event -> emitter.sendMessage(Message.of(event.payload()).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(event.articleId()).build()))
                        .subscribeAsCompletionStage())
                .toArray(CompletableFuture[]::new));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
