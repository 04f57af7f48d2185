import { z } from "zod";
import { recordId } from "@/lib/validation/fields";
import { endsAfterStart, endsAfterStartError, restatement, span } from "@/lib/claims/schemas";
import { panel, sizeMatches } from "@/lib/rounds/schemas";

/** Blind marking of an article (lib/marking): the panel is chosen as for blind verdicts. */
export const openMarkingSchema = z
  .object({ articleId: recordId("Choose an article."), ...panel })
  .refine((v) => v.reviewerIds.length === v.size, sizeMatches);

const roundId = recordId("Choose a marking round.");
const markId = recordId("Choose a mark.");

/** A span a reviewer marks as a claim, with their restatement of it. */
export const addBlindMarkSchema = z
  .object({ roundId, ...span, restatement })
  .refine(endsAfterStart, endsAfterStartError);

export const removeBlindMarkSchema = z.object({ markId });
export const finishMarkingSchema = z.object({ roundId });
export const closeMarkingSchema = z.object({ roundId });

/**
 * An editor's decision on a group of overlapping marks (named by one of them): make one claim
 * of the chosen mark's span with this restatement, or set the group aside (not a claim).
 */
export const reconcileMarksSchema = z.discriminatedUnion(
  "outcome",
  [
    z.object({ outcome: z.literal("claim"), markId, restatement }),
    z.object({ outcome: z.literal("set_aside"), markId }),
  ],
  { error: "Choose whether to make a claim of the marks or set them aside." },
);

export type OpenMarkingInput = z.output<typeof openMarkingSchema>;
export type AddBlindMarkInput = z.output<typeof addBlindMarkSchema>;
export type RemoveBlindMarkInput = z.output<typeof removeBlindMarkSchema>;
export type FinishMarkingInput = z.output<typeof finishMarkingSchema>;
export type CloseMarkingInput = z.output<typeof closeMarkingSchema>;
export type ReconcileMarksInput = z.output<typeof reconcileMarksSchema>;
