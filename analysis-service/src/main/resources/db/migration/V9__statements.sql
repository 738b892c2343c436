-- Statements: one agency dispatch is republished by many outlets, lightly edited, and each copy is an article
-- with the same quotes. A statement groups the quotes of one speaker that say the same thing, whichever
-- articles reported them, so a speaker's words are listed and counted once, with who reported them first and
-- how far they spread. Quotes are grouped when their article is stored, by verbatim_group_statements(), in
-- the transaction that stores them (analysis-service's ArticleStore).
--
-- Two quotes say the same thing when they have the same speaker entity, their articles are dated within
-- 7 days of the statement's first report, and after verbatim_statement_text() (case, accents, quote marks and
-- apostrophes, punctuation, spacing) they are
--   * the same text (statement.fingerprint, indexed), or
--   * near-identical: trigram similarity (pg_trgm) of at least 0.85 with the same numbers in the same order
--     (a word changed, not a figure: "40 millions" is not "400 millions"), or
--   * one an excerpt of the other: the shorter, of 4 words or more, matches a stretch of the longer with a
--     strict word similarity (pg_trgm) of at least 0.9 (trimmed, hardly edited), its numbers among the longer's.
-- Trigram similarity compares letters, not meaning: 0.85 keeps "Les retards ne sont pas une fatalité" apart
-- from "Les retards sont une fatalité" (0.83), but a longer sentence with a "ne … pas" dropped would be near-
-- identical; agency copy changes a quote's typography and length, hardly its words.
-- A quote is compared only with the statements of its speaker that begin or end with the same three words (two
-- indexes), in the window: the work per article is bounded by its quotes, never by the size of the archive.
-- An excerpt cut at both ends, or a quote edited near both ends, is a statement of its own. Only the first
-- 200 quotes of an article are compared so, one after another (a real article has a few dozen); the rest join
-- a statement of the same words, in one pass, so that a hostile text of thousands of quotes cannot hold the
-- store for minutes. A quote without a speaker entity has no statement: its descriptor ("un porte-parole") cannot
-- tell two unnamed sources apart.

-- Trusted since PostgreSQL 13, as unaccent: the database owner may create it. Part of PostgreSQL's contrib,
-- which zonky's binaries (deploy/local/infra.sh) and CloudNativePG's images both ship.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The words of a quote, as compared: the punctuation, quote marks, apostrophes, dashes and Unicode spaces
-- of agency copy become spaces, accents and case go (unaccent first: lower() in the C locale folds only
-- ASCII), and runs of spaces become one. Letters of other scripts are kept as they are.
CREATE FUNCTION verbatim_statement_text(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT btrim(regexp_replace(lower(unaccent('unaccent', translate($1, m.marks, repeat(' ', length(m.marks))))),
                            ' {2,}', ' ', 'g'))
FROM (SELECT '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~’ʼ‘«»“”„‹›–—―‐‑‒−…•·′″' || chr(9) || chr(10) || chr(13)
                 || U&'\00A0\202F\2009\2007\2002\2003\2008\200A\2005\2006\3000' AS marks) m
$$;

-- The numbers of a text in order, each between spaces (' 40 3 000 '; ' ' without any): figures must agree.
CREATE FUNCTION verbatim_statement_numbers(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT regexp_replace(' ' || $1 || ' ', '[^0-9]+', ' ', 'g')
$$;

-- The first and the last three words of a normalised text: a copy keeps at least one end of a quote (agency
-- copy trims a quote at its start or its end, edits a word inside), so the statements a quote may join are found
-- by either end, through an index, instead of being compared one by one.
CREATE FUNCTION verbatim_statement_head(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT array_to_string(w.words[1:3], ' ') FROM string_to_array($1, ' ') AS w(words)
$$;
CREATE FUNCTION verbatim_statement_tail(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT array_to_string(w.words[greatest(cardinality(w.words) - 2, 1):], ' ') FROM string_to_array($1, ' ') AS w(words)
$$;

CREATE TABLE statement (
    id                bigserial   PRIMARY KEY,
    speaker_entity_id bigint      NOT NULL REFERENCES entity (id),
    -- The longest of its quotes (in words, not typography) as an article wrote it, the earliest of equals: an
    -- excerpt's statement shows the full quote.
    text              text        NOT NULL,
    -- md5 of verbatim_statement_text(text): the same words, whatever the typography.
    fingerprint       uuid        NOT NULL,
    -- The start of verbatim_statement_text(text), what trigram similarity compares: a hostile 1 MiB quote
    -- costs no more to compare than a long real one.
    compared_text     text        NOT NULL,
    first_seen_at     timestamptz NOT NULL,
    last_seen_at      timestamptz NOT NULL,
    -- The article that reported it first (its date, then who was stored first); kept by
    -- verbatim_refresh_statements() as quotes come and go, so no foreign key.
    first_article_id  uuid        NOT NULL,
    article_count     integer     NOT NULL,
    quote_count       integer     NOT NULL,
    -- The language of the quote that made it, for search as in its language (V8).
    language          varchar(8)  NOT NULL,
    -- Set by a trigger when the text changes, not generated: a generated column is computed again at every
    -- update, and each report of the statement updates its counts.
    search_vector     tsvector
) WITH (fillfactor = 80); -- room for those updates in place (HOT), without touching the indexes

CREATE FUNCTION statement_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := to_tsvector(verbatim_search_config(NEW.language), verbatim_search_text(left(NEW.text, 262144)));
    RETURN NEW;
END
$$;
CREATE TRIGGER statement_search_vector_insert BEFORE INSERT ON statement
    FOR EACH ROW EXECUTE FUNCTION statement_search_vector();
CREATE TRIGGER statement_search_vector_update BEFORE UPDATE OF text ON statement
    FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text) EXECUTE FUNCTION statement_search_vector();
CREATE INDEX statement_fingerprint_idx ON statement (speaker_entity_id, fingerprint);
CREATE INDEX statement_head_idx ON statement (speaker_entity_id, verbatim_statement_head(compared_text));
CREATE INDEX statement_tail_idx ON statement (speaker_entity_id, verbatim_statement_tail(compared_text));
-- A speaker's statements newest first (query-service).
CREATE INDEX statement_speaker_idx ON statement (speaker_entity_id, first_seen_at DESC, id DESC);
CREATE INDEX statement_date_idx ON statement (first_seen_at DESC, id DESC) INCLUDE (speaker_entity_id);
CREATE INDEX statement_search_idx ON statement USING gin (search_vector);

ALTER TABLE quote ADD COLUMN statement_id bigint REFERENCES statement (id);
CREATE INDEX quote_statement_idx ON quote (statement_id) INCLUDE (article_id, article_date);

-- Copies of one dispatch: an article repeating at least half of the statements of an earlier one (two at
-- least) is in its story. story_id names the story by the article that began it (null for that article); it is
-- set on the article being stored only, never on the others of the story, whose rows other transactions may
-- hold. The story's original is its earliest article (query-service's copyOf).
ALTER TABLE article ADD COLUMN story_id uuid REFERENCES article (id) ON DELETE SET NULL;
CREATE INDEX article_story_idx ON article (story_id) WHERE story_id IS NOT NULL;

-- Statements per speaker and month of their first report (UTC), for rankings over long periods, as
-- speaker_month does for quotes. Kept by verbatim_refresh_statements(), once per article: a row updated once
-- per statement would be updated thousands of times by an article of thousands of quotes, each update slower
-- than the last within one transaction.
CREATE TABLE statement_month (
    speaker_entity_id bigint  NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    month             date    NOT NULL,
    statements        integer NOT NULL,
    PRIMARY KEY (speaker_entity_id, month)
);
CREATE INDEX statement_month_month_idx ON statement_month (month) INCLUDE (speaker_entity_id, statements);

-- Statements' text, dates, first article and counts, from the quotes they have now; a statement left without
-- quotes is deleted; statement_month follows (created: statements just inserted, not counted yet). Whoever
-- moves or deletes quotes calls it for their statements: verbatim_group_statements() does, for the quotes an
-- article's re-analysis replaced. Rows are locked first (in id order), so that the quotes are read after any
-- grouping that changed them has committed.
CREATE FUNCTION verbatim_refresh_statements(statements bigint[], created bigint[] DEFAULT '{}') RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    emptied_speakers bigint[];
    emptied_months date[];
BEGIN
    PERFORM 1 FROM statement s WHERE s.id IN (SELECT unnest(statements || created)) ORDER BY s.id FOR UPDATE;
    WITH refreshed AS (
             SELECT DISTINCT r.id, c.id IS NOT NULL AS created FROM unnest(statements || created) r(id)
             LEFT JOIN (SELECT DISTINCT unnest(created) AS id) c ON c.id = r.id),
         before AS (
             SELECT s.id, s.speaker_entity_id AS speaker,
                    CASE WHEN r.created THEN NULL
                         ELSE CAST(date_trunc('month', s.first_seen_at AT TIME ZONE 'UTC') AS date) END AS month
             FROM statement s JOIN refreshed r ON r.id = s.id),
         now_ AS (
             SELECT q.statement_id AS id, count(*) AS quotes, count(DISTINCT q.article_id) AS articles,
                    min(q.article_date) AS first_seen, max(q.article_date) AS last_seen,
                    (array_agg(q.article_id ORDER BY q.article_date, a.received_at, q.article_id))[1] AS first_article,
                    (array_agg(q.text ORDER BY length(verbatim_statement_text(q.text)) DESC, q.article_date, q.id))[1]
                        AS text
             FROM refreshed r JOIN quote q ON q.statement_id = r.id JOIN article a ON a.id = q.article_id
             GROUP BY q.statement_id),
         gone AS (
             DELETE FROM statement s USING before b LEFT JOIN now_ n ON n.id = b.id
             WHERE s.id = b.id AND n.id IS NULL),
         kept AS (
             UPDATE statement s
             SET text = n.text, fingerprint = CAST(md5(verbatim_statement_text(n.text)) AS uuid),
                 compared_text = left(verbatim_statement_text(n.text), 1000), first_seen_at = n.first_seen,
                 last_seen_at = n.last_seen, first_article_id = n.first_article, article_count = n.articles,
                 quote_count = n.quotes
             FROM now_ n
             WHERE s.id = n.id
               AND (s.text, s.first_seen_at, s.last_seen_at, s.first_article_id, s.article_count, s.quote_count)
                   IS DISTINCT FROM (n.text, n.first_seen, n.last_seen, n.first_article, n.articles, n.quotes)),
         moved AS (
             SELECT b.speaker, b.month, -1 AS change FROM before b LEFT JOIN now_ n ON n.id = b.id
             WHERE b.month IS NOT NULL
               AND b.month IS DISTINCT FROM CAST(date_trunc('month', n.first_seen AT TIME ZONE 'UTC') AS date)
             UNION ALL
             SELECT b.speaker, CAST(date_trunc('month', n.first_seen AT TIME ZONE 'UTC') AS date), 1
             FROM before b JOIN now_ n ON n.id = b.id
             WHERE b.month IS DISTINCT FROM CAST(date_trunc('month', n.first_seen AT TIME ZONE 'UTC') AS date)),
         counted AS (
             INSERT INTO statement_month AS m (speaker_entity_id, month, statements)
             SELECT mv.speaker, mv.month, sum(mv.change) FROM moved mv GROUP BY 1, 2 HAVING sum(mv.change) <> 0 ORDER BY 1, 2
             ON CONFLICT (speaker_entity_id, month) DO UPDATE SET statements = m.statements + excluded.statements
             RETURNING m.speaker_entity_id, m.month, m.statements)
    SELECT array_agg(c.speaker_entity_id), array_agg(c.month) INTO emptied_speakers, emptied_months
    FROM counted c WHERE c.statements <= 0;
    DELETE FROM statement_month m USING unnest(emptied_speakers, emptied_months) e(speaker, month)
    WHERE m.speaker_entity_id = e.speaker AND m.month = e.month AND m.statements <= 0;
END
$$;

-- Groups the article's quotes that have a speaker and no statement yet, then puts the article in the story
-- it copies; previous: the statements of the quotes a re-analysis just replaced, refreshed with the others (a
-- statement the new quote joins again keeps its id, one left empty goes). Returns every quote of the article
-- with its statement (null without a speaker).
CREATE FUNCTION verbatim_group_statements(article uuid, previous bigint[] DEFAULT '{}')
    RETURNS TABLE (start_offset integer, end_offset integer, statement_id bigint)
    LANGUAGE plpgsql AS $$
DECLARE
    window_ CONSTANT interval := interval '7 days';
    bucket integer;
    q record;
    said text;
    compared text;
    numbers text;
    head text;
    tail text;
    words integer;
    matched bigint[];
    chosen bigint;
    touched bigint[] := '{}';
    created bigint[] := '{}';
    grouped bigint[] := '{}';
    longer boolean;
    grouped_in bigint[] := '{}';
    statements integer;
    story uuid;
BEGIN
    -- Two copies of a dispatch stored at once would each make the statement: grouping for a speaker waits
    -- for the transaction grouping before it. Locks are taken on speaker ids folded into 1024 buckets (so a
    -- transaction holds few, whatever it groups), in order, so that two articles cannot deadlock.
    FOR bucket IN SELECT DISTINCT CAST(speaker % 1024 AS integer) FROM (
                      SELECT qq.speaker_entity_id AS speaker FROM quote qq
                      WHERE qq.article_id = article AND qq.speaker_entity_id IS NOT NULL AND qq.statement_id IS NULL
                      UNION ALL
                      SELECT s.speaker_entity_id FROM statement s WHERE s.id = ANY (previous)) speakers
                  ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(1937006964, bucket);
    END LOOP;

    FOR q IN SELECT qq.id, qq.text, qq.speaker_entity_id, qq.article_date, qq.language FROM quote qq
             WHERE qq.article_id = article AND qq.speaker_entity_id IS NOT NULL AND qq.statement_id IS NULL
             ORDER BY qq.start_offset, qq.id LIMIT 200 LOOP
        said := verbatim_statement_text(q.text);
        compared := left(said, 1000);
        numbers := verbatim_statement_numbers(compared);
        head := verbatim_statement_head(compared);
        tail := verbatim_statement_tail(compared);
        words := CASE WHEN said = '' THEN 0 ELSE length(said) - length(replace(said, ' ', '')) + 1 END;
        SELECT s.id INTO chosen FROM statement s
        WHERE s.speaker_entity_id = q.speaker_entity_id AND s.fingerprint = CAST(md5(said) AS uuid)
          AND s.first_seen_at BETWEEN q.article_date - window_ AND q.article_date + window_
        ORDER BY s.first_seen_at, s.id LIMIT 1;
        IF chosen IS NULL THEN
            SELECT array_agg(c.id ORDER BY c.first_seen_at, c.id) INTO matched
            FROM statement c
            WHERE c.speaker_entity_id = q.speaker_entity_id
              AND (verbatim_statement_head(c.compared_text) = head OR verbatim_statement_tail(c.compared_text) = tail)
              AND c.first_seen_at BETWEEN q.article_date - window_ AND q.article_date + window_
              AND (similarity(c.compared_text, compared) >= 0.85
                  AND verbatim_statement_numbers(c.compared_text) = numbers
               OR CASE WHEN length(compared) <= length(c.compared_text)
                       THEN words >= 4 AND strict_word_similarity(compared, c.compared_text) >= 0.9
                            AND strpos(verbatim_statement_numbers(c.compared_text), numbers) > 0
                       ELSE length(c.compared_text) - length(replace(c.compared_text, ' ', '')) >= 3
                            AND strict_word_similarity(c.compared_text, compared) >= 0.9
                            AND strpos(numbers, verbatim_statement_numbers(c.compared_text)) > 0 END);
            chosen := matched[1];
            -- The quote says what several statements said (two excerpts of the quote it completes): they
            -- are one statement, the earliest, counted again from its quotes.
            IF cardinality(matched) > 1 THEN
                UPDATE quote qq SET statement_id = chosen WHERE qq.statement_id = ANY (matched[2:]);
                grouped_in := ARRAY(SELECT CASE WHEN g.id = ANY (matched[2:]) THEN chosen ELSE g.id END
                                    FROM unnest(grouped_in) WITH ORDINALITY g(id, n) ORDER BY g.n);
                touched := touched || matched;
            END IF;
        END IF;
        IF chosen IS NULL THEN
            INSERT INTO statement AS s (speaker_entity_id, text, fingerprint, compared_text, first_seen_at,
                                        last_seen_at, first_article_id, article_count, quote_count, language)
            VALUES (q.speaker_entity_id, q.text, CAST(md5(said) AS uuid), compared, q.article_date, q.article_date,
                    article, 1, 1, q.language)
            RETURNING s.id INTO chosen;
            created := created || chosen;
        ELSE
            -- Counted as it joins, without reading the statement's other quotes; the text is the one with
            -- more words (the earlier of equals), which the next quotes of this article are compared with. A
            -- report dated in an earlier month than the first one moves the statement in statement_month:
            -- counted again instead.
            SELECT length(compared) > length(s.compared_text)
                   OR length(compared) = length(s.compared_text) AND q.article_date < s.first_seen_at
            INTO longer FROM statement s WHERE s.id = chosen;
            UPDATE statement s
            SET quote_count = s.quote_count + 1,
                article_count = s.article_count + CASE WHEN chosen = ANY (grouped_in) THEN 0 ELSE 1 END,
                last_seen_at = greatest(s.last_seen_at, q.article_date),
                first_seen_at = least(s.first_seen_at, q.article_date),
                first_article_id = CASE WHEN q.article_date < s.first_seen_at THEN article ELSE s.first_article_id END,
                text = CASE WHEN longer THEN q.text ELSE s.text END,
                fingerprint = CASE WHEN longer THEN CAST(md5(said) AS uuid)
                                   ELSE s.fingerprint END,
                compared_text = CASE WHEN longer THEN compared
                                     ELSE s.compared_text END
            WHERE s.id = chosen
              AND (q.article_date >= s.first_seen_at
                   OR date_trunc('month', q.article_date AT TIME ZONE 'UTC')
                      = date_trunc('month', s.first_seen_at AT TIME ZONE 'UTC'));
            IF NOT FOUND THEN
                touched := touched || chosen;
            END IF;
        END IF;
        grouped := grouped || q.id;
        grouped_in := grouped_in || chosen;
    END LOOP;
    UPDATE quote qq SET statement_id = g.statement
    FROM unnest(grouped, grouped_in) g(quote, statement) WHERE qq.id = g.quote;

    -- Past the 200th quote, set by set: the same words of the speaker, else a new statement per text, which
    -- the second pass joins. Planned when run (EXECUTE), on the table as it is then: a plan cached while the
    -- table was small would read it whole for each quote.
    IF EXISTS (SELECT 1 FROM quote qq WHERE qq.article_id = article AND qq.speaker_entity_id IS NOT NULL
               AND qq.statement_id IS NULL) THEN
        FOR pass IN 1 .. 2 LOOP
            EXECUTE 'WITH said AS MATERIALIZED (
                         SELECT qq.id, qq.speaker_entity_id AS speaker, qq.article_date,
                                CAST(md5(verbatim_statement_text(qq.text)) AS uuid) AS fingerprint
                         FROM quote qq
                         WHERE qq.article_id = $1 AND qq.speaker_entity_id IS NOT NULL AND qq.statement_id IS NULL),
                     known AS (
                         SELECT DISTINCT ON (q.id) q.id, s.id AS statement FROM said q
                         JOIN statement s ON s.speaker_entity_id = q.speaker AND s.fingerprint = q.fingerprint
                             AND s.first_seen_at BETWEEN q.article_date - $2 AND q.article_date + $2
                         ORDER BY q.id, s.first_seen_at, s.id),
                     joined AS (
                         UPDATE quote qq SET statement_id = k.statement FROM known k WHERE qq.id = k.id
                         RETURNING k.statement)
                     SELECT coalesce(array_agg(DISTINCT j.statement), ''{}'') FROM joined j'
                INTO matched USING article, window_;
            touched := touched || matched;
            EXIT WHEN pass = 2;
            EXECUTE 'WITH fresh AS (
                         INSERT INTO statement AS s (speaker_entity_id, text, fingerprint, compared_text, first_seen_at,
                                                     last_seen_at, first_article_id, article_count, quote_count,
                                                     language)
                         SELECT DISTINCT ON (r.speaker_entity_id, r.fingerprint) r.speaker_entity_id, r.text,
                                r.fingerprint, left(verbatim_statement_text(r.text), 1000), r.article_date,
                                r.article_date, $1, 1, 1, r.language
                         FROM (SELECT qq.*, CAST(md5(verbatim_statement_text(qq.text)) AS uuid) AS fingerprint
                               FROM quote qq WHERE qq.article_id = $1 AND qq.speaker_entity_id IS NOT NULL
                                 AND qq.statement_id IS NULL) r
                         ORDER BY r.speaker_entity_id, r.fingerprint, r.start_offset
                         RETURNING s.id)
                     SELECT coalesce(array_agg(f.id), ''{}'') FROM fresh f'
                INTO matched USING article;
            created := created || matched;
        END LOOP;
    END IF;
    PERFORM verbatim_refresh_statements(touched || previous, created);

    -- The story: that of the article sharing the most of this one's statements (at least two, and at least
    -- half), the earliest on a tie; none when that story is this article's own.
    SELECT count(DISTINCT qq.statement_id) INTO statements FROM quote qq
    WHERE qq.article_id = article AND qq.statement_id IS NOT NULL;
    SELECT coalesce(a.story_id, a.id) INTO story
    FROM (SELECT other.article_id, count(DISTINCT other.statement_id) AS shared, min(other.article_date) AS dated
          FROM quote mine JOIN quote other ON other.statement_id = mine.statement_id AND other.article_id <> article
          WHERE mine.article_id = article
          GROUP BY other.article_id) c
    JOIN article a ON a.id = c.article_id
    WHERE c.shared >= greatest(2, ceil(statements / 2.0))
    ORDER BY c.shared DESC, c.dated, a.received_at, a.id LIMIT 1;
    story := nullif(story, article);
    UPDATE article a SET story_id = story WHERE a.id = article AND a.story_id IS DISTINCT FROM story;

    RETURN QUERY SELECT qq.start_offset, qq.end_offset, qq.statement_id FROM quote qq
                 WHERE qq.article_id = article ORDER BY qq.start_offset;
END
$$;

-- The quotes stored before statements existed, grouped as they would have been, in the order they arrived.
DO $$
DECLARE
    stored uuid;
BEGIN
    FOR stored IN SELECT a.id FROM article a ORDER BY a.received_at, a.id LOOP
        PERFORM verbatim_group_statements(stored);
    END LOOP;
END
$$;
