import { z } from "zod";
import { WORKFLOW_ACTIONS } from "@/lib/workflow/rules";
import { claimRefs } from "@/lib/claims/schemas";
import { progressIdField } from "@/lib/progress/schemas";
import { omittable, optionalText, recordId } from "@/lib/validation/fields";

export const transitionSchema = z.object({
  claimId: recordId("Choose a claim."),
  version: z.coerce.number({ error: "Reload the claim and try again." }).int().min(1),
  action: z.enum(WORKFLOW_ACTIONS, { error: "Choose submit, approve, request changes or reopen." }),
  note: omittable(optionalText(2000, "A note has at most 2,000 characters.")),
  /** Reopening a published verdict: the public correction note. */
  correctionNote: omittable(optionalText(2000, "A correction note has at most 2,000 characters.")),
});

/** The correction note may be left out where no correction can arise (scripts, tests, bulk submits). */
export type TransitionInput = Omit<z.output<typeof transitionSchema>, "correctionNote"> & { correctionNote?: string | null };

export const undoApprovalSchema = z.object({
  claimId: recordId("Choose a claim."),
  version: z.coerce.number({ error: "Reload the claim and try again." }).int().min(1),
});

export type UndoApprovalInput = z.output<typeof undoApprovalSchema>;

/** "Submit my drafts": the chosen claims, each with the version the user read. */
export const submitClaimsSchema = z.object({ claims: claimRefs, progressId: progressIdField });

export type SubmitClaimsInput = z.output<typeof submitClaimsSchema>;
