import "server-only";
import { prisma } from "@/lib/db/client";
import type { ExportCorrection, ExportWithdrawal } from "@/lib/export/model";

/**
 * What readers are told of corrections: each claim's published corrections, and the fact
 * checks withdrawn from an article (a correction not yet published: the claim was reopened
 * and is not approved again, or was deleted meanwhile). Callers read only articles their
 * reader may see; these notices are public wherever the article is.
 */

/** Each claim's published corrections, newest first. */
export async function loadClaimCorrections(claimIds: string[]): Promise<Map<string, ExportCorrection[]>> {
  const byClaim = new Map<string, ExportCorrection[]>();
  if (claimIds.length === 0) return byClaim;
  const rows = await prisma.correction.findMany({
    where: { claimId: { in: claimIds }, publishedAt: { not: null } },
    select: { id: true, claimId: true, note: true, publishedAt: true, previousVerdict: true, previousRationale: true, previousApprovedAt: true },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
  });
  for (const row of rows) {
    const correction = {
      id: row.id,
      note: row.note,
      correctedAt: row.publishedAt!.toISOString(),
      previousVerdict: row.previousVerdict,
      previousRationale: row.previousRationale,
      previousApprovedAt: row.previousApprovedAt.toISOString(),
    };
    const list = byClaim.get(row.claimId!);
    if (list) list.push(correction);
    else byClaim.set(row.claimId!, [correction]);
  }
  return byClaim;
}

/** The fact checks withdrawn from an article, newest first. */
export async function loadWithdrawals(articleId: string): Promise<ExportWithdrawal[]> {
  const rows = await prisma.correction.findMany({
    where: { articleId, publishedAt: null },
    select: { id: true, note: true, createdAt: true, restatement: true, exact: true, previousVerdict: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(({ createdAt, ...row }) => ({ ...row, withdrawnAt: createdAt.toISOString() }));
}
