import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { visibleClaims } from "@/lib/claims/data";
import type { EvidenceSuggestion } from "@/lib/search/types";
import { suggestEvidenceStatement } from "@/lib/search/statements";

/**
 * "Suggest evidence": the best passages of other articles for a claim the actor can see
 * (the statement and its ranking are described in statements.ts), each marked with the
 * stance it is already attached with, if it is.
 */

interface SuggestionRow {
  articleId: string;
  articleTitle: string;
  ordinal: number;
  startOffset: number;
  endOffset: number;
  text: string;
  score: number;
}

export async function suggestEvidence(
  actor: Actor,
  claimId: string,
  options: { candidateRows?: number } = {},
): Promise<EvidenceSuggestion[]> {
  const claim = await prisma.claim.findFirst({
    where: { id: claimId, ...visibleClaims(actor) },
    select: {
      articleId: true,
      restatement: true,
      exact: true,
      evidence: { select: { sourceArticleId: true, startOffset: true, endOffset: true, stance: true } },
    },
  });
  if (!claim) throw new NotFoundError("That claim");
  const rows = await prisma.$queryRaw<SuggestionRow[]>(suggestEvidenceStatement(actor, claim, options));
  return rows.map((row) => ({
    ...row,
    attachedAs:
      claim.evidence.find((e) => e.sourceArticleId === row.articleId && e.startOffset === row.startOffset && e.endOffset === row.endOffset)
        ?.stance ?? null,
  }));
}
