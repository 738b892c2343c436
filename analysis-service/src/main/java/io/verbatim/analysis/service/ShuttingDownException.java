package io.verbatim.analysis.service;

/** The service is stopping: the article is handed back to Kafka (not acknowledged) to be processed after a restart. */
public class ShuttingDownException extends RuntimeException {

    public ShuttingDownException(String articleId, Throwable cause) {
        super("shutting down: article " + articleId + " handed back", cause);
    }
}
