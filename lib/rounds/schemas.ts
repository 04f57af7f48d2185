import { z } from "zod";
import { omittable, optionalText, ratingId, recordId, requiredText } from "@/lib/validation/fields";
import { isStorableText } from "@/lib/storable-text";

/** The panel sizes an editor chooses from: "2 reviewers" or "a panel of 3". */
export const PANEL_SIZES = [2, 3] as const;

/** The claim's version as the editor read it: both opening a round and reconciling it change the claim. */
const version = z.coerce.number({ error: "Reload the claim and try again." }).int({ error: "Reload the claim and try again." }).min(1, { error: "Reload the claim and try again." }).max(2_147_483_647, { error: "Reload the claim and try again." });

const CHOOSE_REVIEWERS = "Choose the reviewers from the list.";

/**
 * The chosen reviewers, as the form sends them: their ids joined by commas (one field, so
 * the form's data stays one value per name). There must be exactly as many as the panel size.
 */
const reviewerIds = z
  .string({ error: CHOOSE_REVIEWERS })
  .transform((v) => [...new Set(v.split(",").map((id) => id.trim()).filter(Boolean))])
  .pipe(z.array(recordId(CHOOSE_REVIEWERS).refine(isStorableText, { error: CHOOSE_REVIEWERS })).max(PANEL_SIZES.at(-1)!, { error: CHOOSE_REVIEWERS }));

export const panel = {
  size: z
    .enum(PANEL_SIZES.map(String) as [string, ...string[]], { error: "Choose 2 reviewers or a panel of 3." })
    .transform((v) => Number(v) as (typeof PANEL_SIZES)[number]),
  reviewerIds,
};

export const sizeMatches = {
  path: ["reviewerIds"],
  error: "Choose as many reviewers as the panel has seats.",
  when: ({ issues }: { issues: Array<{ path?: PropertyKey[] }> }) => !issues.some((issue) => issue.path?.[0] === "size" || issue.path?.[0] === "reviewerIds"),
};

/** A round on one claim. */
export const openRoundSchema = z
  .object({
    claimId: recordId("Choose a claim."),
    version,
    ...panel,
  })
  .refine((v) => v.reviewerIds.length === v.size, sizeMatches);

/** Every claim of an article that is not approved and has no round under way. */
export const openArticleRoundsSchema = z
  .object({ articleId: recordId("Choose an article."), ...panel })
  .refine((v) => v.reviewerIds.length === v.size, sizeMatches);

const rationale = requiredText(10_000, "Give the reasons for your verdict.", "A rationale has at most 10,000 characters.");

export const submitIndependentVerdictSchema = z.object({
  roundId: recordId("Choose a round."),
  verdict: ratingId(),
  rationale,
});

export const closeRoundSchema = z.object({ roundId: recordId("Choose a round.") });

/** The final verdict, set on the claim by the reconciling editor, with a note on how the panel's verdicts were weighed. */
export const reconcileRoundSchema = z.object({
  roundId: recordId("Choose a round."),
  version,
  verdict: ratingId(),
  rationale,
  note: omittable(optionalText(2000, "A note has at most 2,000 characters.")).refine((v): v is string => v !== null, {
    error: "Say how you weighed the reviewers' verdicts.",
  }),
});

export type OpenRoundInput = z.output<typeof openRoundSchema>;
export type OpenArticleRoundsInput = z.output<typeof openArticleRoundsSchema>;
export type SubmitIndependentVerdictInput = z.output<typeof submitIndependentVerdictSchema>;
export type CloseRoundInput = z.output<typeof closeRoundSchema>;
export type ReconcileRoundInput = z.output<typeof reconcileRoundSchema>;
