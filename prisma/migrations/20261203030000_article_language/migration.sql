-- An article's language as a BCP 47 tag; existing articles have none until an editor sets it.
ALTER TABLE "Article" ADD COLUMN "language" TEXT;
