package io.verbatim.analysis.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes the mentions and quotes of an article with one INSERT per table (PostgreSQL unnest over one array per
 * column): an article has dozens of rows, and one statement per row cost a round trip and a trigger call each.
 * Runs in the caller's transaction.
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

    /** Where a quote is in its article's body: its key within the article. */
    public record Span(int start, int end) {
    }

    /** A column of the rows: its PostgreSQL array element type and how to read it from a row. */
    private record Column<R>(String sqlType, Function<R, Object> value) {
    }

    private static final List<Column<MentionRow>> MENTION_COLUMNS = List.of(
            new Column<>("int8", MentionRow::entityId), new Column<>("int4", MentionRow::start),
            new Column<>("int4", MentionRow::end), new Column<>("text", MentionRow::text),
            new Column<>("text", MentionRow::type));

    private static final List<Column<QuoteRow>> QUOTE_COLUMNS = List.of(
            new Column<>("int4", QuoteRow::start), new Column<>("int4", QuoteRow::end),
            new Column<>("text", QuoteRow::text), new Column<>("text", QuoteRow::type),
            new Column<>("text", QuoteRow::cue), new Column<>("int8", QuoteRow::speakerEntityId),
            new Column<>("int4", QuoteRow::speakerMentionStart), new Column<>("int4", QuoteRow::speakerMentionEnd),
            new Column<>("text", QuoteRow::speakerMentionText), new Column<>("text", QuoteRow::speakerDescriptor),
            new Column<>("float4", QuoteRow::confidence));

    @Inject
    EntityManager em;

    public void insertMentions(UUID articleId, List<MentionRow> rows) {
        insert("""
                INSERT INTO mention (article_id, entity_id, start_offset, end_offset, text, type)
                SELECT ?, * FROM unnest(?::bigint[], ?::int[], ?::int[], ?::text[], ?::text[])""",
                articleId, rows, MENTION_COLUMNS);
    }

    public void insertQuotes(UUID articleId, List<QuoteRow> rows) {
        insert("""
                INSERT INTO quote (article_id, start_offset, end_offset, text, type, cue, speaker_entity_id,
                                   speaker_mention_start, speaker_mention_end, speaker_mention_text,
                                   speaker_descriptor, confidence)
                SELECT ?, * FROM unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::int[],
                                        ?::int[], ?::text[], ?::text[], ?::real[])""",
                articleId, rows, QUOTE_COLUMNS);
    }

    /**
     * Groups the article's new quotes into statements (verbatim_group_statements in the schema, which says what
     * "the same" is), refreshes the statements of the quotes they replace ({@code previous}) and puts the article
     * in the story it copies; returns the statement of each quote that has a speaker.
     */
    public Map<Span, Long> groupStatements(UUID articleId, List<Long> previous) {
        Map<Span, Long> statements = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement group = connection.prepareStatement(
                    "SELECT start_offset, end_offset, statement_id FROM verbatim_group_statements(?, ?)")) {
                group.setObject(1, articleId);
                group.setArray(2, connection.createArrayOf("int8", previous.toArray()));
                try (ResultSet rs = group.executeQuery()) {
                    while (rs.next()) {
                        long statement = rs.getLong(3);
                        if (!rs.wasNull()) {
                            statements.put(new Span(rs.getInt(1), rs.getInt(2)), statement);
                        }
                    }
                }
            }
        });
        return statements;
    }

    /** Binds the article id, then one array per column, in the order of the statement's parameters. */
    private <R> void insert(String sql, UUID articleId, List<R> rows, List<Column<R>> columns) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setObject(1, articleId);
                for (int i = 0; i < columns.size(); i++) {
                    Column<R> column = columns.get(i);
                    insert.setArray(i + 2, connection.createArrayOf(column.sqlType(),
                            rows.stream().map(column.value()).toArray()));
                }
                insert.executeUpdate();
            }
        });
    }
}
