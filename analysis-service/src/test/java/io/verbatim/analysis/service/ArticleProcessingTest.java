package io.verbatim.analysis.service;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are worth retrying: a lost database is, data the database refuses is not. */
class ArticleProcessingTest {

    @Test
    void dataTheDatabaseRefusesIsPermanent() {
        assertTrue(ArticleProcessing.isPermanent(new RuntimeException(new SQLException("invalid byte", "22021"))));
        assertTrue(ArticleProcessing.isPermanent(new RuntimeException(new SQLException("duplicate", "23505"))));
    }

    @Test
    void lostConnectionsAndUnknownFailuresAreRetried() {
        assertFalse(ArticleProcessing.isPermanent(new RuntimeException(new SQLException("refused", "08001"))));
        assertFalse(ArticleProcessing.isPermanent(new RuntimeException(new SQLTransientConnectionException("timeout"))));
        assertFalse(ArticleProcessing.isPermanent(new IllegalStateException("Kafka did not answer")));
    }
}
