-- Keys that find an article already in Verity before it is imported again: its canonical
-- text with case and runs of whitespace ignored (hashed), and its URL without scheme,
-- "www.", fragment or trailing slash. Generated columns, so existing rows get theirs now
-- and no writer can forget them; the functions are the one definition that the columns
-- and the import's look-up (lib/articles/duplicates.ts) share.
CREATE FUNCTION "article_text_key"(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT md5(lower(btrim(regexp_replace($1, '\s+', ' ', 'g'))))
$$;

CREATE FUNCTION "article_url_key"(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(regexp_replace(regexp_replace(lower(btrim($1)), '#.*$', ''), '^https?://(www\.)?|/+$', '', 'g'), '')
$$;

ALTER TABLE "Article" ADD COLUMN "textKey" text GENERATED ALWAYS AS (article_text_key("canonicalText")) STORED;
ALTER TABLE "Article" ADD COLUMN "urlKey" text GENERATED ALWAYS AS (article_url_key("url")) STORED;

CREATE INDEX "Article_textKey_idx" ON "Article"("textKey");
CREATE INDEX "Article_urlKey_idx" ON "Article"("urlKey");
