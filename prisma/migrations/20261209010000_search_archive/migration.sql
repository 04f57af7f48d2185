-- Search at a national archive's size (issue 19; bench/search-scale.ts measures it).

-- Every search first reads which text search configurations and languages its articles
-- have (lib/search/statements.ts, searchConfigsStatement): through this index it jumps
-- from one pair to the next instead of reading every article.
CREATE INDEX "Article_searchConfig_language_idx" ON "Article"("searchConfig", "language");

-- New entries of a GIN index wait in a pending list (up to 4 MB) that every search reads
-- in full until a vacuum merges it: after a 1 MB import at 4,000,000 passages, 271 pages,
-- 10 ms of every search of a rare word (against 0.3 ms). Passages and titles are written
-- only by imports and new versions, so they go straight into the index: 0.77 s instead of
-- 0.31 s to index that import's 6,615 passages, paid once by the import.
ALTER INDEX "Passage_searchVector_idx" SET (fastupdate = off);
ALTER INDEX "Article_titleVector_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('"Passage_searchVector_idx"'::regclass);
SELECT gin_clean_pending_list('"Article_titleVector_idx"'::regclass);

-- A phrase ("ukraine negotiations") is found through the pairs of words that stand side by
-- side in each passage: 'ukrain negoti' is one entry of this column. Through the words
-- alone, at 4,000,000 passages, the two words were together in 81,082 passages and side by
-- side in 4,429: PostgreSQL had to read passage after passage (0.6 s) to find the first
-- 1,000 that hold the phrase. The pairs are read from to_tsvector's own positions, so a
-- phrase's pairs (the same function on the phrase, lib/search/statements.ts) are exactly
-- those a passage holding it has; words it drops as stop words break no pair of its own.
CREATE FUNCTION "passage_phrase_pairs"(config regconfig, body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH w AS (SELECT lexeme, unnest(positions) AS position FROM unnest(to_tsvector(config, body)))
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)), ''::tsvector)
    FROM w a JOIN w b ON b.position = a.position + 1
$$;

ALTER TABLE "Passage" ADD COLUMN "phraseVector" tsvector GENERATED ALWAYS AS (passage_phrase_pairs("searchConfig", "text")) STORED;
CREATE INDEX "Passage_phraseVector_idx" ON "Passage" USING GIN ("phraseVector") WITH (fastupdate = off);
