package io.verbatim.ingest.service;

import java.net.URI;

/** An article Kafka has acknowledged, the language it is analysed in, and where query-service will serve it. */
public record AcceptedArticle(String id, URI location, ArticleLanguage language) {
}
