import { z } from "zod";
import type { SearchFilters } from "@/lib/search/types";
import { isStorableText } from "@/lib/storable-text";
import { UNRATED } from "@/lib/ratings/types";
import { blankToUndefined, CHOOSE_VERDICT, DATE_OUT_OF_RANGE, isDateInRange, isRealDate, languageTag, optionalRatingId, recordId, text } from "@/lib/validation/fields";

/** Form input of the search module's actions, and the search page's query parameters. */

const MAX_INT = 2_147_483_647;
const offset = (message: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: message }).int({ error: message }).min(0, { error: message }).max(MAX_INT, { error: message }));

/** ?claim=<id> or ?article=<id>: the one parameter of a search read route. */
export function idQuery<Name extends "claim" | "article">(name: Name) {
  const message = `Give the ${name} to look up (?${name}=…).`;
  const id = recordId(message).refine(isStorableText, { error: message });
  return z.object({ [name]: id } as Record<Name, typeof id>);
}

export const linkSameClaimSchema = z.object({
  claimId: recordId("Choose a claim."),
  otherClaimId: recordId("Choose the claim to link."),
});

export const unlinkSameClaimSchema = z.object({ claimId: recordId("Choose a claim.") });

export const adoptVerdictSchema = z.object({
  claimId: recordId("Choose a claim."),
  version: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "The version must be a whole number of 1 or more. Reload and try again." })
      .int({ error: "The version must be a whole number of 1 or more. Reload and try again." })
      .min(1, { error: "The version must be a whole number of 1 or more. Reload and try again." })
      .max(MAX_INT, { error: "The version must be a whole number of 1 or more. Reload and try again." }),
  ),
  fromClaimId: recordId("Choose the claim whose verdict to adopt."),
});

export const suggestionSpanSchema = z
  .object({
    articleId: recordId("Choose an article."),
    start: offset("The sentence's start must be a whole number, 0 or more."),
    end: offset("The sentence's end must be a whole number, 0 or more."),
  })
  .refine((v) => v.start < v.end, { path: ["end"], error: "The sentence must end after it starts." });

// ------------------------------------------------------------------ the search page

const isoDay = (field: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || isRealDate(v), { error: `Enter the ${field} date as YYYY-MM-DD.`, abort: true })
    .refine((v) => v === "" || isDateInRange(v), { error: DATE_OUT_OF_RANGE })
    .transform((v) => v || null);

/** The search page's parameters; each invalid one is reported and ignored, never fatal. */
const searchParamShapes = {
  q: z.string().max(20_000).catch(""),
  outlet: text("Enter an outlet name.")
    .max(120, { error: "An outlet name has at most 120 characters." })
    .refine(isStorableText, { error: "An outlet name cannot hold NUL or broken Unicode characters." })
    .transform((v) => v || null),
  language: languageTag(),
  from: isoDay("from"),
  to: isoDay("to"),
  claims: z.enum(["", "with", "without"], { error: "Choose passages with or without claims." }).transform((v) => v || null),
  verdict: optionalRatingId(),
  page: z.coerce.number({ error: "The page must be a whole number." }).int({ error: "The page must be a whole number." }).min(1, { error: "Pages start at 1." }).max(10_000, { error: "That page is too far." }),
};

export interface ParsedSearchParams {
  q: string;
  filters: SearchFilters;
  /** Parameter -> what was wrong with it (the parameter was ignored). */
  errors: Record<string, string>;
}

const DEFAULTS: Omit<SearchFilters, "page"> & { page: number } = { outlet: null, language: null, from: null, to: null, claims: null, verdict: null, page: 1 };

/** `isRating` says whether a verdict filter names a rating (the scales are data: lib/ratings). */
export function parseSearchParams(params: Record<string, string | string[] | undefined>, isRating: (id: string) => boolean): ParsedSearchParams {
  const errors: Record<string, string> = {};
  const value = (key: string) => {
    const raw = params[key];
    return Array.isArray(raw) ? raw[0] : raw;
  };
  const read = <K extends keyof typeof searchParamShapes>(key: K, fallback: z.output<(typeof searchParamShapes)[K]>) => {
    const raw = value(key);
    if (raw === undefined || raw === "") return fallback;
    const parsed = searchParamShapes[key].safeParse(raw);
    if (parsed.success) return parsed.data as z.output<(typeof searchParamShapes)[K]>;
    errors[key] = parsed.error.issues[0]?.message ?? "Invalid value.";
    return fallback;
  };
  const filters: SearchFilters = {
    outlet: read("outlet", DEFAULTS.outlet),
    language: read("language", DEFAULTS.language),
    from: read("from", DEFAULTS.from),
    to: read("to", DEFAULTS.to),
    claims: read("claims", DEFAULTS.claims),
    verdict: read("verdict", DEFAULTS.verdict),
    page: read("page", DEFAULTS.page),
  };
  if (filters.verdict && filters.verdict !== UNRATED.id && !isRating(filters.verdict)) {
    errors.verdict = CHOOSE_VERDICT;
    filters.verdict = null;
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = "The “to” date is before the “from” date.";
    filters.to = null;
  }
  return { q: read("q", ""), filters, errors };
}
