import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface FirstVersion {
  id: string;
  body: Prisma.InputJsonValue;
  canonicalText: string;
  sourceFormat: string;
  importedById: string | null;
  /** When the article came in (default: now). */
  createdAt?: Date;
}

/**
 * An article's text as it came in, kept as its version 1: written with the article (an
 * import, the seed), or just before the second version of an article made without one.
 */
export async function recordFirstVersion(tx: Tx | Db, article: FirstVersion) {
  await tx.articleVersion.create({
    data: {
      articleId: article.id,
      number: 1,
      body: article.body,
      canonicalText: article.canonicalText,
      source: "IMPORT",
      sourceFormat: article.sourceFormat,
      createdById: article.importedById,
      createdAt: article.createdAt,
    },
    select: { number: true },
  });
}
