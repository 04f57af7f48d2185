import "server-only";
import { prisma } from "@/lib/db/client";
import { PUBLIC_ARTICLES } from "@/lib/auth/visibility";
import { ratingLabel } from "@/lib/ratings/types";
import { publicNumbers } from "@/lib/export/data";
import { publicClaimUrl, publicPageUrl } from "@/lib/export/urls";

/** How many corrections the public log and the feed show (the newest). */
export const CORRECTIONS_LOG_LIMIT = 200;

/** One line of the public corrections log: a published correction, or a fact check withdrawn. */
export interface CorrectionLogEntry {
  id: string;
  kind: "corrected" | "withdrawn";
  /** When it was corrected (the new verdict approved) or withdrawn (ISO 8601). */
  at: string;
  note: string;
  restatement: string;
  previousVerdict: string;
  /** The verdict now published, while the claim stays approved. */
  currentVerdict: string | null;
  article: { id: string; title: string; outlet: string };
  /** Where the public reads it: the claim's page, the withdrawn notice, or the article. */
  href: string;
  /** The claim, while it exists: the feed names a withdrawn claim's entry by it. */
  claimId: string | null;
}

/** Every correction and withdrawal of the articles the public may read, newest first. Public: no actor. */
export async function listCorrectionsLog(appUrl: string): Promise<CorrectionLogEntry[]> {
  const rows = await prisma.correction.findMany({
    where: { article: PUBLIC_ARTICLES },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CORRECTIONS_LOG_LIMIT,
    select: {
      id: true,
      note: true,
      restatement: true,
      previousVerdict: true,
      createdAt: true,
      publishedAt: true,
      claim: { select: { id: true, state: true, rating: { select: { label: true } } } },
      article: { select: { id: true, title: true, outlet: true } },
    },
  });
  const numbers = await publicNumbers(rows.map((row) => row.article.id));
  const entries = rows.map((row): CorrectionLogEntry => {
    const approved = row.claim?.state === "APPROVED";
    const number = row.claim ? numbers.get(row.claim.id) : undefined;
    const kind = row.publishedAt ? "corrected" : "withdrawn";
    let href = publicPageUrl(appUrl, row.article.id);
    if (kind === "withdrawn") href = `${href}#withdrawn-${row.id}`;
    else if (approved && number !== undefined) href = publicClaimUrl(appUrl, row.article.id, number);
    return {
      id: row.id,
      kind,
      at: (row.publishedAt ?? row.createdAt).toISOString(),
      note: row.note,
      restatement: row.restatement,
      previousVerdict: row.previousVerdict,
      currentVerdict: approved ? ratingLabel(row.claim!.rating) : null,
      article: row.article,
      href,
      claimId: row.claim?.id ?? null,
    };
  });
  // Newest first by the date shown: a correction is dated by its publication.
  return entries.sort((a, b) => newestFirst(a.at, b.at));
}

/** Sorts ISO 8601 timestamps newest first. */
export function newestFirst(a: string, b: string) {
  return a < b ? 1 : a > b ? -1 : 0;
}
