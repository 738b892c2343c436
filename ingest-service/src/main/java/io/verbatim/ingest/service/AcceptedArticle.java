package io.verbatim.ingest.service;

import java.net.URI;

/** An article Kafka has acknowledged, and where query-service will serve it once analysed. */
public record AcceptedArticle(String id, URI location) {
}
