package io.verbatim.ingest.service;

import io.smallrye.mutiny.Uni;
import io.verbatim.ingest.config.IngestConfig;
import io.verbatim.ingest.messaging.RawArticleEvent;
import io.verbatim.ingest.messaging.RawArticlePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Turns a submitted article into a raw-article event and hands it to Kafka. */
@ApplicationScoped
public class ArticleIngestion {

    private static final Logger LOG = Logger.getLogger(ArticleIngestion.class);

    @Inject
    IngestConfig config;

    @Inject
    RawArticlePublisher publisher;

    @Inject
    Validator validator;

    @Inject
    ArticleLanguages languages;

    /**
     * Checks the rules that bean validation cannot express (configurable limits), chooses the article's language
     * (refusing one the pipeline does not read) and publishes.
     */
    public Uni<AcceptedArticle> accept(ArticleSubmission article, String idempotencyKey) {
        checkLimits(article);
        ArticleLanguage language = languages.choose(article.title(), article.body(), article.language());
        String id = ArticleId.of(article, idempotencyKey).toString();
        RawArticleEvent event = new RawArticleEvent(RawArticleEvent.SCHEMA_VERSION, id, article.title().strip(),
                article.body(), article.url(), article.source(), language.code(), language.source().label(),
                article.publishedAt(), article.authors() == null ? List.of() : article.authors(), Instant.now());
        return publisher.publish(event)
                .ifNoItem().after(config.publishTimeout()).fail()
                .onFailure().transform(e -> {
                    if (tooLargeForKafka(e)) {
                        // The record as encoded (JSON escapes included) exceeds what the producer or broker takes:
                        // retrying cannot help, so this is the client's 413, not a 503.
                        return new ArticleRejectedException(413, "Article too large for the message broker",
                                List.of(new FieldError("body", "is too large once encoded as JSON (" + e.getMessage() + ")")));
                    }
                    LOG.warnf("article %s not acknowledged by Kafka: %s", id, e.toString());
                    return new BrokerUnavailableException(id, e);
                })
                .invoke(() -> LOG.debugf("article %s accepted (%d chars, %s %s)", id, article.body().length(),
                        language.source().label(), language.code()))
                .replaceWith(new AcceptedArticle(id, locationOf(id), language));
    }

    /** Bean validation for items of a batch, which are not validated by the REST layer. */
    public List<FieldError> validate(ArticleSubmission article) {
        Set<ConstraintViolation<ArticleSubmission>> violations = validator.validate(article);
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<ArticleSubmission> violation : violations) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    private static boolean tooLargeForKafka(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.apache.kafka.common.errors.RecordTooLargeException
                    || cause instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException) {
                return true;
            }
        }
        return false;
    }

    public URI locationOf(String id) {
        return URI.create(config.queryBaseUrl().replaceAll("/+$", "") + "/api/v1/articles/" + id);
    }

    private void checkLimits(ArticleSubmission article) {
        List<FieldError> invalid = new java.util.ArrayList<>();
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("title", article.title());
        fields.put("body", article.body());
        fields.put("url", article.url());
        fields.put("source", article.source());
        fields.forEach((name, value) -> {
            if (value != null && value.indexOf('\u0000') >= 0) {
                invalid.add(new FieldError(name, "must not contain NUL characters"));
            }
        });
        if (article.authors() != null && article.authors().stream().anyMatch(a -> a != null && a.indexOf('\u0000') >= 0)) {
            invalid.add(new FieldError("authors", "must not contain NUL characters"));
        }
        if (article.publishedAt() != null && (article.publishedAt().getYear() < 1 || article.publishedAt().getYear() > 9999)) {
            // Java reads extended years (+999999999) that PostgreSQL cannot store.
            invalid.add(new FieldError("publishedAt", "must be in the years 1 to 9999"));
        }
        if (!invalid.isEmpty()) {
            // PostgreSQL cannot store these: refused here rather than failing downstream.
            throw new ArticleRejectedException(400, "Invalid article", invalid);
        }
        int bodyBytes = article.body().getBytes(StandardCharsets.UTF_8).length;
        if (bodyBytes > config.maxBodyBytes()) {
            throw new ArticleRejectedException(413, "Article body too large", List.of(new FieldError("body",
                    "is " + bodyBytes + " bytes, the limit is " + config.maxBodyBytes())));
        }
    }
}
