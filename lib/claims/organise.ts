import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { visibleClaimWhere } from "@/lib/auth/visibility";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { changeEachClaim } from "@/lib/claims/bulk";
import { bumpVersion, conflict } from "@/lib/claims/locking";
import { assertMayAssign, assertMayTag } from "@/lib/claims/permissions";
import { MAX_TAGS_PER_CLAIM, type AssignClaimsInput, type ClaimRef, type TagClaimsInput } from "@/lib/claims/schemas";
import { userRef } from "@/lib/claims/shapes";
import type { UserRef } from "@/lib/claims/types";
import { isoDate } from "@/lib/format";
import { notify } from "@/lib/notifications/notify";
import { assignmentNote, findAssignee } from "@/lib/assignments/data";

/**
 * Organising claims: who a claim is assigned to and how it is tagged, for one claim (its
 * panel) or many (the claim list's bulk actions, all or nothing). Neither changes what a
 * claim publishes; both move it to a new version, so an edit made in between is not lost.
 * Who may do it is lib/claims/permissions.ts.
 */

/** What a bulk change did: the claims it changed (new versions) and the articles they are in. */
export interface OrganiseResult {
  changed: { id: string; version: number }[];
  unchanged: number;
  articleIds: string[];
}

const organiseSelect = {
  id: true,
  articleId: true,
  authorId: true,
  state: true,
  version: true,
  assigneeId: true,
  assignee: userRef,
  dueOn: true,
  restatement: true,
  tags: true,
} as const satisfies Prisma.ClaimSelect;

type OrganisedClaim = Prisma.ClaimGetPayload<{ select: typeof organiseSelect }>;

/** The claim as the actor may see it: NotFound, then the permission check, then Conflict (as locking.ts). */
async function claimToOrganise(tx: Tx, actor: Actor, ref: ClaimRef, check: (claim: OrganisedClaim) => void) {
  const claim = await tx.claim.findFirst({ where: { id: ref.id, ...visibleClaimWhere(actor) }, select: organiseSelect });
  if (!claim) throw new NotFoundError("That claim");
  check(claim);
  if (claim.version !== ref.version) throw await conflict(tx, actor, claim.id);
  return claim;
}

/** Gives each claim the assignee (null: nobody) and due day; one audit event per claim that changed; a new assignee is told. */
export async function assignClaims(actor: Actor, input: Omit<AssignClaimsInput, "dueOn"> & { dueOn?: Date | null }): Promise<OrganiseResult> {
  const assignee = input.assigneeId ? await findAssignee(input.assigneeId) : null;
  const dueOn = input.dueOn ?? null;
  const outcomes = await changeEachClaim(input.claims, async (tx, ref) => {
    const claim = await claimToOrganise(tx, actor, ref, (c) => assertMayAssign(actor, c, assignee?.id ?? null));
    if (claim.assigneeId === (assignee?.id ?? null) && isoDate(claim.dueOn) === isoDate(dueOn)) return { claim, version: null };
    const version = await saveChange(tx, actor, claim, "claim.assign", { assigneeId: assignee?.id ?? null, dueOn: dueOn }, {
      before: { assignee: claim.assignee, ...dueChange(claim.dueOn) },
      after: { assignee: assignee && { id: assignee.id, name: assignee.name }, ...dueChange(dueOn) },
    });
    if (assignee && assignee.id !== claim.assigneeId) {
      await notify(tx, [{ kind: "ASSIGNED", recipientId: assignee.id, actorId: actor.id, claimId: claim.id, note: assignmentNote(claim.restatement, dueOn) }]);
    }
    return { claim, version };
  }, { userId: actor.id, progressId: input.progressId, label: input.assigneeId ? "Assigning claims" : "Unassigning claims" });
  return result(outcomes);
}

/** A due day in an audit event, only when there is one (events of assignments without one read as before). */
function dueChange(dueOn: Date | null) {
  return dueOn ? { dueOn: isoDate(dueOn) } : {};
}

/** Adds tags to, removes them from, or sets the tags of each claim; one audit event per claim that changed. */
export async function tagClaims(actor: Actor, input: TagClaimsInput): Promise<OrganiseResult> {
  const outcomes = await changeEachClaim(input.claims, async (tx, ref) => {
    const claim = await claimToOrganise(tx, actor, ref, (c) => assertMayTag(actor, c));
    const tags = nextTags(claim.tags, input);
    if (tags.length > MAX_TAGS_PER_CLAIM) throw new FieldError("tags", `A claim has at most ${MAX_TAGS_PER_CLAIM} tags; this one would have ${tags.length}.`);
    if (tags.join("\n") === claim.tags.join("\n")) return { claim, version: null };
    const version = await saveChange(tx, actor, claim, "claim.tag", { tags }, { before: { tags: claim.tags }, after: { tags } });
    return { claim, version };
  }, { userId: actor.id, progressId: input.progressId, label: "Tagging claims" });
  return result(outcomes);
}

/** Moves the claim (read at `claim.version`) to its next version with `data`, and audits it: what changed, and the versions. */
async function saveChange(
  tx: Tx,
  actor: Actor,
  claim: OrganisedClaim,
  action: "claim.assign" | "claim.tag",
  data: Prisma.ClaimUncheckedUpdateManyInput,
  change: { before: Prisma.JsonObject; after: Prisma.JsonObject },
) {
  const version = await bumpVersion(tx, actor, claim.id, claim.version, data);
  await recordAudit(tx, {
    actorId: actor.id,
    action,
    entityType: "Claim",
    entityId: claim.id,
    before: { ...change.before, version: claim.version },
    after: { ...change.after, version },
  });
  return version;
}

function nextTags(current: string[], input: TagClaimsInput): string[] {
  if (input.mode === "set") return input.tags;
  if (input.mode === "add") return [...new Set([...current, ...input.tags])];
  return current.filter((tag) => !input.tags.includes(tag));
}

function result(outcomes: { claim: { id: string; articleId: string }; version: number | null }[]): OrganiseResult {
  const changed = outcomes.flatMap(({ claim, version }) => (version === null ? [] : [{ id: claim.id, version }]));
  return { changed, unchanged: outcomes.length - changed.length, articleIds: [...new Set(outcomes.map(({ claim }) => claim.articleId))] };
}

/** Whom the actor may assign claims to: editors and admins anyone who can sign in, a reviewer only themselves. */
export async function listAssignees(actor: Actor): Promise<UserRef[]> {
  if (!hasRole(actor, "EDITOR")) return [{ id: actor.id, name: actor.name }];
  return prisma.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
