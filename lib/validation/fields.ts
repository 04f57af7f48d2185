import { z } from "zod";

/**
 * The zod fields every feature's form schemas (lib/<feature>/schemas.ts) are built from, so
 * that a record id, a date or a piece of free text is checked the same way everywhere.
 */

/** Longer than any id Verity makes (25 characters), short enough to refuse junk early. */
export const MAX_RECORD_ID_CHARS = 64;

/** The id of a record the form names; `message` says what to choose when it is missing or junk. */
export const recordId = (message: string) =>
  z.string({ error: message }).trim().min(1, { error: message }).max(MAX_RECORD_ID_CHARS, { error: message });

/** A verdict: a rating's id (the data layer checks it is one the scale offers). */
export const CHOOSE_VERDICT = "Choose a verdict from the list.";
/** Not trimmed: a rating's id is matched exactly, so " FALSE" names no rating. */
export const ratingId = () => z.string({ error: CHOOSE_VERDICT }).min(1, { error: CHOOSE_VERDICT }).max(MAX_RECORD_ID_CHARS, { error: CHOOSE_VERDICT });
/** A verdict that may be left blank: "" is null (Unrated on a claim, any verdict in a filter). */
export const optionalRatingId = () =>
  z.string({ error: CHOOSE_VERDICT }).max(MAX_RECORD_ID_CHARS, { error: CHOOSE_VERDICT }).transform((v) => v || null);

/** An empty form field means "not given" (never 0 for a number). */
export const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** For fields a form may leave out entirely: missing is like empty. */
export const omittable = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? "", schema);

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they
 * reorder the text shown after them, so a name or title holding one can make a page say what
 * it does not ("‮evil" reads backwards). No form needs them: the direction of right-to-left
 * text comes from its letters.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Browsers send a form's line breaks as "\r\n"; the canonical text has "\n". */
export const normaliseLineBreaks = (v: string) => v.replace(/\r\n?/g, "\n");

/** Free text as it is stored: line breaks as "\n", no bidi controls, the ends trimmed. */
export const text = (notText: string) =>
  z
    .string({ error: notText })
    .overwrite((v) => normaliseLineBreaks(v).replace(BIDI_CONTROLS, ""))
    .trim();

/** Free text that must be given, of at most `max` characters. */
export const requiredText = (max: number, missing: string, tooLong: string) =>
  text(missing).min(1, { error: missing }).max(max, { error: tooLong });

/** Free text that may be left empty (then null), of at most `max` characters. */
export const optionalText = (max: number, tooLong: string) =>
  text("Fill in this field, or leave it empty.")
    .max(max, { error: tooLong })
    .transform((v) => v || null);

/**
 * The dates a form takes: PostgreSQL has no year 0 (which a JavaScript Date accepts), and no
 * article, source or search is dated before the first newspapers or after the year 2999.
 */
export const EARLIEST_DATE = "1600-01-01";
export const LATEST_DATE = "2999-12-31";
export const DATE_OUT_OF_RANGE = "Enter a date from the year 1600 to 2999.";

/**
 * Whether `v` is a day of the calendar as YYYY-MM-DD. Date.parse rolls impossible days over
 * ("2025-02-30" is 2 March), so the date must survive a round trip.
 */
export function isRealDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
}

/** Whether a real date (isRealDate) is one a form takes. */
export function isDateInRange(v: string): boolean {
  return v >= EARLIEST_DATE && v <= LATEST_DATE;
}

export const LANGUAGE_TAG_MESSAGE = "Enter a language tag such as en, de or pt-BR.";

function isLanguageTag(v: string): boolean {
  try {
    return Intl.getCanonicalLocales(v).length === 1;
  } catch {
    return false; // a RangeError: not a well-formed BCP 47 tag
  }
}

/** A language as a BCP 47 tag, stored in its canonical spelling ("EN-gb" is "en-GB"); empty is none. */
export const languageTag = () =>
  optionalText(35, LANGUAGE_TAG_MESSAGE)
    .refine((v) => v === null || isLanguageTag(v), { error: LANGUAGE_TAG_MESSAGE })
    .transform((v) => (v === null ? null : Intl.getCanonicalLocales(v)[0]));

export const WEB_ADDRESS_MESSAGE = "Enter a web address starting with http:// or https://.";

/** Whether `v` is an absolute http(s) address with no spaces. */
export function isWebAddress(v: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(v)) return false;
  try {
    return ["http:", "https:"].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}

/** A web address a form may leave empty (then null). */
export const optionalWebAddress = () =>
  optionalText(2000, "A web address has at most 2,000 characters.").refine((v) => v === null || isWebAddress(v), { error: WEB_ADDRESS_MESSAGE });

/** Today's date where it is latest (UTC+14), so "today" is never in the future for anyone. */
export function latestToday() {
  return new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
}

const PAGE_MESSAGE = "A page is a whole number from 1.";

/** A list's page number from its URL: missing is the first page. */
export const pageNumber = () =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: PAGE_MESSAGE }).int({ error: PAGE_MESSAGE }).min(1, { error: PAGE_MESSAGE }).max(100_000, { error: PAGE_MESSAGE }).default(1),
  );

/** A list filter's day (YYYY-MM-DD, a whole UTC day); blank: no filter. */
export const optionalDay = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: "Enter a real date (YYYY-MM-DD)." })
      .refine(isRealDate, { error: "Enter a real date (YYYY-MM-DD)." })
      .refine(isDateInRange, { error: DATE_OUT_OF_RANGE })
      .optional(),
  );
