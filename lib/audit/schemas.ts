import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit/record";
import { MAX_RECORD_ID_CHARS, blankToUndefined, optionalDay, pageNumber } from "@/lib/validation/fields";

const recordFilter = (message: string) => z.preprocess(blankToUndefined, z.string({ error: message }).trim().max(MAX_RECORD_ID_CHARS, { error: message }).optional());

const day = optionalDay();

/** The audit log's filters and page, as its URL query carries them. Dates are whole UTC days. */
export const auditLogQuerySchema = z
  .object({
    actor: recordFilter("Choose a user from the list."),
    action: z.preprocess(blankToUndefined, z.enum(AUDIT_ACTIONS, { error: "Choose an action from the list." }).optional()),
    article: recordFilter("Choose an article from the list."),
    from: day,
    to: day,
    page: pageNumber(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], error: "The end date is before the start date." });

export type AuditLogQuery = z.output<typeof auditLogQuerySchema>;
