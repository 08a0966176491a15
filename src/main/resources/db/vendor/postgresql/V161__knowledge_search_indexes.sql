-- PostgreSQL only (spring.flyway.locations: db/vendor/{vendor}): the knowledge search (PostgresKnowledgeSearch).
-- Full text: a weighted tsvector per record (title A, symptom and error code B, workaround/body C), kept by
-- PostgreSQL itself as a generated column, so no code path can forget to update it. Typos: pg_trgm on the words a
-- user would type (title, symptom, error code), matched word by word with the <% operator.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE known_error ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', coalesce(symptom, '') || ' ' || coalesce(error_code, '')), 'B')
    || setweight(to_tsvector('english', coalesce(workaround, '')), 'C')) STORED;
ALTER TABLE known_error ADD COLUMN search_text text GENERATED ALWAYS AS (
    lower(coalesce(title, '') || ' ' || coalesce(symptom, '') || ' ' || coalesce(error_code, ''))) STORED;
CREATE INDEX known_error_search_vector_idx ON known_error USING gin (search_vector);
CREATE INDEX known_error_search_text_idx ON known_error USING gin (search_text gin_trgm_ops);

ALTER TABLE knowledge_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', coalesce(body, '')), 'C')) STORED;
ALTER TABLE knowledge_article ADD COLUMN search_text text GENERATED ALWAYS AS (
    lower(coalesce(title, '') || ' ' || left(coalesce(body, ''), 2000))) STORED;
CREATE INDEX knowledge_article_search_vector_idx ON knowledge_article USING gin (search_vector);
CREATE INDEX knowledge_article_search_text_idx ON knowledge_article USING gin (search_text gin_trgm_ops);
