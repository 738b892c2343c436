-- Rankings, timelines and a speaker's quotes, fast over long periods.
--
-- 1. Each quote and mention carries its article's date (set by a trigger, so every writer gets it right): a
--    speaker's quotes and an entity's mentions come newest first from one index, and period filters on quotes
--    and mentions read an index alone, with no join.
CREATE FUNCTION copy_article_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT coalesce(published_at, received_at) INTO NEW.article_date FROM article WHERE id = NEW.article_id;
    RETURN NEW;
END
$$;

ALTER TABLE quote ADD COLUMN article_date timestamptz;
UPDATE quote q SET article_date = coalesce(a.published_at, a.received_at) FROM article a WHERE a.id = q.article_id;
ALTER TABLE quote ALTER COLUMN article_date SET NOT NULL;
CREATE TRIGGER quote_article_date BEFORE INSERT ON quote FOR EACH ROW EXECUTE FUNCTION copy_article_date();
CREATE INDEX quote_speaker_date_idx ON quote (speaker_entity_id, article_date DESC, id DESC);
-- Newest quotes first (with the id as tie-break, as the cursor pages them), and periods read from the index.
CREATE INDEX quote_date_idx ON quote (article_date DESC, id DESC) INCLUDE (speaker_entity_id, article_id);
DROP INDEX quote_speaker_idx;

ALTER TABLE mention ADD COLUMN article_date timestamptz;
UPDATE mention m SET article_date = coalesce(a.published_at, a.received_at) FROM article a WHERE a.id = m.article_id;
ALTER TABLE mention ALTER COLUMN article_date SET NOT NULL;
CREATE TRIGGER mention_article_date BEFORE INSERT ON mention FOR EACH ROW EXECUTE FUNCTION copy_article_date();
CREATE INDEX mention_entity_date_idx ON mention (entity_id, article_date DESC) INCLUDE (article_id);
CREATE INDEX mention_date_idx ON mention (article_date) INCLUDE (entity_id, article_id, type);

-- 2. Quotes and articles per speaker and month (UTC), kept by statement triggers on quote: a ranking over
--    years sums a few rows per speaker and month, and reads quotes only for the partial months at its ends.
--    An article counts once per speaker, however many statements insert or delete its quotes.
CREATE TABLE speaker_month (
    speaker_entity_id bigint      NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    month             date        NOT NULL,
    quotes            integer     NOT NULL,
    articles          integer     NOT NULL,
    last_quoted       timestamptz NOT NULL,
    PRIMARY KEY (speaker_entity_id, month)
);
CREATE INDEX speaker_month_month_idx ON speaker_month (month) INCLUDE (speaker_entity_id, quotes, articles, last_quoted);

INSERT INTO speaker_month (speaker_entity_id, month, quotes, articles, last_quoted)
SELECT speaker_entity_id, CAST(date_trunc('month', article_date AT TIME ZONE 'UTC') AS date), count(*),
       count(DISTINCT article_id), max(article_date)
FROM quote WHERE speaker_entity_id IS NOT NULL GROUP BY 1, 2;

CREATE FUNCTION speaker_month_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO speaker_month AS s (speaker_entity_id, month, quotes, articles, last_quoted)
    SELECT i.speaker_entity_id, CAST(date_trunc('month', i.article_date AT TIME ZONE 'UTC') AS date), count(*),
           count(DISTINCT i.article_id) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM quote q WHERE q.article_id = i.article_id AND q.speaker_entity_id = i.speaker_entity_id
                   AND q.id NOT IN (SELECT id FROM inserted))),
           max(i.article_date)
    FROM inserted i WHERE i.speaker_entity_id IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (speaker_entity_id, month) DO UPDATE
        SET quotes = s.quotes + EXCLUDED.quotes, articles = s.articles + EXCLUDED.articles,
            last_quoted = greatest(s.last_quoted, EXCLUDED.last_quoted);
    RETURN NULL;
END
$$;
CREATE TRIGGER speaker_month_add AFTER INSERT ON quote REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION speaker_month_add();

CREATE FUNCTION speaker_month_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE speaker_month s SET quotes = s.quotes - d.quotes, articles = s.articles - d.articles
    FROM (SELECT r.speaker_entity_id, CAST(date_trunc('month', r.article_date AT TIME ZONE 'UTC') AS date) AS month,
                 count(*) AS quotes,
                 count(DISTINCT r.article_id) FILTER (WHERE NOT EXISTS (
                     SELECT 1 FROM quote q WHERE q.article_id = r.article_id
                         AND q.speaker_entity_id = r.speaker_entity_id)) AS articles
          FROM removed r WHERE r.speaker_entity_id IS NOT NULL GROUP BY 1, 2) d
    WHERE s.speaker_entity_id = d.speaker_entity_id AND s.month = d.month;
    DELETE FROM speaker_month WHERE quotes <= 0
        AND (speaker_entity_id, month) IN (SELECT speaker_entity_id,
                 CAST(date_trunc('month', article_date AT TIME ZONE 'UTC') AS date) FROM removed);
    RETURN NULL;
END
$$;
CREATE TRIGGER speaker_month_remove AFTER DELETE ON quote REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION speaker_month_remove();
