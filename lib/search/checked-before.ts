import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleArticleWhere } from "@/lib/auth/visibility";
import { NotFoundError } from "@/lib/errors";
import { checkedBeforeStatement, similarityThresholdStatement } from "@/lib/search/statements";
import { SAME_CLAIM_THRESHOLD } from "@/lib/search/same-claim";
import { SAME_CLAIM_SCORE, sameClaimMatch } from "@/lib/search/same-claim-match";
import type { CheckedBefore } from "@/lib/search/types";

/**
 * "Checked before": the sentences of an article that state a claim already approved in another
 * article, with that claim's verdict, the alert a fact-checker wants on opening a new import.
 * The same-claim rule decides, as for a claim's same-claim candidates: the trigram search at
 * SAME_CLAIM_THRESHOLD, then the reading (same-claim-match.ts) at SAME_CLAIM_SCORE, the
 * sentence standing for both the restatement and the quote. Read when the article is read, so
 * a claim approved after the import flags it too, and nothing is stored.
 */
export async function checkedBefore(actor: Actor, articleId: string): Promise<CheckedBefore[]> {
  const article = await prisma.article.findFirst({ where: { id: articleId, ...visibleArticleWhere(actor) }, select: { id: true } });
  if (!article) throw new NotFoundError("That article");
  // `%` (through the trigram indexes) finds the claims at pg_trgm.similarity_threshold or above; set for this transaction.
  const [, rows] = await prisma.$transaction([
    prisma.$queryRaw(similarityThresholdStatement(SAME_CLAIM_THRESHOLD)),
    prisma.$queryRaw<Array<CheckedBefore & { exact: string }>>(checkedBeforeStatement(actor, article.id, SAME_CLAIM_THRESHOLD)),
  ]);
  // Per sentence, the likeliest approved claim (rows come in text order).
  const best = new Map<number, { row: CheckedBefore; score: number }>();
  for (const { exact, ...row } of rows) {
    const score = sameClaimMatch({ restatement: row.text, exact: row.text }, { restatement: row.restatement, exact });
    if (score < SAME_CLAIM_SCORE) continue;
    const held = best.get(row.start);
    if (!held || score > held.score) best.set(row.start, { row, score });
  }
  return [...best.values()].map(({ row }) => row);
}
