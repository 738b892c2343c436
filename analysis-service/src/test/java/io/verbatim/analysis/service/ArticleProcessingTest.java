package io.verbatim.analysis.service;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which database failures make an article poison: only data the database refuses; the rest is waited out. */
class ArticleProcessingTest {

    @Test
    void dataTheDatabaseRefusesIsTheArticlesFault() {
        assertTrue(ArticleProcessing.isRefusedData(new RuntimeException(new SQLException("invalid byte", "22021"))));
        assertTrue(ArticleProcessing.isRefusedData(new RuntimeException(new SQLException("check", "23514"))));
        assertTrue(ArticleProcessing.isRefusedData(new RuntimeException(new SQLException("tsvector too long", "54000"))));
    }

    @Test
    void lostConnectionsGrantOrMigrationMistakesAndUnknownFailuresAreRetried() {
        assertFalse(ArticleProcessing.isRefusedData(new RuntimeException(new SQLException("refused", "08001"))));
        assertFalse(ArticleProcessing.isRefusedData(new RuntimeException(new SQLException("permission denied", "42501"))));
        assertFalse(ArticleProcessing.isRefusedData(new RuntimeException(new SQLException("no such table", "42P01"))));
        assertFalse(ArticleProcessing.isRefusedData(new RuntimeException(new SQLTransientConnectionException("timeout"))));
        assertFalse(ArticleProcessing.isRefusedData(new IllegalStateException("Kafka did not answer")));
    }
}
