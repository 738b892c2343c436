package io.verbatim.query.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.verbatim.query.config.QueryConfig;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Newly tagged articles, broadcast to every live subscriber. A subscriber that falls more than
 * {@code verbatim.query.stream-buffer} events behind is disconnected (it may reconnect) rather than holding
 * memory for it. Connections are counted, in all and per client, so that their buffers stay bounded.
 */
@ApplicationScoped
public class ArticleStream {

    private static final Logger LOG = Logger.getLogger(ArticleStream.class);

    public record StreamedEntity(long id, String name, String type) {
    }

    /** statementId: the statement the quote belongs to (/api/v1/statements/{id}), null without a speaker. */
    public record StreamedQuote(String text, String type, String cue, ArticleQueries.EntityRef speaker,
                                String speakerDescriptor, Long statementId) {
    }

    /** An article as it was tagged; the same id may come twice (at-least-once delivery): keep the last. */
    public record StreamedArticle(String id, String title, String source, String url, String language,
                                  String languageSource, OffsetDateTime publishedAt, Instant analyzedAt, List<StreamedEntity> entities,
                                  List<StreamedQuote> quotes) {

        boolean names(Long entity) {
            return entity == null || entities.stream().anyMatch(e -> e.id() == entity);
        }

        boolean quotes(Long speaker) {
            return speaker == null || quotes.stream().anyMatch(q -> q.speaker() != null && q.speaker().id() == speaker);
        }
    }

    /** A newly tagged article, or (article null) a heartbeat that keeps idle connections open. */
    public record Event(StreamedArticle article) {
    }

    private static final Event HEARTBEAT = new Event(null);

    private final BroadcastProcessor<Event> processor = BroadcastProcessor.create();
    private final ConcurrentMap<String, Integer> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Cancellable heartbeat;

    @Inject
    QueryConfig config;

    void start(@Observes StartupEvent event) {
        heartbeat = Multi.createFrom().ticks().every(config.streamHeartbeat()).onOverflow().drop()
                .subscribe().with(tick -> processor.onNext(HEARTBEAT));
    }

    /**
     * Ends every live connection when shutdown begins: an endless response would otherwise hold the graceful
     * shutdown for its whole timeout. Clients reconnect to another replica.
     */
    void stop(@Observes ShutdownDelayInitiatedEvent event) {
        if (heartbeat != null) {
            heartbeat.cancel();
        }
        processor.onComplete();
    }

    public void publish(StreamedArticle article) {
        processor.onNext(new Event(article));
    }

    /**
     * Articles tagged from now on that name the entity and quote the speaker (either may be null), for a client
     * (its key or address). Refused with {@link StreamLimitException} when this replica or this client holds
     * as many connections as allowed; the connection counts until its stream ends or is cancelled.
     */
    public Multi<Event> subscribe(Long entity, Long speaker, String client) {
        if (perClient.merge(client, 1, Integer::sum) > config.streamMaxPerClient()) {
            release(client, false);
            throw new StreamLimitException(false, "this client already has " + config.streamMaxPerClient()
                    + " live streams open");
        }
        if (connections.incrementAndGet() > config.streamMaxConnections()) {
            release(client, true);
            throw new StreamLimitException(true, "this server holds as many live streams as it may ("
                    + config.streamMaxConnections() + ")");
        }
        return processor
                .filter(e -> e.article() == null || e.article().names(entity) && e.article().quotes(speaker))
                .onOverflow().buffer(config.streamBuffer())
                .onFailure().invoke(e -> LOG.infof("disconnecting a live-stream client: %s", e.getMessage()))
                .onTermination().invoke(() -> release(client, true));
    }

    private void release(String client, boolean counted) {
        if (counted) {
            connections.decrementAndGet();
        }
        perClient.computeIfPresent(client, (c, n) -> n > 1 ? n - 1 : null);
    }
}
