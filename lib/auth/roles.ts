import type { Role } from "@/lib/generated/prisma/enums";
import { ForbiddenError } from "@/lib/errors";

export const ROLE_LABELS: Record<Role, string> = { REVIEWER: "Reviewer", EDITOR: "Editor", ADMIN: "Admin" };

// Each role may do everything the roles before it may.
const RANK: Record<Role, number> = { REVIEWER: 0, EDITOR: 1, ADMIN: 2 };

export function hasRole(actor: { role: Role }, needed: Role) {
  return RANK[actor.role] >= RANK[needed];
}

export function assertRole(actor: { role: Role }, needed: Role) {
  if (!hasRole(actor, needed)) {
    throw new ForbiddenError(`Only ${needed === "ADMIN" ? "administrators" : "editors"} may do that.`);
  }
}
