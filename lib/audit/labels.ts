import type { AuditAction } from "@/lib/audit/record";

/** Each audit action in plain words, as the audit log names it. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "user.create": "User created",
  "user.change_role": "Role changed",
  "user.disable": "User disabled",
  "user.enable": "User enabled",
  "user.reset_password": "Password reset",
  "user.sign_out": "Signed out",
  "article.import": "Article imported",
  "article.update_details": "Article details edited",
  "article.publish": "Article published",
  "article.unpublish": "Article unpublished",
  "article.import_annotations": "Annotations imported",
  "claim.create": "Claim marked",
  "claim.update": "Claim edited",
  "claim.delete": "Claim deleted",
  "claim.submit": "Claim submitted for review",
  "claim.approve": "Claim approved",
  "claim.request_changes": "Changes requested",
  "claim.reopen": "Claim reopened",
  "claim.approval_undone": "Approval undone",
  "claim.assign": "Claim assigned",
  "claim.tag": "Claim tagged",
  "evidence.add": "Evidence added",
  "evidence.remove": "Evidence removed",
  "comment.add": "Comment added",
  "same_claim.linked": "Linked as the same claim",
  "same_claim.unlinked": "Unlinked from the same claim",
  "verdict.adopted": "Verdict adopted from the same claim",
  "suggestion.dismissed": "Suggested claim dismissed",
  "suggestion.restored": "Suggested claim restored",
  "notification.read": "Notification marked as read",
};

/** The name of an action as stored (an event written before an action was renamed keeps its raw name). */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action as AuditAction] ?? action;
}
