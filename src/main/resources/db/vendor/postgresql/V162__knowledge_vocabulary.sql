-- PostgreSQL only: what keeps the knowledge search fast at 50,000 records and more (PostgresSearchBackend).
-- 1. A vocabulary of the words records use where a user would look (title, symptom and error code; an article's title
--    and the start of its body), with a trigram index: a typo is corrected against these words once per query
--    ("outlok" -> "outlook"), instead of a trigram test against every record's text (seconds at 50,000 records).
--    Statement triggers add the words of new and changed records; a word that is no longer used stays (it only offers
--    a spelling that then finds nothing).
-- 2. The per-record trigram text and its indexes of V161 are dropped: nothing reads them any more.
-- 3. No pending list on the full-text indexes: after a bulk import a pending list made one query 77 ms instead of 4 ms
--    until the next VACUUM; knowledge is written rarely and read at every triage.
CREATE TABLE knowledge_word (word varchar(40) PRIMARY KEY);
CREATE INDEX knowledge_word_trgm_idx ON knowledge_word USING gin (word gin_trgm_ops);
CREATE FUNCTION knowledge_words(text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT DISTINCT w FROM regexp_split_to_table(lower($1), '[^[:alnum:]]+') w WHERE length(w) BETWEEN 3 AND 40
$$;
CREATE FUNCTION knowledge_word_collect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'known_error' THEN
        INSERT INTO knowledge_word (word)
        SELECT DISTINCT w FROM new_rows r,
            knowledge_words(coalesce(r.title, '') || ' ' || coalesce(r.symptom, '') || ' ' || coalesce(r.error_code, '')) w
        ORDER BY 1 ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO knowledge_word (word)
        SELECT DISTINCT w FROM new_rows r, knowledge_words(coalesce(r.title, '') || ' ' || left(coalesce(r.body, ''), 2000)) w
        ORDER BY 1 ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER known_error_words_ins AFTER INSERT ON known_error REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_word_collect();
CREATE TRIGGER known_error_words_upd AFTER UPDATE ON known_error REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_word_collect();
CREATE TRIGGER knowledge_article_words_ins AFTER INSERT ON knowledge_article REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_word_collect();
CREATE TRIGGER knowledge_article_words_upd AFTER UPDATE ON knowledge_article REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION knowledge_word_collect();
INSERT INTO knowledge_word (word)
SELECT w FROM known_error r, knowledge_words(coalesce(r.title, '') || ' ' || coalesce(r.symptom, '') || ' ' || coalesce(r.error_code, '')) w
UNION
SELECT w FROM knowledge_article r, knowledge_words(coalesce(r.title, '') || ' ' || left(coalesce(r.body, ''), 2000)) w
ON CONFLICT DO NOTHING;
DROP INDEX known_error_search_text_idx;
DROP INDEX knowledge_article_search_text_idx;
ALTER TABLE known_error DROP COLUMN search_text;
ALTER TABLE knowledge_article DROP COLUMN search_text;
ALTER INDEX known_error_search_vector_idx SET (fastupdate = off);
ALTER INDEX knowledge_article_search_vector_idx SET (fastupdate = off);
