-- French full-text search over title and body (query-service's q parameter).
CREATE INDEX article_fts_idx ON article USING gin (to_tsvector('french', title || ' ' || body));
