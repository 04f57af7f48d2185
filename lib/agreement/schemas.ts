import { z } from "zod";
import { MAX_TAG_CHARS } from "@/lib/claims/schemas";
import { isStorableText } from "@/lib/storable-text";
import { MAX_RECORD_ID_CHARS, blankToUndefined, optionalDay } from "@/lib/validation/fields";

const choice = (message: string) =>
  z.preprocess(blankToUndefined, z.string({ error: message }).trim().max(MAX_RECORD_ID_CHARS, { error: message }).refine(isStorableText, { error: message }).optional());

const day = optionalDay();

/**
 * The agreement page's filters, as its URL query (and the CSV export's) carries them: the
 * period (whole UTC days of revealing), a reviewer, an article and a tag. Empty: all.
 */
export const agreementFiltersSchema = z
  .object({
    from: day,
    to: day,
    reviewer: choice("Choose a reviewer from the list."),
    article: choice("Choose an article from the list."),
    tag: z.preprocess(blankToUndefined, z.string({ error: "Enter a tag." }).trim().toLowerCase().max(MAX_TAG_CHARS, { error: `A tag has at most ${MAX_TAG_CHARS} characters.` }).refine(isStorableText, { error: "Enter a tag." }).optional()),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], error: "The end date is before the start date." });

export type AgreementFilters = z.output<typeof agreementFiltersSchema>;
