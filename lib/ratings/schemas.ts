import { z } from "zod";
import { TruthStep } from "@/lib/generated/prisma/enums";
import { blankToUndefined, omittable, ratingId, recordId, requiredText } from "@/lib/validation/fields";

/** The admins' forms on /admin/ratings (lib/ratings/data.ts checks the rest: presets, use, contrast). */

export const MAX_RATING_LABEL_CHARS = 60;
export const MAX_RATING_DEFINITION_CHARS = 500;
export const MAX_RATING_ICON_CHARS = 4;
/** ClaimReview numbers a scale may use. */
export const MAX_RATING_VALUE = 100;

const scaleId = recordId("Choose a rating scale.");
const scaleName = requiredText(80, "Name the scale.", "A scale's name has at most 80 characters.");

const ratingNumber = (message: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: message }).int({ error: message }).min(0, { error: message }).max(MAX_RATING_VALUE, { error: message }).optional());
const RATING_NUMBER = `Enter a whole number from 0 to ${MAX_RATING_VALUE}, or leave it empty.`;

export const copyScaleSchema = z.object({ scaleId, name: scaleName });

export const updateScaleSchema = z
  .object({ scaleId, name: scaleName, worstRating: ratingNumber(RATING_NUMBER), bestRating: ratingNumber(RATING_NUMBER) })
  .refine((v) => (v.worstRating === undefined) === (v.bestRating === undefined), {
    path: ["bestRating"],
    error: "Give both the worst and the best rating, or neither (a scale of labels only).",
  })
  .refine((v) => v.worstRating === undefined || v.bestRating === undefined || v.worstRating < v.bestRating, {
    path: ["bestRating"],
    error: "The best rating must be above the worst.",
  });

export const saveRatingSchema = z.object({
  scaleId,
  /** Absent: a new rating. */
  ratingId: omittable(z.string().max(64, { error: "Choose a rating." })).transform((v) => v || null),
  label: requiredText(MAX_RATING_LABEL_CHARS, "Give the rating a label.", `A label has at most ${MAX_RATING_LABEL_CHARS} characters.`),
  definition: requiredText(MAX_RATING_DEFINITION_CHARS, "Define the rating: reviewers read it where they choose.", `A definition has at most ${MAX_RATING_DEFINITION_CHARS} characters.`),
  color: z.string({ error: "Choose a colour." }).trim().regex(/^#[0-9a-fA-F]{6}$/, { error: "Choose a colour, written as #rrggbb." }).transform((v) => v.toLowerCase()),
  icon: requiredText(MAX_RATING_ICON_CHARS, "Give the rating an icon: a symbol or up to four characters.", `An icon has at most ${MAX_RATING_ICON_CHARS} characters.`),
  ratingValue: ratingNumber(RATING_NUMBER),
  truth: z.enum(TruthStep, { error: "Choose where the rating sits between false and true." }),
});

export const moveRatingSchema = z.object({
  ratingId: ratingId(),
  direction: z.enum(["up", "down"], { error: "Move the rating up or down." }),
});

export const ratingSchema = z.object({ ratingId: ratingId() });

/** The switch to another scale: `map:<rating in use>` names the new scale's rating each claim with it gets. */
export const switchScaleSchema = z
  .looseObject({ scaleId })
  .transform(({ scaleId, ...fields }) => ({
    scaleId,
    mapping: Object.fromEntries(
      Object.entries(fields).flatMap(([key, value]) => (key.startsWith("map:") && typeof value === "string" ? [[key.slice(4), value]] : [])),
    ) as Record<string, string>,
  }));

export type CopyScaleInput = z.output<typeof copyScaleSchema>;
export type UpdateScaleInput = z.output<typeof updateScaleSchema>;
export type SaveRatingInput = z.output<typeof saveRatingSchema>;
export type MoveRatingInput = z.output<typeof moveRatingSchema>;
export type RatingInput = z.output<typeof ratingSchema>;
export type SwitchScaleInput = z.output<typeof switchScaleSchema>;
