import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleArticleWhere } from "@/lib/auth/visibility";
import { recordAudit, recordAudits } from "@/lib/audit/record";
import { FieldError, NotFoundError } from "@/lib/errors";
import type { AnchorMethod } from "@/lib/anchoring";
import { newRecordId } from "@/lib/db/record-id";
import { readCatalogue } from "@/lib/ratings/catalogue";
import { AnnotationImportError, notSearchedNote, planAnnotationImport, type OrphanedAnnotation, type SkippedAnnotation } from "@/lib/export/import-annotations";

export interface ImportAnnotationsResult {
  /** In text order; `method` "fuzzy" means the claim now sits on changed text, worth a look. */
  created: Array<{ id: string; restatement: string; startOffset: number; endOffset: number; method: AnchorMethod }>;
  orphaned: OrphanedAnnotation[];
  /** Replies made comments on the new claims. */
  comments: number;
  skipped: SkippedAnnotation[];
}

/**
 * Imports a W3C Web Annotation export or a Hypothesis file onto an article the actor can
 * see: every claim annotation that re-anchors on this article's text becomes a new draft
 * claim owned by the actor, with the restatement, the verdict (as the actor's proposal),
 * the rationale and the tags it carries; replies become the actor's comments on their
 * thread's claim; the rest are reported back as orphaned or skipped and nothing is made of them.
 * Evidence is not imported (it belongs to the reviewed claims, not to the new drafts).
 * One transaction: all the drafts with their audit events, or nothing.
 */
export async function importAnnotations(actor: Actor, articleId: string, json: unknown): Promise<ImportAnnotationsResult> {
  const article = await prisma.article.findFirst({
    where: { id: articleId, ...visibleArticleWhere(actor) },
    select: { id: true, canonicalText: true },
  });
  if (!article) throw new NotFoundError("That article");
  let plan;
  try {
    plan = await planAnnotationImport(article.canonicalText, json, (await readCatalogue()).choices);
  } catch (error) {
    if (error instanceof AnnotationImportError) throw new FieldError("file", error.message);
    throw error;
  }
  const planned = plan.claims;
  // An import that would make nothing is refused, so nothing (not even its audit event) is written.
  if (planned.length === 0) {
    const orphaned = plan.orphaned.length;
    throw new FieldError(
      "file",
      orphaned === 0
        ? "This file has no claim annotations to import."
        : `None of the file’s ${orphaned === 1 ? "claim annotation" : `${orphaned.toLocaleString("en")} claim annotations`} could be placed on this article’s text, so nothing was imported. ${notSearchedNote(plan.orphaned) || "Is it the export of another article?"}`,
    );
  }
  // Ids made here, so each reply finds its thread's claim whatever order the rows come back in.
  const claimIds = new Map(planned.map((claim) => [claim, newRecordId()]));
  const created = await prisma.$transaction(async (tx) => {
    const rows = await tx.claim.createManyAndReturn({
      data: planned.map((claim) => ({
        id: claimIds.get(claim),
        articleId: article.id,
        authorId: actor.id,
        restatement: claim.restatement,
        verdict: claim.verdict,
        rationale: claim.rationale,
        verdictProposedById: claim.verdict ? actor.id : null,
        contentChangedById: actor.id,
        startOffset: claim.start,
        endOffset: claim.end,
        exact: claim.exact,
        prefix: claim.prefix,
        suffix: claim.suffix,
        tags: claim.tags,
      })),
      select: { id: true, restatement: true, verdict: true, rationale: true, startOffset: true, endOffset: true, exact: true, tags: true },
    });
    // Each draft's history starts like a hand-marked one's.
    await recordAudits(
      tx,
      rows.map((row) => ({
        actorId: actor.id,
        action: "claim.create",
        entityType: "Claim",
        entityId: row.id,
        after: {
          articleId: article.id,
          restatement: row.restatement,
          verdict: row.verdict,
          rationale: row.rationale,
          startOffset: row.startOffset,
          endOffset: row.endOffset,
          exact: row.exact,
          tags: row.tags,
          importedFromAnnotations: true,
        },
      })),
    );
    const threadClaims = new Map(planned.flatMap((claim) => (claim.annotationId ? [[claim.annotationId, claimIds.get(claim)!] as const] : [])));
    // A claim's comments are read in createdAt order, and now() is one instant in a
    // transaction: a millisecond apart each, the replies keep their thread's order.
    const now = Date.now();
    const comments = plan.comments.map((comment, i) => ({
      id: newRecordId(),
      claimId: threadClaims.get(comment.threadId)!,
      authorId: actor.id,
      body: comment.body,
      createdAt: new Date(now + i),
    }));
    await tx.comment.createMany({ data: comments });
    await recordAudits(
      tx,
      comments.map((comment) => ({
        actorId: actor.id,
        action: "comment.add",
        entityType: "Claim",
        entityId: comment.claimId,
        after: { commentId: comment.id, body: comment.body, importedFromAnnotations: true },
      })),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.import_annotations",
      entityType: "Article",
      entityId: article.id,
      after: { created: rows.length, comments: comments.length, orphaned: plan.orphaned.length, skipped: plan.skipped.length, claimIds: rows.map((row) => row.id) },
    });
    return rows;
  });
  const methods = new Map(planned.map((claim) => [`${claim.start}:${claim.end}:${claim.restatement}`, claim.method]));
  return {
    created: created
      .map(({ id, restatement, startOffset, endOffset }) => ({
        id,
        restatement,
        startOffset,
        endOffset,
        method: methods.get(`${startOffset}:${endOffset}:${restatement}`) ?? "quote",
      }))
      .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset),
    orphaned: plan.orphaned,
    comments: plan.comments.length,
    skipped: plan.skipped,
  };
}
