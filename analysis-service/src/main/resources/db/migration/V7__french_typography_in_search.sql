-- Agency copy writes « l’interopérabilité » with a typographic apostrophe and non-breaking spaces inside the
-- guillemets. In a database with the C locale (as deploy/local/infra.sh creates it), PostgreSQL's parser takes
-- every non-ASCII character for a letter, so it kept ’, « and the non-breaking spaces inside the words:
-- "l’interopérabilité" was indexed as l'interoperabilit and a search for interopérabilité missed it, as it
-- missed every word after l’ d’ qu’ n’ s’ j’ c’ jusqu’ lorsqu’ puisqu’.
--
-- verbatim_search_text() is applied to every text before it is parsed, here and to each query in
-- query-service: apostrophes, guillemets, typographic quotes and dashes, and the non-breaking and other
-- Unicode spaces each become an ASCII control character, which the parser takes for a separator. So l’ d’
-- qu’ … split off (l, d, qu … are French stop words) and the word after them is indexed alone. The mapping
-- is one character for one, and control characters in the text are dropped first, so
-- verbatim_search_shown() can turn a snippet cut from the mapped text back into the article's own
-- characters.
CREATE FUNCTION verbatim_search_text(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT translate(translate($1, chr(1) || chr(4) || chr(5) || chr(6) || chr(7) || chr(8) || chr(11) || chr(12)
                               || chr(14) || chr(15) || chr(16) || chr(17) || chr(18) || chr(19) || chr(20)
                               || chr(21) || chr(22) || chr(23) || chr(24) || chr(25) || chr(26) || chr(27), ''),
                 '’ʼ‘«»“”„‹›–—…•·' || U&'\00A0\202F\2009\2007\2002\2003',
                 chr(1) || chr(4) || chr(5) || chr(6) || chr(7) || chr(8) || chr(11) || chr(12)
                     || chr(14) || chr(15) || chr(16) || chr(17) || chr(18) || chr(19) || chr(20)
                     || chr(21) || chr(22) || chr(23) || chr(24) || chr(25) || chr(26))
$$;

CREATE FUNCTION verbatim_search_shown(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
SELECT translate($1, chr(1) || chr(4) || chr(5) || chr(6) || chr(7) || chr(8) || chr(11) || chr(12)
                     || chr(14) || chr(15) || chr(16) || chr(17) || chr(18) || chr(19) || chr(20)
                     || chr(21) || chr(22) || chr(23) || chr(24) || chr(25) || chr(26),
                 '’ʼ‘«»“”„‹›–—…•·' || U&'\00A0\202F\2009\2007\2002\2003')
$$;

-- Names as a reader types them, for entity and alias lookups: any apostrophe is ', the Unicode spaces are
-- spaces, an elided word (l' d' qu' jusqu' …) is dropped, and case and accents are ignored.
CREATE FUNCTION verbatim_name_key(text) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
SELECT lower(unaccent(regexp_replace(
        translate($1, '’ʼ‘' || U&'\00A0\202F\2009\2007\2002\2003', '''''''      '),
        '(^|[^[:alnum:]])(jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst])''', '\1', 'gi')))
$$;

-- The stored vectors are computed again with the normalisation: every existing row is re-indexed.
ALTER TABLE article DROP COLUMN search_vector, DROP COLUMN rank_vector;
ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('verbatim_french', verbatim_search_text(title)), 'A')
        || setweight(to_tsvector('verbatim_french', verbatim_search_text(left(body, 262144))), 'B')) STORED;
CREATE INDEX article_search_idx ON article USING gin (search_vector);
ALTER TABLE article ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('verbatim_french', verbatim_search_text(title)), 'A')
        || setweight(to_tsvector('verbatim_french', verbatim_search_text(left(body, 1000))), 'B')) STORED;

ALTER TABLE quote DROP COLUMN search_vector;
ALTER TABLE quote ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('verbatim_french', verbatim_search_text(left(text, 262144)))) STORED;
CREATE INDEX quote_search_idx ON quote USING gin (search_vector);
