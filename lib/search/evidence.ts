import "server-only";
import { queryRows } from "@/lib/db/client";
import type { EvidenceStance } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import type { EvidenceSuggestion } from "@/lib/search/types";
import { claimToMatchStatement, suggestEvidenceStatement } from "@/lib/search/statements";

/**
 * "Suggest evidence": the best passages of other articles for a claim the actor can see
 * (the statement and its ranking are described in statements.ts), each marked with the
 * stance it is already attached with, if it is.
 */

interface ClaimRow {
  articleId: string;
  restatement: string;
  exact: string;
  /** The text search configuration of the claim's article. */
  config: string;
  evidence: Array<{ sourceArticleId: string; startOffset: number; endOffset: number; stance: EvidenceStance }>;
}

/** A suggestion as the statement gives it; whether it is attached already is found here. */
type SuggestionRow = Omit<EvidenceSuggestion, "attachedAs">;

export async function suggestEvidence(
  actor: Actor,
  claimId: string,
  options: { candidateRows?: number } = {},
): Promise<EvidenceSuggestion[]> {
  // The claim, if the actor may see it, with the passages already attached to it (plain reads: see queryRows).
  const [claim] = await queryRows<ClaimRow>(claimToMatchStatement(actor, claimId));
  if (!claim) throw new NotFoundError("That claim");
  const rows = await queryRows<SuggestionRow>(suggestEvidenceStatement(actor, claim, options));
  return rows.map((row) => ({
    ...row,
    attachedAs:
      claim.evidence.find((e) => e.sourceArticleId === row.articleId && e.startOffset === row.startOffset && e.endOffset === row.endOffset)
        ?.stance ?? null,
  }));
}
