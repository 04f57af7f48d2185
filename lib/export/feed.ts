import "server-only";
import { prisma } from "@/lib/db/client";
import { PUBLIC_ARTICLES } from "@/lib/auth/visibility";
import { ratingLabel } from "@/lib/ratings/types";
import { publicNumbers } from "@/lib/export/data";
import { loadClaimCorrections } from "@/lib/corrections/reads";
import { listCorrectionsLog, newestFirst } from "@/lib/corrections/log";
import { firstPublishedAt } from "@/lib/export/model";
import { renderAtomFeed, type FeedEntry } from "@/lib/export/atom-feed";
import { readOrganisation } from "@/lib/organisation/store";
import { publicClaimUrl } from "@/lib/export/urls";
import { formatDate } from "@/lib/format";

/** How many entries the feed holds: the newest updates. */
export const FEED_ENTRIES = 50;

/**
 * The public Atom feed: every approved claim of a published article (new, or corrected: its
 * latest approval is its update) and every fact check withdrawn, newest update first.
 */
export async function loadFactCheckFeed(appUrl: string, now = new Date()): Promise<string> {
  const [rows, log] = await Promise.all([
    prisma.claim.findMany({
      where: { state: "APPROVED", approvedAt: { not: null }, article: PUBLIC_ARTICLES },
      orderBy: [{ approvedAt: "desc" }, { id: "desc" }],
      take: FEED_ENTRIES,
      select: { id: true, articleId: true, restatement: true, rating: { select: { label: true } }, rationale: true, approvedAt: true },
    }),
    listCorrectionsLog(appUrl),
  ]);
  const [numbers, corrections] = await Promise.all([publicNumbers(rows.map((row) => row.articleId)), loadClaimCorrections(rows.map((row) => row.id))]);
  const checks = rows.map((row): FeedEntry => {
    const claimCorrections = corrections.get(row.id) ?? [];
    const approvedAt = row.approvedAt!.toISOString();
    const latest = claimCorrections[0];
    const verdict = `${ratingLabel(row.rating)}: ${row.restatement}`;
    return {
      articleId: row.articleId,
      claimId: row.id,
      title: latest ? `Corrected. ${verdict}` : verdict,
      href: publicClaimUrl(appUrl, row.articleId, numbers.get(row.id) ?? 1),
      summary: [
        latest ? `Corrected on ${formatDate(new Date(latest.correctedAt))}: ${latest.note} (earlier verdict: ${latest.previousVerdict}).` : "",
        row.rationale ?? "",
      ]
        .filter(Boolean)
        .join(" "),
      published: firstPublishedAt({ approvedAt, corrections: claimCorrections }),
      updated: approvedAt,
    };
  });
  const withdrawn = log
    .filter((entry) => entry.kind === "withdrawn")
    .map(
      (entry): FeedEntry => ({
        articleId: entry.article.id,
        claimId: entry.claimId,
        correctionId: entry.id,
        title: `Withdrawn: ${entry.restatement}`,
        href: entry.href,
        summary: `A fact check of this claim was withdrawn on ${formatDate(new Date(entry.at))}: ${entry.note} (published verdict: ${entry.previousVerdict}).`,
        updated: entry.at,
      }),
    );
  const entries = [...checks, ...withdrawn].sort((a, b) => newestFirst(a.updated, b.updated)).slice(0, FEED_ENTRIES);
  return renderAtomFeed(appUrl, (await readOrganisation()).name, entries, now);
}
