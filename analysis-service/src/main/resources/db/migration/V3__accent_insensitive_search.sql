-- Accent-insensitive French search for query-service: "ecole" finds "école", "deputes" finds "députés".
-- unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION verbatim_french (COPY = french);
ALTER TEXT SEARCH CONFIGURATION verbatim_french
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

-- Stored vectors: ranking and highlighting read them instead of re-parsing bodies. Titles weigh more.
-- Only the first 256 Ki characters of a body are indexed: a tsvector is capped at 1 MB, and a real
-- article is far shorter.
DROP INDEX article_fts_idx;
ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('verbatim_french', title), 'A')
        || setweight(to_tsvector('verbatim_french', left(body, 262144)), 'B')) STORED;
CREATE INDEX article_search_idx ON article USING gin (search_vector);
-- Relevance is ranked on the title and the lead only: small enough to stay inside the row (no TOAST to
-- decompress for each match), and where a news article says what it is about.
ALTER TABLE article ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('verbatim_french', title), 'A')
        || setweight(to_tsvector('verbatim_french', left(body, 1000)), 'B')) STORED;

ALTER TABLE quote ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('verbatim_french', left(text, 262144))) STORED;
CREATE INDEX quote_search_idx ON quote USING gin (search_vector);

-- Filters on language and quote type, and per-period speaker rankings.
CREATE INDEX article_language_idx ON article (language);
CREATE INDEX quote_article_idx ON quote (article_id, speaker_entity_id);
