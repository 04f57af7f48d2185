/**
 * The claims data layer, one verb group a module: reads, writes (mark, edit, delete),
 * evidence, comments and same-claim links; optimistic locking is lib/claims/locking.ts.
 * Who may see which claims is lib/auth/visibility.ts; who may change one is
 * lib/claims/permissions.ts.
 */
export { listClaimsForArticle, listPassagesInArticle, getClaimDetail, articleIdsOfClaim, listClaimants } from "@/lib/claims/reads";
export { createClaim, updateClaim, deleteClaim } from "@/lib/claims/writes";
export { addEvidence, removeEvidence } from "@/lib/claims/evidence";
export { addComment } from "@/lib/claims/comments";
export { claimPermissions } from "@/lib/claims/permissions";
export type * from "@/lib/claims/types";
