import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { visibleArticleWhere } from "@/lib/auth/visibility";
import { recordAudit, recordAudits } from "@/lib/audit/record";
import { FieldError, NotFoundError } from "@/lib/errors";
import type { AnchorMethod } from "@/lib/anchoring";
import { AnnotationImportError, notSearchedNote, planAnnotationImport, type OrphanedAnnotation } from "@/lib/export/import-annotations";

export interface ImportAnnotationsResult {
  /** In text order; `method` "fuzzy" means the claim now sits on changed text, worth a look. */
  created: Array<{ id: string; restatement: string; startOffset: number; endOffset: number; method: AnchorMethod }>;
  orphaned: OrphanedAnnotation[];
  skipped: number;
}

/**
 * Imports a W3C Web Annotation export onto an article the actor can see: every claim
 * annotation that re-anchors on this article's text becomes a new draft claim owned by
 * the actor, with the restatement, the verdict (as the actor's proposal) and the rationale
 * of its bodies; the rest are reported back as orphaned and nothing is made of them.
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
    plan = await planAnnotationImport(article.canonicalText, json);
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
  const created = await prisma.$transaction(async (tx) => {
    const rows = await tx.claim.createManyAndReturn({
      data: planned.map((claim) => ({
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
      })),
      select: { id: true, restatement: true, verdict: true, rationale: true, startOffset: true, endOffset: true, exact: true },
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
          importedFromAnnotations: true,
        },
      })),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.import_annotations",
      entityType: "Article",
      entityId: article.id,
      after: { created: rows.length, orphaned: plan.orphaned.length, skipped: plan.skipped, claimIds: rows.map((row) => row.id) },
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
    skipped: plan.skipped,
  };
}
