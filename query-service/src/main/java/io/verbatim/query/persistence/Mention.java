package io.verbatim.query.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.List;
import java.util.UUID;

/** Where an article names an entity. */
@Entity
@Immutable
@Table(name = "mention")
public class Mention extends PanacheEntityBase {

    @Id
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

    public static List<Mention> ofArticle(UUID articleId) {
        return list("articleId = ?1 order by start", articleId);
    }
}
