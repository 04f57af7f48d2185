-- Search at millions of passages (issue 19; bench/search-scale.ts measures it).

-- A passage's copy key: its letters and digits, lower-cased, hashed. Two passages with the
-- same key are copies of one sentence, shown as one search result. Kept with the passage
-- (a generated column) rather than computed per search: at 1,000,000 passages working it
-- out for the 5,000 candidates of a common word took most of the search's time. The
-- function is the one definition the column and the statements (lib/search/statements.ts)
-- share.
CREATE FUNCTION "passage_copy_key"(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT md5(lower(regexp_replace($1, '[^[:alnum:]]+', '', 'g')))
$$;

ALTER TABLE "Passage" ADD COLUMN "copyKey" text GENERATED ALWAYS AS (passage_copy_key("text")) STORED;

-- Who may not see an article: the retired ones, few, found through this index instead of
-- reading every article on every search (lib/auth/visibility.ts).
CREATE INDEX "Article_retiredAt_idx" ON "Article"("retiredAt");
