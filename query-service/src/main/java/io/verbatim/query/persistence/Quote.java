package io.verbatim.query.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.List;
import java.util.UUID;

/** Reported speech in an article, with its speaker when named. */
@Entity
@Immutable
@Table(name = "quote")
public class Quote extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "article_id")
    public UUID articleId;
    @Column(name = "start_offset")
    public int start;
    @Column(name = "end_offset")
    public int end;
    public String text;
    public String type;
    public String cue;
    @Column(name = "speaker_entity_id")
    public Long speakerEntityId;
    @Column(name = "speaker_mention_start")
    public Integer speakerMentionStart;
    @Column(name = "speaker_mention_end")
    public Integer speakerMentionEnd;
    @Column(name = "speaker_mention_text")
    public String speakerMentionText;
    @Column(name = "speaker_descriptor")
    public String speakerDescriptor;
    public float confidence;
    /** The statement this quote belongs to (the same words of the same speaker elsewhere); null without a speaker. */
    @Column(name = "statement_id")
    public Long statementId;

    public static List<Quote> ofArticle(UUID articleId) {
        return list("articleId = ?1 order by start", articleId);
    }
}
