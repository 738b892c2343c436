package io.verbatim.analysis.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * Writes the mentions and quotes of an article with one INSERT per table (PostgreSQL unnest over arrays): an
 * article has dozens of rows, and one statement per row cost more round trips, more trigger calls and more
 * CPU than the analysis itself. Runs in the caller's transaction.
 */
@ApplicationScoped
public class AnalysisRows {

    /** A mention of an entity in the article's text. */
    public record MentionRow(long entityId, int start, int end, String text, String type) {
    }

    /** A quote; the speaker fields are null when nobody is named or designated. */
    public record QuoteRow(int start, int end, String text, String type, String cue, Long speakerEntityId,
                           Integer speakerMentionStart, Integer speakerMentionEnd, String speakerMentionText,
                           String speakerDescriptor, float confidence) {
    }

    @Inject
    EntityManager em;

    public void insertMentions(UUID articleId, List<MentionRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO mention (article_id, entity_id, start_offset, end_offset, text, type)
                    SELECT ?, * FROM unnest(?::bigint[], ?::int[], ?::int[], ?::text[], ?::text[])""")) {
                insert.setObject(1, articleId);
                insert.setArray(2, array(connection, "int8", rows.stream().map(r -> r.entityId()).toArray()));
                insert.setArray(3, array(connection, "int4", rows.stream().map(r -> r.start()).toArray()));
                insert.setArray(4, array(connection, "int4", rows.stream().map(r -> r.end()).toArray()));
                insert.setArray(5, array(connection, "text", rows.stream().map(r -> r.text()).toArray()));
                insert.setArray(6, array(connection, "text", rows.stream().map(r -> r.type()).toArray()));
                insert.executeUpdate();
            }
        });
    }

    public void insertQuotes(UUID articleId, List<QuoteRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO quote (article_id, start_offset, end_offset, text, type, cue, speaker_entity_id,
                                       speaker_mention_start, speaker_mention_end, speaker_mention_text,
                                       speaker_descriptor, confidence)
                    SELECT ?, * FROM unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::int[],
                                            ?::int[], ?::text[], ?::text[], ?::real[])""")) {
                insert.setObject(1, articleId);
                insert.setArray(2, array(connection, "int4", rows.stream().map(r -> r.start()).toArray()));
                insert.setArray(3, array(connection, "int4", rows.stream().map(r -> r.end()).toArray()));
                insert.setArray(4, array(connection, "text", rows.stream().map(r -> r.text()).toArray()));
                insert.setArray(5, array(connection, "text", rows.stream().map(r -> r.type()).toArray()));
                insert.setArray(6, array(connection, "text", rows.stream().map(r -> r.cue()).toArray()));
                insert.setArray(7, array(connection, "int8", rows.stream().map(r -> r.speakerEntityId()).toArray()));
                insert.setArray(8, array(connection, "int4", rows.stream().map(r -> r.speakerMentionStart()).toArray()));
                insert.setArray(9, array(connection, "int4", rows.stream().map(r -> r.speakerMentionEnd()).toArray()));
                insert.setArray(10, array(connection, "text", rows.stream().map(r -> r.speakerMentionText()).toArray()));
                insert.setArray(11, array(connection, "text", rows.stream().map(r -> r.speakerDescriptor()).toArray()));
                insert.setArray(12, array(connection, "float4", rows.stream().map(r -> r.confidence()).toArray()));
                insert.executeUpdate();
            }
        });
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
