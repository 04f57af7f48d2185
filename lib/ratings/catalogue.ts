import { cache } from "react";
import { prisma, type Db, type Tx } from "@/lib/db/client";
import { ORGANISATION_ID } from "@/lib/organisation/store";
import { tintOf } from "@/lib/ratings/colour";
import type { RatingCatalogue, RatingInfo, ScaleInfo } from "@/lib/ratings/types";

/** The scale an organisation uses until an admin switches it (the migration's Verity preset). */
export const DEFAULT_SCALE_ID = "verity";

const scaleSelect = { id: true, name: true, preset: true, worstRating: true, bestRating: true } as const;

/** Every scale and rating (a few dozen rows), and which scale is the organisation's. */
export async function readCatalogue(db: Db | Tx = prisma): Promise<RatingCatalogue> {
  const [organisation, scales, ratings] = await Promise.all([
    db.organisation.findUnique({ where: { id: ORGANISATION_ID }, select: { ratingScaleId: true } }),
    db.ratingScale.findMany({ select: scaleSelect, orderBy: { createdAt: "asc" } }),
    db.rating.findMany({ orderBy: [{ scaleId: "asc" }, { position: "asc" }] }),
  ]);
  const currentId = organisation?.ratingScaleId ?? DEFAULT_SCALE_ID;
  const byScale: Record<string, ScaleInfo> = Object.fromEntries(scales.map((scale) => [scale.id, scale]));
  const infos: RatingInfo[] = ratings.map(({ retiredAt, ...rating }) => ({ ...rating, tint: tintOf(rating.color), retired: retiredAt !== null }));
  return {
    current: byScale[currentId],
    choices: infos.filter((rating) => rating.scaleId === currentId && !rating.retired),
    ratings: Object.fromEntries(infos.map((rating) => [rating.id, rating])),
    scales: byScale,
  };
}

/** The catalogue for one request (pages, layouts and exports share one read). */
export const loadCatalogue = cache(() => readCatalogue());
