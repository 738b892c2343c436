package io.verbatim.analysis.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Where an article names an entity (character offsets into the body); tests read the rows AnalysisRows writes. */
@Entity
@Table(name = "mention")
public class EntityMention extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id")
    public UUID articleId;
    @Column(name = "entity_id")
    public long entityId;
    @Column(name = "start_offset")
    public int start;
    @Column(name = "end_offset")
    public int end;
    public String text;
    public String type;

    public static long countInArticle(UUID articleId) {
        return count("articleId", articleId);
    }
}
