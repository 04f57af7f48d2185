import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db/client";
import { FieldError } from "@/lib/errors";
import { CHOOSE_VERDICT } from "@/lib/validation/fields";
import { DEFAULT_SCALE_ID } from "@/lib/ratings/catalogue";
import type { RatingId } from "@/lib/ratings/types";

/**
 * The rule every verdict written obeys (claims, independent verdicts, reconciliations):
 * a rating of the organisation's current scale that is not retired, or the rating the
 * record already has (an old verdict keeps its retired rating, or its earlier scale's).
 */
export async function assertChoosable(db: Db | Tx, field: string, id: RatingId | null, kept: RatingId | null = null): Promise<void> {
  if (id === null || id === kept) return;
  const [rating] = await db.$queryRaw<Array<{ label: string; current: boolean; retired: boolean }>>(Prisma.sql`
    SELECT r."label", r."scaleId" = COALESCE((SELECT o."ratingScaleId" FROM "Organisation" o), ${DEFAULT_SCALE_ID}) AS "current", r."retiredAt" IS NOT NULL AS "retired"
    FROM "Rating" r WHERE r."id" = ${id}`);
  if (!rating || !rating.current) throw new FieldError(field, CHOOSE_VERDICT);
  if (rating.retired) throw new FieldError(field, `“${rating.label}” is retired: choose another verdict.`);
}


/**
 * A verdict adopted from another claim, on the organisation's current scale: the rating
 * itself when it may be chosen, else the current scale's first rating at the same place on
 * the truth axis (a verdict approved before a switch of scale); null when there is none.
 */
export async function onCurrentScale(db: Db | Tx, id: RatingId): Promise<RatingId | null> {
  const [match] = await db.$queryRaw<Array<{ id: string }>>(Prisma.sql`
    SELECT c."id" FROM "Rating" c, "Rating" r
    WHERE r."id" = ${id} AND c."truth" = r."truth" AND c."retiredAt" IS NULL
      AND c."scaleId" = COALESCE((SELECT o."ratingScaleId" FROM "Organisation" o), ${DEFAULT_SCALE_ID})
    ORDER BY c."id" = r."id" DESC, c."position" LIMIT 1`);
  return match?.id ?? null;
}
