package io.verbatim.analysis.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.verbatim.analysis.config.AnalysisConfig;
import io.verbatim.analysis.event.RawArticle;
import io.verbatim.analysis.service.PoisonRecordException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** Parses and checks a raw record; anything wrong with it is a {@link PoisonRecordException} naming the reason. */
@ApplicationScoped
public class RawArticleReader {

    @Inject
    ObjectMapper json;

    @Inject
    AnalysisConfig config;

    public RawArticle read(String key, String payload) {
        if (payload == null || payload.isBlank()) {
            throw new PoisonRecordException("invalid", "empty record");
        }
        RawArticle article;
        try {
            article = json.readerFor(RawArticle.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(payload);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("invalid", "not a raw-article JSON record: " + e.getOriginalMessage());
        }
        if (article.schemaVersion() != RawArticle.SCHEMA_VERSION) {
            throw new PoisonRecordException("schema", "unsupported schemaVersion " + article.schemaVersion()
                    + " (this service reads " + RawArticle.SCHEMA_VERSION + ")");
        }
        if (article.id() == null || !isUuid(article.id())) {
            throw new PoisonRecordException("invalid", "missing or malformed id");
        }
        if (key != null && !key.equals(article.id())) {
            throw new PoisonRecordException("invalid", "record key " + key + " does not match id " + article.id());
        }
        if (article.title() == null || article.title().isBlank() || article.body() == null || article.body().isBlank()) {
            throw new PoisonRecordException("invalid", "title and body are required");
        }
        if (article.body().length() > config.maxBodyChars()) {
            throw new PoisonRecordException("too-large", "body of " + article.body().length() + " characters exceeds the limit of "
                    + config.maxBodyChars());
        }
        if (article.body().indexOf('\u0000') >= 0 || article.title().indexOf('\u0000') >= 0) {
            throw new PoisonRecordException("invalid", "title or body contains NUL characters, which PostgreSQL cannot store");
        }
        if (article.languageSource() != null && !RawArticle.LANGUAGE_SOURCES.contains(article.languageSource())) {
            throw new PoisonRecordException("invalid", "languageSource '" + article.languageSource() + "' is none of "
                    + RawArticle.LANGUAGE_SOURCES);
        }
        if (article.receivedAt() == null) {
            throw new PoisonRecordException("invalid", "receivedAt is required");
        }
        return article;
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
