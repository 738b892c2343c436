-- Each article and quote is indexed for search in its own language: French words with French stems, English
-- words with English ones, any other language without stemming. Accents are folded in every language, and
-- verbatim_search_text() (V7) splits apostrophes, quote marks and Unicode spaces off the words in every language.
CREATE TEXT SEARCH CONFIGURATION verbatim_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION verbatim_english
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION verbatim_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION verbatim_simple
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- The search configuration of a language (an ISO 639-1 code): the one place that maps them. query-service
-- parses a search's words with the configuration of the articles it looks in.
CREATE FUNCTION verbatim_search_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT CASE $1 WHEN 'fr' THEN 'verbatim_french'::regconfig
               WHEN 'en' THEN 'verbatim_english'::regconfig
               ELSE 'verbatim_simple'::regconfig END
$$;

ALTER TABLE article DROP COLUMN search_vector, DROP COLUMN rank_vector;
ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(verbatim_search_config(language), verbatim_search_text(title)), 'A')
        || setweight(to_tsvector(verbatim_search_config(language), verbatim_search_text(left(body, 262144))), 'B'))
    STORED;
CREATE INDEX article_search_idx ON article USING gin (search_vector);
ALTER TABLE article ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(verbatim_search_config(language), verbatim_search_text(title)), 'A')
        || setweight(to_tsvector(verbatim_search_config(language), verbatim_search_text(left(body, 1000))), 'B'))
    STORED;

-- A quote takes its article's language with its date, from the trigger that already dates it (V4), so every
-- writer gets both right.
ALTER TABLE quote ADD COLUMN language varchar(8);
UPDATE quote q SET language = a.language FROM article a WHERE a.id = q.article_id;
ALTER TABLE quote ALTER COLUMN language SET NOT NULL;
CREATE FUNCTION copy_article_date_and_language() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT coalesce(published_at, received_at), language INTO NEW.article_date, NEW.language
    FROM article WHERE id = NEW.article_id;
    RETURN NEW;
END
$$;
DROP TRIGGER quote_article_date ON quote;
CREATE TRIGGER quote_article_date BEFORE INSERT ON quote FOR EACH ROW EXECUTE FUNCTION copy_article_date_and_language();

ALTER TABLE quote DROP COLUMN search_vector;
ALTER TABLE quote ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector(verbatim_search_config(language), verbatim_search_text(left(text, 262144)))) STORED;
CREATE INDEX quote_search_idx ON quote USING gin (search_vector);
