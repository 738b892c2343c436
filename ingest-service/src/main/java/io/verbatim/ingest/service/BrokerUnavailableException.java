package io.verbatim.ingest.service;

/** Kafka did not acknowledge the article in time: the client must retry (same id, so no duplicate). */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String articleId, Throwable cause) {
        super("Kafka did not acknowledge article " + articleId, cause);
    }
}
