import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/record";
import { FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { newRecordId } from "@/lib/db/record-id";
import { ORGANISATION_ID, organisationFromEnv } from "@/lib/organisation/store";
import { contrastWithPage, MIN_CONTRAST } from "@/lib/ratings/colour";
import { loadCatalogue } from "@/lib/ratings/catalogue";
import { ratingOf, type RatingCatalogue } from "@/lib/ratings/types";
import type { CopyScaleInput, MoveRatingInput, RatingInput, SaveRatingInput, SwitchScaleInput, UpdateScaleInput } from "@/lib/ratings/schemas";

/**
 * The admins' changes to rating scales (/admin/ratings). Editing a scale never changes what an
 * existing verdict means: ratings are renamed, added, reordered and retired, never deleted
 * while in use; the presets are read-only (copied to be edited); switching the organisation to
 * another scale maps every rating its open claims use onto the new scale, in one transaction.
 * Approved claims keep the rating, and the scale, they were approved on.
 */

/**
 * How many claims have each rating: open (not approved) and approved. A rating listed here is
 * used somewhere (claims, blind rounds, notifications), so it cannot be deleted.
 */
export interface RatingUse {
  open: number;
  approved: number;
}

export interface ScalesView {
  catalogue: RatingCatalogue;
  use: Record<string, RatingUse>;
}

export async function scalesForAdmin(actor: Actor): Promise<ScalesView> {
  assertRole(actor, "ADMIN");
  const [catalogue, claims, elsewhere] = await Promise.all([
    // The request's catalogue: the workbench layout has read it already.
    loadCatalogue(),
    prisma.claim.groupBy({ by: ["verdict", "state"], where: { verdict: { not: null } }, _count: { _all: true } }),
    prisma.$queryRaw<Array<{ id: string }>>`
      SELECT "verdict" AS id FROM "IndependentVerdict" WHERE "verdict" IS NOT NULL
      UNION SELECT "finalVerdict" FROM "VerdictRound" WHERE "finalVerdict" IS NOT NULL
      UNION SELECT "fromVerdict" FROM "Notification" WHERE "fromVerdict" IS NOT NULL
      UNION SELECT "toVerdict" FROM "Notification" WHERE "toVerdict" IS NOT NULL`,
  ]);
  const use: Record<string, RatingUse> = {};
  const entry = (id: string) => (use[id] ??= { open: 0, approved: 0 });
  for (const row of claims) {
    if (row.state === "APPROVED") entry(row.verdict!).approved += row._count._all;
    else entry(row.verdict!).open += row._count._all;
  }
  for (const { id } of elsewhere) entry(id);
  return { catalogue, use };
}

/** Copies a scale (a preset, or one of the organisation's own) into a new, editable one. */
export async function copyScale(actor: Actor, input: CopyScaleInput): Promise<string> {
  assertRole(actor, "ADMIN");
  return prisma.$transaction(async (tx) => {
    const source = await tx.ratingScale.findUnique({ where: { id: input.scaleId }, include: { ratings: { orderBy: { position: "asc" } } } });
    if (!source) throw new NotFoundError("That rating scale");
    const id = newRecordId();
    await tx.ratingScale.create({ data: { id, name: input.name, worstRating: source.worstRating, bestRating: source.bestRating } });
    await tx.rating.createMany({
      data: source.ratings.map((rating) => ({ ...rating, id: newRecordId(), scaleId: id })),
    });
    await recordAudit(tx, { actorId: actor.id, action: "rating_scale.copy", entityType: "RatingScale", entityId: id, after: { name: input.name, copiedFrom: source.name } });
    return id;
  });
}

export async function updateScale(actor: Actor, input: UpdateScaleInput): Promise<void> {
  assertRole(actor, "ADMIN");
  await prisma.$transaction(async (tx) => {
    const scale = await editableScale(tx, input.scaleId);
    const worstRating = input.worstRating ?? null;
    const bestRating = input.bestRating ?? null;
    const outside = await tx.rating.findFirst({
      where: {
        scaleId: scale.id,
        ...(worstRating === null ? { ratingValue: { not: null } } : { OR: [{ ratingValue: { lt: worstRating } }, { ratingValue: { gt: bestRating! } }] }),
      },
      select: { label: true, ratingValue: true },
    });
    if (outside) {
      throw new FieldError("bestRating", `“${outside.label}” is rated ${outside.ratingValue}: change it first, or keep the bounds around it.`);
    }
    await tx.ratingScale.update({ where: { id: scale.id }, data: { name: input.name, worstRating, bestRating } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "rating_scale.update",
      entityType: "RatingScale",
      entityId: scale.id,
      before: { name: scale.name, worstRating: scale.worstRating, bestRating: scale.bestRating },
      after: { name: input.name, worstRating, bestRating },
    });
  });
}

/** Adds a rating at the end of the scale, or changes one; returns its id. */
export async function saveRating(actor: Actor, input: SaveRatingInput): Promise<string> {
  assertRole(actor, "ADMIN");
  const ratio = contrastWithPage(input.color);
  if (ratio < MIN_CONTRAST) {
    throw new FieldError("color", `This colour has a contrast of ${ratio}:1 with the page and with white text; WCAG AA needs at least ${MIN_CONTRAST}:1. Choose a darker colour.`);
  }
  return prisma.$transaction(async (tx) => {
    const scale = await editableScale(tx, input.scaleId);
    const ratingValue = input.ratingValue ?? null;
    if (ratingValue !== null && (scale.worstRating === null || scale.bestRating === null)) {
      throw new FieldError("ratingValue", "This scale has no numbers: give it a worst and a best rating first, or leave this empty.");
    }
    if (ratingValue !== null && (ratingValue < scale.worstRating! || ratingValue > scale.bestRating!)) {
      throw new FieldError("ratingValue", `Enter a number from ${scale.worstRating} to ${scale.bestRating}, the scale's worst and best.`);
    }
    const ratings = await tx.rating.findMany({ where: { scaleId: scale.id }, orderBy: { position: "asc" } });
    const existing = input.ratingId ? ratings.find((rating) => rating.id === input.ratingId) : undefined;
    if (input.ratingId && !existing) throw new NotFoundError("That rating");
    const sameLabel = ratings.find((rating) => rating.id !== existing?.id && rating.label.toLowerCase() === input.label.toLowerCase());
    if (sameLabel) throw new FieldError("label", `The scale already has a rating called “${sameLabel.label}”.`);
    const fields = { label: input.label, definition: input.definition, color: input.color, icon: input.icon, ratingValue, truth: input.truth };
    if (existing) {
      await tx.rating.update({ where: { id: existing.id }, data: fields });
      const before = { label: existing.label, definition: existing.definition, color: existing.color, icon: existing.icon, ratingValue: existing.ratingValue, truth: existing.truth };
      await recordAudit(tx, { actorId: actor.id, action: "rating.update", entityType: "RatingScale", entityId: scale.id, before: { ratingId: existing.id, ...before }, after: { ratingId: existing.id, ...fields } });
      return existing.id;
    }
    const id = newRecordId();
    await tx.rating.create({ data: { id, scaleId: scale.id, position: ratings.length === 0 ? 0 : ratings[ratings.length - 1].position + 1, ...fields } });
    await recordAudit(tx, { actorId: actor.id, action: "rating.create", entityType: "RatingScale", entityId: scale.id, after: { ratingId: id, ...fields } });
    return id;
  });
}

/** Swaps a rating with its neighbour above or below. */
export async function moveRating(actor: Actor, input: MoveRatingInput): Promise<void> {
  assertRole(actor, "ADMIN");
  await prisma.$transaction(async (tx) => {
    const rating = await ratingToChange(tx, input.ratingId);
    const neighbour = await tx.rating.findFirst({
      where: { scaleId: rating.scaleId, position: input.direction === "up" ? { lt: rating.position } : { gt: rating.position } },
      orderBy: { position: input.direction === "up" ? "desc" : "asc" },
    });
    if (!neighbour) throw new FieldError("direction", `“${rating.label}” is already ${input.direction === "up" ? "first" : "last"}.`);
    await tx.rating.update({ where: { id: rating.id }, data: { position: neighbour.position } });
    await tx.rating.update({ where: { id: neighbour.id }, data: { position: rating.position } });
    await recordAudit(tx, { actorId: actor.id, action: "rating.move", entityType: "RatingScale", entityId: rating.scaleId, before: { ratingId: rating.id, label: rating.label, position: rating.position }, after: { ratingId: rating.id, label: rating.label, position: neighbour.position } });
  });
}

/** Retires a rating (old verdicts keep it; new ones cannot choose it), or brings it back. */
export async function setRatingRetired(actor: Actor, input: RatingInput, retired: boolean): Promise<void> {
  assertRole(actor, "ADMIN");
  await prisma.$transaction(async (tx) => {
    const rating = await ratingToChange(tx, input.ratingId);
    if (retired === (rating.retiredAt !== null)) return;
    if (retired && (await tx.rating.count({ where: { scaleId: rating.scaleId, retiredAt: null } })) === 1) {
      throw new FieldError("ratingId", "This is the scale's last rating in use: add another before retiring it.");
    }
    await tx.rating.update({ where: { id: rating.id }, data: { retiredAt: retired ? new Date() : null } });
    await recordAudit(tx, { actorId: actor.id, action: retired ? "rating.retire" : "rating.restore", entityType: "RatingScale", entityId: rating.scaleId, after: { ratingId: rating.id, label: rating.label } });
  });
}

/** Deletes a rating no verdict, round or notification has ever used (a used one can only be retired). */
export async function deleteRating(actor: Actor, input: RatingInput): Promise<void> {
  assertRole(actor, "ADMIN");
  await prisma.$transaction(async (tx) => {
    const rating = await ratingToChange(tx, input.ratingId);
    const [claims, seats, finals, notices] = await Promise.all([
      tx.claim.count({ where: { verdict: rating.id } }),
      tx.independentVerdict.count({ where: { verdict: rating.id } }),
      tx.verdictRound.count({ where: { finalVerdict: rating.id } }),
      tx.notification.count({ where: { OR: [{ fromVerdict: rating.id }, { toVerdict: rating.id }] } }),
    ]);
    if (claims + seats + finals + notices > 0) throw new FieldError("ratingId", `“${rating.label}” has been used, so its verdicts keep it: retire it instead.`);
    if ((await tx.rating.count({ where: { scaleId: rating.scaleId, retiredAt: null, id: { not: rating.id } } })) === 0) {
      throw new FieldError("ratingId", "This is the scale's last rating in use: add another before deleting it.");
    }
    await tx.rating.delete({ where: { id: rating.id } });
    await recordAudit(tx, { actorId: actor.id, action: "rating.delete", entityType: "RatingScale", entityId: rating.scaleId, before: { ratingId: rating.id, label: rating.label } });
  });
}

/** A rating open claims use that the new scale lacks: how many claims have it, and the new scale's rating at its place on the truth axis. */
export interface SwitchRow {
  ratingId: string;
  claims: number;
  suggested: string | null;
}

/** What switching to `scaleId` must map: the ratings of open claims on other scales, with counts (the preview). */
export async function previewSwitch(actor: Actor, catalogue: RatingCatalogue, scaleId: string): Promise<SwitchRow[]> {
  assertRole(actor, "ADMIN");
  const rows = await prisma.claim.groupBy({
    by: ["verdict"],
    where: { state: { not: "APPROVED" }, verdict: { not: null }, rating: { scaleId: { not: scaleId } } },
    _count: { _all: true },
  });
  const targets = Object.values(catalogue.ratings)
    .filter((rating) => rating.scaleId === scaleId && !rating.retired)
    .sort((a, b) => a.position - b.position);
  return rows.map((row) => ({
    ratingId: row.verdict!,
    claims: row._count._all,
    suggested: targets.find((target) => target.truth === ratingOf(catalogue, row.verdict)?.truth)?.id ?? null,
  }));
}

/**
 * Makes `scaleId` the organisation's scale. Every open claim rated on another scale gets the
 * rating `mapping` names for its rating (one each, on the new scale, not retired); each claim's
 * change and the switch itself are audited in the same transaction. Returns the claims changed.
 */
export async function switchScale(actor: Actor, input: SwitchScaleInput): Promise<number> {
  assertRole(actor, "ADMIN");
  return prisma.$transaction(async (tx) => {
    // One switch at a time, and no claim changes its rating under it.
    await tx.$queryRaw`SELECT id FROM "RatingScale" FOR UPDATE`;
    const scale = await tx.ratingScale.findUnique({ where: { id: input.scaleId }, include: { ratings: { where: { retiredAt: null } } } });
    if (!scale) throw new NotFoundError("That rating scale");
    if (scale.ratings.length === 0) throw new FieldError("scaleId", "That scale has no rating in use yet.");
    const organisation = await tx.organisation.findUnique({ where: { id: ORGANISATION_ID }, select: { ratingScaleId: true } });
    const claims = await tx.claim.findMany({
      where: { state: { not: "APPROVED" }, verdict: { not: null }, rating: { scaleId: { not: scale.id } } },
      select: { id: true, verdict: true, version: true },
    });
    for (const verdict of new Set(claims.map((claim) => claim.verdict!))) {
      if (!scale.ratings.some((rating) => rating.id === input.mapping[verdict])) {
        throw new FieldError(`map:${verdict}`, `Choose the rating on “${scale.name}” that the claims with this verdict get.`);
      }
    }
    for (const claim of claims) {
      const verdict = input.mapping[claim.verdict!];
      await tx.claim.update({ where: { id: claim.id }, data: { verdict, version: claim.version + 1 } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "rating_scale.switch",
        entityType: "Claim",
        entityId: claim.id,
        before: { verdict: claim.verdict, version: claim.version },
        after: { verdict, version: claim.version + 1 },
      });
    }
    await tx.organisation.upsert({
      where: { id: ORGANISATION_ID },
      create: { id: ORGANISATION_ID, ...organisationFromEnv(process.env), ratingScaleId: scale.id },
      update: { ratingScaleId: scale.id },
    });
    const used = Object.fromEntries([...new Set(claims.map((claim) => claim.verdict!))].map((id) => [id, input.mapping[id]]));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "rating_scale.switch",
      entityType: "RatingScale",
      entityId: scale.id,
      before: { scaleId: organisation?.ratingScaleId ?? null },
      after: { scaleId: scale.id, name: scale.name, mapping: used, claimsChanged: claims.length },
    });
    return claims.length;
  });
}

/** The organisation's own scale, locked for the change; a preset is read-only. */
async function editableScale(tx: Tx, scaleId: string) {
  const [locked] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "RatingScale" WHERE id = ${scaleId} FOR UPDATE`;
  const scale = locked && (await tx.ratingScale.findUnique({ where: { id: scaleId } }));
  if (!scale) throw new NotFoundError("That rating scale");
  if (scale.preset) throw new ForbiddenError("A preset cannot be changed: copy it to make your own scale, then edit the copy.");
  return scale;
}

async function ratingToChange(tx: Tx, ratingId: string) {
  const rating = await tx.rating.findUnique({ where: { id: ratingId } });
  if (!rating) throw new NotFoundError("That rating");
  await editableScale(tx, rating.scaleId);
  return rating;
}
