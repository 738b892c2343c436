-- Tagged events waiting for Kafka's acknowledgement (a transactional outbox): written in the transaction that
-- stores an article's analysis, relayed to articles.tagged in id order, deleted once the broker has them.
CREATE TABLE tagged_outbox (
    id         bigserial   PRIMARY KEY,
    article_id uuid        NOT NULL,
    payload    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
