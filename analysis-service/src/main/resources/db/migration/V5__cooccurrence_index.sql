-- Who is named with whom (query-service: an entity's co-occurring entities) reads the entities of an entity's
-- 500 latest articles. With the article's entity ids in one index, that is 500 index-only probes; without
-- it PostgreSQL read all mentions (about 300 ms over a million) or their rows one by one.
CREATE INDEX mention_article_entity_idx ON mention (article_id, entity_id);
