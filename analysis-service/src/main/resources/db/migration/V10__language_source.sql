-- How ingest-service chose each article's language: given by the client, detected from the text, or the default
-- of a text too short to tell. Unknown (null) for the articles ingested before it said.
ALTER TABLE article ADD COLUMN language_source varchar(8)
    CHECK (language_source IN ('given', 'detected', 'default'));
