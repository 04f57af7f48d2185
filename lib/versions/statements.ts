import { Prisma } from "@/lib/generated/prisma/client";

/** Locks the article's row for the rest of the transaction: two new versions of one article are made one after the other. */
export function lockArticleStatement(articleId: string): Prisma.Sql {
  return Prisma.sql`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
}
