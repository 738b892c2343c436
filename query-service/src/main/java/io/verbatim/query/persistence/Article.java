package io.verbatim.query.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An analysed article (table owned by analysis-service). Immutable here: this service only reads it, while
 * analysis-service rewrites the row when a newer analyzer re-analyses the article.
 */
@Entity
@Immutable
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    public String body;
    public String url;
    public String source;
    public String language;
    /** given, detected or default: how ingest-service chose language; null for articles ingested before it said. */
    @Column(name = "language_source")
    public String languageSource;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] authors;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "analyzed_at")
    public Instant analyzedAt;
    @Column(name = "analyzer_version")
    public String analyzerVersion;
    @Column(name = "token_count")
    public int tokenCount;
    /** The article that began the story this one is in (copies of one dispatch); null for that article itself. */
    @Column(name = "story_id")
    public UUID storyId;
}
