import "server-only";
import { prisma } from "@/lib/db/client";

/**
 * A fingerprint of everything a public page of the article shows (lib/export/data.ts
 * loadArticleExport), read in one query: equal stamps, equal pages. Each row counts by its
 * id and `xmin`, the transaction that wrote its current version: any change to a row, by any
 * writer (a script's SQL included, with or without `updatedAt`), gives it a new one, and
 * reading it costs no more than reading the id. Users' names are not in it: the app never
 * renames a user. The rating scales (a few dozen rows) are in it whole: a rating's label,
 * colour, icon or numbers, and the scale in use (the organisation's row), change the page.
 */
export async function publicPageStamp(articleId: string): Promise<string> {
  const [{ stamp }] = await prisma.$queryRaw<Array<{ stamp: string }>>`
    WITH claims AS (
      SELECT id, xmin, "groupId" FROM "Claim" WHERE "articleId" = ${articleId} AND state = 'APPROVED'
    ), evidence AS (
      SELECT id, xmin, "sourceArticleId" FROM "Evidence" WHERE "claimId" IN (SELECT id FROM claims)
    ), members AS (
      -- The same claim in other articles: named on the page with their verdict, article and number there.
      SELECT "articleId" FROM "Claim" WHERE "groupId" IN (SELECT "groupId" FROM claims) AND "articleId" <> ${articleId}
    ), related AS (
      SELECT "sourceArticleId" AS id FROM evidence UNION SELECT "articleId" FROM members
    )
    -- A row's text keeps each part in its place, empty ones too.
    SELECT md5(ROW(
      (SELECT xmin FROM "Article" WHERE id = ${articleId}),
      (SELECT string_agg(id || ':' || xmin, ' ' ORDER BY id) FROM claims),
      (SELECT string_agg(id || ':' || xmin, ' ' ORDER BY id) FROM evidence),
      (SELECT string_agg(id || ':' || xmin, ' ' ORDER BY id) FROM "Correction" WHERE "articleId" = ${articleId}),
      -- The articles cited and the same claim's: their titles, and whether they are public.
      (SELECT string_agg(id || ':' || xmin, ' ' ORDER BY id) FROM "Article" WHERE id IN (SELECT id FROM related)),
      -- The approved members themselves, and their numbers: each one's place among its article's approved claims.
      (SELECT string_agg(id || ':' || xmin, ' ' ORDER BY id) FROM "Claim" WHERE "articleId" IN (SELECT "articleId" FROM members) AND state = 'APPROVED'),
      (SELECT xmin FROM "Organisation"),
      (SELECT string_agg(id || ':' || xmin, ' ' ORDER BY id) FROM "Rating"),
      (SELECT string_agg(id || ':' || xmin, ' ' ORDER BY id) FROM "RatingScale")
    )::text) AS stamp`;
  return stamp;
}
