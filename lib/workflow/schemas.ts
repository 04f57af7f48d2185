import { z } from "zod";
import { WORKFLOW_ACTIONS } from "@/lib/workflow/rules";

export const transitionSchema = z.object({
  claimId: z.string({ error: "Choose a claim." }).trim().min(1, { error: "Choose a claim." }).max(64),
  version: z.coerce.number({ error: "Reload the claim and try again." }).int().min(1),
  action: z.enum(WORKFLOW_ACTIONS, { error: "Choose submit, approve, request changes or reopen." }),
  note: z
    .string()
    .trim()
    .max(2000, { error: "A note has at most 2,000 characters." })
    .optional()
    .transform((note) => note || null),
});

export type TransitionInput = z.output<typeof transitionSchema>;
