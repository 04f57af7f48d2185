import type { Actor } from "@/lib/auth/current-user";
import type { RatingId } from "@/lib/ratings/types";
import { addEvidence } from "@/lib/claims/data";
import { makeClaim, type TestArticle } from "@/lib/claims/test-fixtures";
import { transitionClaim } from "@/lib/workflow/data";

/** Claims in given workflow states for the export database tests. */

/** A claim with a verdict, a rationale and an external source: ready to submit. Returns its id and version. */
export async function readyClaim(author: Actor, article: TestArticle, phrase: string, verdict: RatingId, rationale = `Checked: ${phrase}.`) {
  const claim = await makeClaim(author, article, phrase, { verdict, rationale, restatement: `Claim: ${phrase}` });
  const { version } = await addEvidence(author, {
    kind: "EXTERNAL",
    claimId: claim.id,
    version: claim.version,
    stance: "CONTRADICTS",
    url: "https://example.org/source",
    title: `Source for ${phrase}`,
    accessedAt: "2025-01-15",
  });
  return { id: claim.id, version };
}

/** A claim taken through the workflow to SUBMITTED (by its author) or APPROVED (by `approver`). */
export async function claimIn(
  state: "SUBMITTED" | "APPROVED",
  author: Actor,
  approver: Actor,
  article: TestArticle,
  phrase: string,
  verdict: RatingId = "MOSTLY_FALSE",
) {
  const { id, version } = await readyClaim(author, article, phrase, verdict);
  let v = await transitionClaim(author, { claimId: id, version, action: "submit", note: null });
  if (state === "APPROVED") v = await transitionClaim(approver, { claimId: id, version: v, action: "approve", note: null });
  return { id, version: v };
}
