import { z } from "zod";
import { DATE_OUT_OF_RANGE, isDateInRange, isRealDate, MAX_RECORD_ID_CHARS, omittable, optionalText, recordId } from "@/lib/validation/fields";

const CHOOSE_PERSON = "Choose a person from the list.";

/** Whom work is assigned to; empty: nobody (the assignment is taken back). */
export const assigneeField = () =>
  omittable(z.string({ error: CHOOSE_PERSON }).trim().max(MAX_RECORD_ID_CHARS, { error: CHOOSE_PERSON })).transform((v) => v || null);

/** An optional due date (YYYY-MM-DD), as a UTC day; a past day is allowed (work already late). */
export const dueOnField = () =>
  omittable(optionalText(10, "Use the form YYYY-MM-DD."))
    .refine((v) => v === null || isRealDate(v), { error: "Enter a real date (YYYY-MM-DD)." })
    .refine((v) => v === null || !isRealDate(v) || isDateInRange(v), { error: DATE_OUT_OF_RANGE })
    .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null));

/** A due date belongs to someone: none without an assignee. */
export const dueNeedsAssignee: [(input: { assigneeId: string | null; dueOn: Date | null }) => boolean, { path: string[]; error: string }] = [
  (input) => input.assigneeId !== null || input.dueOn === null,
  { path: ["dueOn"], error: "Choose a person to give a due date to." },
];

export const assignArticleSchema = z
  .object({
    articleId: recordId("Choose an article."),
    assigneeId: assigneeField(),
    dueOn: dueOnField(),
  })
  .refine(...dueNeedsAssignee);

export type AssignArticleInput = z.output<typeof assignArticleSchema>;
