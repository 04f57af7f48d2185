import "server-only";
import { createHash } from "node:crypto";
import { prisma, type Db, type Tx } from "@/lib/db/client";
import { TRANSACTION_LIMITS } from "@/lib/db/transaction-limits";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { visibleArticleWhere } from "@/lib/auth/visibility";
import { recordAudit, recordAudits, type AuditEntry } from "@/lib/audit/record";
import { FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { isMarkingUnderway } from "@/lib/marking/reads";
import { VERSION_IN_MARKING } from "@/lib/marking/rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocNode } from "@/lib/documents/schema";
import type { ImportedArticle, SourceFormat } from "@/lib/import";
import { importSource } from "@/lib/articles/data";
import { lockClaimsStatement } from "@/lib/claims/statements";
import { indexPassages } from "@/lib/search/index-passages";
import { notifyTextChanged } from "@/lib/notifications/data";
import { isStorableText } from "@/lib/storable-text";
import { planVersion, spanChanges, type ClaimOutcome, type SpanOutcome, type VersionPlan } from "@/lib/versions/review";
import { textChangeNote } from "@/lib/versions/notes";
import { lockArticleStatement } from "@/lib/versions/statements";
import { recordFirstVersion } from "@/lib/versions/first-version";
import { mapOffset, textChanges } from "@/lib/versions/text-changes";
import type { ConfirmVersionInput, NewVersionInput } from "@/lib/versions/schemas";

/** How a version came in: FETCH is the page read again from a web address (lib/import/url), like an import from one. */
export type VersionSource = "IMPORT" | "PASTE" | "UPLOAD" | "FETCH";

/** A new version's text, however it came in. */
interface IncomingVersion {
  source: VersionSource;
  format: SourceFormat;
  imported: ImportedArticle;
  outletUpdatedOn: Date;
}

/** The article's current version: its number and the outlet's date (an article never given a second version is at 1). */
export async function currentVersion(db: Db | Tx, articleId: string): Promise<{ number: number; outletUpdatedOn: Date | null }> {
  const latest = await db.articleVersion.findFirst({ where: { articleId }, orderBy: { number: "desc" }, select: { number: true, outletUpdatedOn: true } });
  return latest ?? { number: 1, outletUpdatedOn: null };
}

/** The article as the actor (an editor) may change it, with its text and annotations; null when not found. */
async function articleForVersion(db: Db | Tx, actor: Actor, articleId: string) {
  if (!isStorableText(articleId)) return null;
  return db.article.findFirst({
    where: { id: articleId, ...visibleArticleWhere(actor) },
    select: {
      id: true,
      body: true,
      canonicalText: true,
      sourceFormat: true,
      importedById: true,
      createdAt: true,
      claims: {
        select: { id: true, state: true, startOffset: true, endOffset: true, exact: true, prefix: true, suffix: true, restatement: true, verdict: true, authorId: true, approvedById: true, anchorStatus: true, version: true, author: { select: { name: true } } },
        orderBy: [{ startOffset: "asc" }, { id: "asc" }],
      },
      evidence: {
        where: { exact: { not: null } },
        select: { id: true, claimId: true, startOffset: true, endOffset: true, exact: true, prefix: true, suffix: true, anchorStatus: true, claim: { select: { restatement: true } } },
        orderBy: { id: "asc" },
      },
    },
  });
}

type ArticleForVersion = NonNullable<Awaited<ReturnType<typeof articleForVersion>>>;

function plan(article: ArticleForVersion, newText: string): VersionPlan {
  const evidence = article.evidence.map((e) => ({ id: e.id, claimId: e.claimId, startOffset: e.startOffset ?? 0, endOffset: e.endOffset ?? 0, exact: e.exact ?? "", prefix: e.prefix ?? "", suffix: e.suffix ?? "" }));
  return planVersion(article.canonicalText, newText, article.claims, evidence);
}

/** Names the text reviewed: confirming a different text, or onto a different current version, is refused. */
function digestOf(basedOn: number, text: string): string {
  return createHash("sha256").update(`${basedOn}\n${text}`).digest("hex");
}

async function incoming(input: NewVersionInput): Promise<IncomingVersion> {
  const { format, imported } = await importSource(input);
  // The same order as an import reads its source in: a file, else a web address, else pasted text.
  return { source: input.file ? "UPLOAD" : input.sourceUrl ? "FETCH" : "PASTE", format, imported, outletUpdatedOn: input.outletUpdatedOn ?? today() };
}

function today(): Date {
  return new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
}

/** What the review screen shows: each claim and evidence passage in the new version, and what goes back to reviewers. */
export interface VersionReview {
  articleId: string;
  basedOn: number;
  number: number;
  digest: string;
  outletUpdatedOn: string;
  wordCount: number;
  sameText: boolean;
  claims: Array<ReviewedSpan & { restatement: string; authorName: string; stateBefore: string; stateAfter: string; needsReview: boolean }>;
  evidence: Array<ReviewedSpan & { claimId: string; claimRestatement: string }>;
}

interface ReviewedSpan {
  id: string;
  kind: SpanOutcome["placement"]["kind"];
  reason: string | null;
  oldExact: string;
  newExact: string | null;
  parts: SpanOutcome["parts"];
}

function reviewed(outcome: SpanOutcome): ReviewedSpan {
  const { placement } = outcome;
  return {
    id: outcome.id,
    kind: placement.kind,
    reason: placement.kind === "orphaned" ? placement.reason : null,
    oldExact: outcome.old.exact,
    newExact: placement.kind === "orphaned" ? null : placement.span.exact,
    parts: outcome.parts,
  };
}

/** Reads a new version and re-anchors the article's annotations onto it; writes nothing (editors). */
export async function previewVersion(actor: Actor, input: NewVersionInput): Promise<VersionReview> {
  assertRole(actor, "EDITOR");
  const article = await articleForVersion(prisma, actor, input.articleId);
  if (!article) throw new NotFoundError("That article");
  if (await isMarkingUnderway(prisma, article.id)) throw new ForbiddenError(VERSION_IN_MARKING);
  const version = await incoming(input);
  const { number: basedOn } = await currentVersion(prisma, article.id);
  const newText = version.imported.canonicalText;
  const { claims, evidence } = plan(article, newText);
  const claimRows = new Map(article.claims.map((c) => [c.id, c]));
  const evidenceRows = new Map(article.evidence.map((e) => [e.id, e]));
  return {
    articleId: article.id,
    basedOn,
    number: basedOn + 1,
    digest: digestOf(basedOn, newText),
    outletUpdatedOn: version.outletUpdatedOn.toISOString().slice(0, 10),
    wordCount: newText.split(/\s+/).filter(Boolean).length,
    sameText: newText === article.canonicalText,
    claims: claims.map((outcome) => {
      const row = claimRows.get(outcome.id)!;
      return { ...reviewed(outcome), restatement: row.restatement, authorName: row.author.name, stateBefore: outcome.stateBefore, stateAfter: outcome.stateAfter, needsReview: outcome.needsReview };
    }),
    evidence: evidence.map((outcome) => {
      const row = evidenceRows.get(outcome.id)!;
      return { ...reviewed(outcome), claimId: row.claimId, claimRestatement: row.claim.restatement };
    }),
  };
}

const REVIEWED_ELSEWHERE = "The article changed since you reviewed this version. Review it again.";

/**
 * Makes the reviewed text the article's current version, in one transaction with its audit
 * events: the article's body, text and passages replaced (passages indexed as an import
 * indexes them), every claim and evidence passage re-anchored, claims whose words changed
 * or were lost sent back to their reviewer with a note (lib/workflow's rule) and their
 * reviewer (and, for an approved claim, its approving editor) told. Returns the new number.
 */
export async function confirmVersion(actor: Actor, input: ConfirmVersionInput): Promise<number> {
  assertRole(actor, "EDITOR");
  const version = await incoming(input);
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw(lockArticleStatement(input.articleId));
    const found = await articleForVersion(tx, actor, input.articleId);
    if (!found) throw new NotFoundError("That article");
    if (await isMarkingUnderway(tx, found.id)) throw new ForbiddenError(VERSION_IN_MARKING);
    if (found.claims.length > 0) await tx.$queryRaw(lockClaimsStatement(found.claims.map((c) => c.id)));
    // Read again under the locks: the plan is made from what is there now.
    const article = (await articleForVersion(tx, actor, input.articleId))!;
    const current = await currentVersion(tx, article.id);
    const newText = version.imported.canonicalText;
    if (current.number !== input.basedOn || digestOf(current.number, newText) !== input.digest) throw new FieldError("content", REVIEWED_ELSEWHERE);
    const number = current.number + 1;

    await keepFirstVersion(tx, article);
    await tx.articleVersion.create({
      data: {
        articleId: article.id,
        number,
        body: version.imported.doc as unknown as Prisma.InputJsonValue,
        canonicalText: newText,
        source: version.source,
        sourceFormat: version.format,
        outletUpdatedOn: version.outletUpdatedOn,
        createdById: actor.id,
      },
      select: { number: true },
    });
    await tx.article.update({
      where: { id: article.id },
      data: { body: version.imported.doc as unknown as Prisma.InputJsonValue, canonicalText: newText, sourceFormat: version.format },
      select: { id: true },
    });
    await tx.passage.deleteMany({ where: { articleId: article.id } });
    await indexPassages(tx, article.id, newText);
    await carryDismissals(tx, article.id, article.canonicalText, newText);

    const { claims, evidence } = plan(article, newText);
    const audits: AuditEntry[] = [];
    for (const outcome of claims) audits.push(...(await applyToClaim(tx, actor, article, outcome, number)));
    for (const outcome of evidence) audits.push(...(await applyToEvidence(tx, actor, article, outcome)));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.new_version",
      entityType: "Article",
      entityId: article.id,
      before: { version: current.number },
      after: {
        version: number,
        source: version.source,
        sourceFormat: version.format,
        outletUpdatedOn: version.outletUpdatedOn.toISOString().slice(0, 10),
        fileName: input.file?.name ?? null,
        claimsSentBack: claims.filter((c) => c.needsReview).length,
      },
    });
    await recordAudits(tx, audits);
    return number;
  }, TRANSACTION_LIMITS.articleText);
}

/** An article made without a version 1 (straight in the database, as tests and benchmarks do) gets it before its second. */
async function keepFirstVersion(tx: Tx, article: ArticleForVersion) {
  if ((await tx.articleVersion.count({ where: { articleId: article.id } })) > 0) return;
  await recordFirstVersion(tx, { ...article, body: article.body as Prisma.InputJsonValue });
}

function storedFields(outcome: SpanOutcome) {
  const { placement } = outcome;
  if (placement.kind === "orphaned") return { anchorStatus: "ORPHANED" as const };
  const { span } = placement;
  return { startOffset: span.startOffset, endOffset: span.endOffset, exact: span.exact, prefix: span.prefix, suffix: span.suffix, anchorStatus: "ANCHORED" as const };
}

function spanAudit(outcome: SpanOutcome, anchorStatus: string | null) {
  const { old, placement } = outcome;
  return {
    before: { startOffset: old.startOffset, endOffset: old.endOffset, exact: old.exact, anchorStatus },
    after:
      placement.kind === "orphaned"
        ? { anchorStatus: "ORPHANED", reason: placement.reason }
        : { startOffset: placement.span.startOffset, endOffset: placement.span.endOffset, exact: placement.span.exact, anchorStatus: "ANCHORED", placement: placement.kind },
  };
}

async function applyToClaim(tx: Tx, actor: Actor, article: ArticleForVersion, outcome: ClaimOutcome, number: number): Promise<AuditEntry[]> {
  const claim = article.claims.find((c) => c.id === outcome.id)!;
  if (!spanChanges(outcome) && claim.anchorStatus === "ANCHORED" && !outcome.needsReview) return [];
  const note = outcome.needsReview ? textChangeNote(number, outcome) : null;
  await tx.claim.update({
    where: { id: claim.id },
    data: { ...storedFields(outcome), version: { increment: 1 }, ...(note ? { state: outcome.stateAfter, reviewNote: note } : {}) },
    select: { id: true },
  });
  const recipients = note ? [claim.authorId, ...(claim.state === "APPROVED" && claim.approvedById ? [claim.approvedById] : [])].filter((id) => id !== actor.id) : [];
  if (note) await notifyTextChanged(tx, [...new Set(recipients)].map((recipientId) => ({ recipientId, actorId: actor.id, claimId: claim.id, verdict: claim.verdict, note })));
  const { before, after } = spanAudit(outcome, claim.anchorStatus);
  return [
    {
      actorId: actor.id,
      action: "claim.reanchored",
      entityType: "Claim",
      entityId: claim.id,
      before: { ...before, state: claim.state, version: claim.version },
      after: { ...after, articleVersion: number, state: note ? outcome.stateAfter : claim.state, version: claim.version + 1, ...(note ? { reviewNote: note, notifiedUserIds: [...new Set(recipients)] } : {}) },
    },
  ];
}

async function applyToEvidence(tx: Tx, actor: Actor, article: ArticleForVersion, outcome: SpanOutcome): Promise<AuditEntry[]> {
  const evidence = article.evidence.find((e) => e.id === outcome.id)!;
  if (!spanChanges(outcome) && evidence.anchorStatus === "ANCHORED") return [];
  await tx.evidence.update({ where: { id: evidence.id }, data: storedFields(outcome), select: { id: true } });
  const { before, after } = spanAudit(outcome, evidence.anchorStatus);
  return [{ actorId: actor.id, action: "evidence.reanchored", entityType: "Claim", entityId: evidence.claimId, before: { ...before, evidenceId: evidence.id }, after }];
}

/** Dismissed suggestions keep their place where their sentence is unchanged; the others are suggested again. */
async function carryDismissals(tx: Tx, articleId: string, oldText: string, newText: string) {
  const dismissed = await tx.dismissedSuggestion.findMany({ where: { articleId } });
  if (dismissed.length === 0) return;
  const changes = textChanges(oldText, newText);
  await tx.dismissedSuggestion.deleteMany({ where: { articleId } });
  const kept = dismissed.flatMap((d) => {
    const startOffset = mapOffset(changes, d.startOffset, "start");
    const endOffset = mapOffset(changes, d.endOffset, "end");
    return newText.slice(startOffset, endOffset) === oldText.slice(d.startOffset, d.endOffset) ? [{ ...d, startOffset, endOffset }] : [];
  });
  await tx.dismissedSuggestion.createMany({ data: kept, skipDuplicates: true });
}

/** An article's versions, newest first (a reader of the article may read them). */
export async function listVersions(actor: Actor, articleId: string) {
  const article = await readableArticle(actor, articleId);
  const versions = await prisma.articleVersion.findMany({
    where: { articleId: article.id },
    orderBy: { number: "desc" },
    select: { number: true, source: true, sourceFormat: true, outletUpdatedOn: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return { article, versions };
}

/** One version of an article, read-only, with the text of the version before it (to show what changed). */
export async function getVersion(actor: Actor, articleId: string, number: number) {
  const article = await readableArticle(actor, articleId);
  const [version, previous, latest] = await Promise.all([
    prisma.articleVersion.findUnique({
      where: { articleId_number: { articleId: article.id, number } },
      select: { number: true, body: true, canonicalText: true, source: true, outletUpdatedOn: true, createdAt: true, createdBy: { select: { name: true } } },
    }),
    prisma.articleVersion.findUnique({ where: { articleId_number: { articleId: article.id, number: number - 1 } }, select: { canonicalText: true } }),
    currentVersion(prisma, article.id),
  ]);
  if (!version) throw new NotFoundError("That version");
  return { article, version: { ...version, body: version.body as unknown as DocNode }, previousText: previous?.canonicalText ?? null, isCurrent: latest.number === number };
}

async function readableArticle(actor: Actor, articleId: string) {
  if (!isStorableText(articleId)) throw new NotFoundError("That article");
  const article = await prisma.article.findFirst({ where: { id: articleId, ...visibleArticleWhere(actor) }, select: { id: true, title: true, outlet: true, url: true } });
  if (!article) throw new NotFoundError("That article");
  return article;
}

/** The number and outlet's date of the article's current version, for the reader's notice. */
export async function getCurrentVersion(actor: Actor, articleId: string) {
  const article = await readableArticle(actor, articleId);
  return currentVersion(prisma, article.id);
}
