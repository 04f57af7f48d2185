import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Every kind of audit event Verity writes, in one list: the data layer's writers, the
 * seed and the claim history's sentences (lib/claims/history.ts) name them from here.
 */
export const AUDIT_ACTIONS = [
  "user.create",
  "user.change_role",
  "user.disable",
  "user.enable",
  "user.reset_password",
  "user.sign_out",
  "article.import",
  "article.update_details",
  "article.publish",
  "article.unpublish",
  "article.retire",
  "article.restore",
  "article.import_annotations",
  "article.new_version",
  "claim.reanchored",
  "evidence.reanchored",
  "claim.create",
  "claim.update",
  "claim.delete",
  "claim.submit",
  "claim.approve",
  "claim.request_changes",
  "claim.reopen",
  "claim.assign",
  "claim.tag",
  "evidence.add",
  "evidence.remove",
  "comment.add",
  "same_claim.linked",
  "same_claim.unlinked",
  "verdict.adopted",
  "suggestion.dismissed",
  "suggestion.restored",
  "claim.approval_undone",
  "claim.correction_opened",
  "claim.correction_published",
  "notification.read",
  "notification.read_all",
  "notification.digest_set",
  "article.assign",
  "api_token.create",
  "api_token.revoke",
  "organisation.create",
  "organisation.update",
  "rating_scale.copy",
  "rating_scale.update",
  "rating_scale.switch",
  "rating.create",
  "rating.update",
  "rating.move",
  "rating.retire",
  "rating.restore",
  "rating.delete",
  "round.open",
  "round.submit_verdict",
  "round.reveal",
  "round.reconcile",
  "marking.open",
  "marking.mark",
  "marking.unmark",
  "marking.finish",
  "marking.reveal",
  "marking.reconcile",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  entityType: "User" | "Article" | "Claim" | "Organisation" | "RatingScale";
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/** Records who did what; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, entry: AuditEntry) {
  await tx.auditEvent.create({ data: entry, select: { id: true } });
}

/** Records several events at once (an import's many drafts), inside the transaction that makes them. */
export async function recordAudits(tx: Tx, entries: AuditEntry[]) {
  await tx.auditEvent.createMany({ data: entries });
}
