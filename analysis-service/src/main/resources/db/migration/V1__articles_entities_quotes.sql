-- Verbatim's schema, owned by analysis-service. query-service reads it and never writes.

CREATE TABLE article (
    id               uuid PRIMARY KEY,
    title            text        NOT NULL,
    body             text        NOT NULL,
    url              text,
    source           text,
    language         varchar(8)  NOT NULL,
    published_at     timestamptz,
    authors          text[]      NOT NULL DEFAULT '{}',
    received_at      timestamptz NOT NULL,
    analyzed_at      timestamptz NOT NULL DEFAULT now(),
    analyzer_version text        NOT NULL,
    token_count      integer     NOT NULL
);
-- Newest first, by publication date when known.
CREATE INDEX article_newest_idx ON article ((coalesce(published_at, received_at)) DESC, id DESC);
CREATE INDEX article_source_idx ON article (source);

-- One row per real-world entity across articles: normalized_key folds case, accents and spacing.
CREATE TABLE entity (
    id             bigserial PRIMARY KEY,
    normalized_key text        NOT NULL UNIQUE,
    name           text        NOT NULL,
    type           varchar(4)  NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC', 'MISC')),
    first_seen_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entity_type_idx ON entity (type);

CREATE TABLE entity_alias (
    entity_id bigint NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    alias     text   NOT NULL,
    PRIMARY KEY (entity_id, alias)
);

CREATE TABLE mention (
    id           bigserial PRIMARY KEY,
    article_id   uuid       NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    entity_id    bigint     NOT NULL REFERENCES entity (id),
    start_offset integer    NOT NULL,
    end_offset   integer    NOT NULL,
    text         text       NOT NULL,
    type         varchar(4) NOT NULL,
    UNIQUE (article_id, start_offset, end_offset)
);
CREATE INDEX mention_entity_idx ON mention (entity_id, article_id);

CREATE TABLE quote (
    id                    bigserial PRIMARY KEY,
    article_id            uuid       NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    start_offset          integer    NOT NULL,
    end_offset            integer    NOT NULL,
    text                  text       NOT NULL,
    type                  varchar(8) NOT NULL CHECK (type IN ('direct', 'mixed', 'indirect')),
    cue                   text,
    speaker_entity_id     bigint REFERENCES entity (id),
    speaker_mention_start integer,
    speaker_mention_end   integer,
    speaker_mention_text  text,
    speaker_descriptor    text,
    confidence            real       NOT NULL,
    UNIQUE (article_id, start_offset, end_offset)
);
CREATE INDEX quote_speaker_idx ON quote (speaker_entity_id, article_id);
