package io.verbatim.analysis.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/** A quote of an article with its speaker (an entity, or none with a descriptor); tests read the rows AnalysisRows writes. */
@Entity
@Table(name = "quote")
public class ArticleQuote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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

    public static List<ArticleQuote> ofArticle(UUID articleId) {
        return list("articleId = ?1 order by start", articleId);
    }
}
