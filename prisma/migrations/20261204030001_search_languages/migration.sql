-- Each article's text is indexed with its own language's text search configuration (issue 14):
-- a regconfig column per article and per passage, and the title's and passages' vectors generated
-- with it instead of 'english'. Every existing row had English vectors: rows of an article
-- without a language stay English (the columns' default); an article with a language gets that
-- language's configuration if this PostgreSQL ships it, else 'simple' (exact words). The table
-- below is lib/languages/text-search.ts as it stood when this migration was written.

ALTER TABLE "Article" ADD COLUMN "searchConfig" regconfig NOT NULL DEFAULT 'english'::regconfig;

UPDATE "Article" a
   SET "searchConfig" = COALESCE((
         SELECT c.oid::regconfig FROM pg_ts_config c
          WHERE c.cfgnamespace = 'pg_catalog'::regnamespace
            AND c.cfgname = (CASE lower(split_part(a.language, '-', 1))
                  WHEN 'ar' THEN 'arabic' WHEN 'ca' THEN 'catalan' WHEN 'da' THEN 'danish' WHEN 'de' THEN 'german'
                  WHEN 'el' THEN 'greek' WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'et' THEN 'estonian'
                  WHEN 'eu' THEN 'basque' WHEN 'fi' THEN 'finnish' WHEN 'fr' THEN 'french' WHEN 'ga' THEN 'irish'
                  WHEN 'hi' THEN 'hindi' WHEN 'hu' THEN 'hungarian' WHEN 'hy' THEN 'armenian' WHEN 'id' THEN 'indonesian'
                  WHEN 'it' THEN 'italian' WHEN 'lt' THEN 'lithuanian' WHEN 'nb' THEN 'norwegian' WHEN 'ne' THEN 'nepali'
                  WHEN 'nl' THEN 'dutch' WHEN 'nn' THEN 'norwegian' WHEN 'no' THEN 'norwegian' WHEN 'pt' THEN 'portuguese'
                  WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian' WHEN 'sr' THEN 'serbian' WHEN 'sv' THEN 'swedish'
                  WHEN 'ta' THEN 'tamil' WHEN 'tr' THEN 'turkish' WHEN 'yi' THEN 'yiddish' END)::name
       ), 'simple'::regconfig)
 WHERE a.language IS NOT NULL;

-- The vectors are computed from the text, so dropping and generating them again loses nothing.
DROP INDEX "Article_titleVector_idx";
ALTER TABLE "Article" DROP COLUMN "titleVector";
ALTER TABLE "Article" ADD COLUMN "titleVector" tsvector GENERATED ALWAYS AS (to_tsvector("searchConfig", "title")) STORED;
CREATE INDEX "Article_titleVector_idx" ON "Article" USING GIN ("titleVector");

DROP INDEX "Passage_searchVector_idx";
ALTER TABLE "Passage" DROP COLUMN "searchVector";
ALTER TABLE "Passage" ADD COLUMN "searchConfig" regconfig NOT NULL DEFAULT 'english'::regconfig;
UPDATE "Passage" p SET "searchConfig" = a."searchConfig"
  FROM "Article" a
 WHERE a.id = p."articleId" AND a."searchConfig" <> 'english'::regconfig;
ALTER TABLE "Passage" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector("searchConfig", "text")) STORED;
CREATE INDEX "Passage_searchVector_idx" ON "Passage" USING GIN ("searchVector");
