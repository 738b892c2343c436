package io.verbatim.analysis.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tagged events not yet acknowledged by Kafka (a transactional outbox): a row is written in the transaction that
 * stores the article, so an event exists exactly when its analysis does, and is deleted once the broker has it.
 */
@ApplicationScoped
public class TaggedOutbox {

    /** Any number both instances agree on: the one lock that makes a single relay publish at a time. */
    private static final long RELAY_LOCK = 0x7461676765644cL;

    /** An event to publish: the article id is the record key. */
    public record Pending(long id, String articleId, String payload) {
    }

    @Inject
    EntityManager em;

    /** Runs in the caller's transaction. */
    public void add(UUID articleId, String payload) {
        em.createNativeQuery("INSERT INTO tagged_outbox (article_id, payload) VALUES (?1, ?2)")
                .setParameter(1, articleId).setParameter(2, payload).executeUpdate();
    }

    /**
     * Hands the oldest events, in the order they were written, to {@code publish}, which returns once Kafka has
     * acknowledged them all or throws; then deletes them in the same transaction. One instance relays at a time
     * (a transaction-scoped advisory lock), so the events of an article reach Kafka in the order they were made.
     *
     * @return how many were published, or -1 if another instance is relaying
     */
    @Transactional
    public int relay(int max, Consumer<List<Pending>> publish) {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!locked) {
            return -1;
        }
        List<Pending> pending = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, article_id, payload FROM tagged_outbox ORDER BY id LIMIT ?")) {
                select.setInt(1, max);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        pending.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
        });
        if (pending.isEmpty()) {
            return 0;
        }
        publish.accept(pending);
        // By id, not up to the last one: a transaction that took a lower id may commit after this read.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tagged_outbox WHERE id = ANY (?)")) {
                delete.setArray(1, connection.createArrayOf("int8", pending.stream().map(Pending::id).toArray()));
                delete.executeUpdate();
            }
        });
        return pending.size();
    }

    /** Events waiting for Kafka. */
    @Transactional
    public long backlog() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM tagged_outbox").getSingleResult()).longValue();
    }
}
