import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { TRANSACTION_LIMITS } from "@/lib/db/transaction-limits";
import { BulkRefusedError, UserFacingError, type ClaimRefusal } from "@/lib/errors";
import { lockClaimsStatement } from "@/lib/claims/statements";
import type { ClaimRef } from "@/lib/claims/schemas";
import { withProgress, type ProgressOf } from "@/lib/progress/track";

/**
 * Makes one change to each claim in one transaction: all or nothing. A claim refused with
 * an expected error (not found, not allowed, changed since it was read) does not stop the
 * others being checked, so the user learns every refusal at once; then nothing is written.
 * The rows are locked first, in id order, so two bulk actions cannot deadlock. How many
 * claims are done so far is kept for the page's progress bar (`tracked`: who, under which id).
 */
export async function changeEachClaim<Result>(
  claims: ClaimRef[],
  change: (tx: Tx, claim: ClaimRef) => Promise<Result>,
  tracked: Omit<ProgressOf, "total"> = { userId: "", label: "" },
): Promise<Result[]> {
  return withProgress({ ...tracked, total: claims.length }, (progress) =>
    prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw(lockClaimsStatement(claims.map((claim) => claim.id)));
        const results: Result[] = [];
        const refusals: ClaimRefusal[] = [];
        for (const [index, claim] of claims.entries()) {
          try {
            results.push(await change(tx, claim));
          } catch (error) {
            if (!(error instanceof UserFacingError)) throw error;
            refusals.push({ claimId: claim.id, message: error.message });
          }
          progress.advance(index + 1);
        }
        if (refusals.length > 0) throw new BulkRefusedError(refusals);
        return results;
      },
      TRANSACTION_LIMITS.bulk,
    ),
  );
}
