import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleArticleSql } from "@/lib/auth/visibility";
import type { Tx } from "@/lib/db/client";
import type { ExistingArticle } from "@/lib/errors";

/** An article already in Verity that an import would copy, and what gave it away. */
export type DuplicateArticle = ExistingArticle;

/**
 * The articles the actor may see whose URL (any of `urls`) or whose text (case and
 * whitespace ignored) is the import's. The keys are the database's own functions, the
 * same that fill the articles' key columns (migration 20261204050001).
 */
export async function findDuplicates(db: Pick<Tx, "$queryRaw">, actor: Actor, candidate: { canonicalText: string; urls: Array<string | null | undefined> }): Promise<DuplicateArticle[]> {
  const urls = candidate.urls.filter((url): url is string => Boolean(url));
  const urlMatch = urls.length > 0 ? Prisma.sql`"urlKey" IN (SELECT article_url_key(u) FROM unnest(${urls}::text[]) AS u)` : Prisma.sql`false`;
  return db.$queryRaw<DuplicateArticle[]>`
    SELECT id, title, outlet, CASE WHEN ${urlMatch} THEN 'url' ELSE 'text' END AS reason
    FROM "Article" a
    WHERE (${urlMatch} OR "textKey" = article_text_key(${candidate.canonicalText}))
      ${visibleArticleSql(actor, Prisma.sql`a.id`)}
    ORDER BY "createdAt"
    LIMIT 5`;
}
