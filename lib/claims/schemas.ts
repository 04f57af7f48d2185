import { z } from "zod";
import { EvidenceStance } from "@/lib/generated/prisma/enums";
import { progressIdField } from "@/lib/progress/schemas";
import {
  blankToUndefined,
  DATE_OUT_OF_RANGE,
  isDateInRange,
  isRealDate,
  isWebAddress,
  latestToday,
  MAX_RECORD_ID_CHARS,
  normaliseLineBreaks,
  omittable,
  optionalRatingId,
  optionalText,
  optionalWebAddress,
  recordId,
  requiredText,
  text,
  WEB_ADDRESS_MESSAGE,
} from "@/lib/validation/fields";
import { ClaimantKind } from "@/lib/generated/prisma/enums";
import { assigneeField, dueNeedsAssignee, dueOnField } from "@/lib/assignments/schemas";
import { isStorableText } from "@/lib/storable-text";

/**
 * Form input for claims, evidence and comments. FormData holds only strings: numbers are
 * coerced, an empty optional field is null, and line breaks arrive as "\r\n" (browsers
 * encode form data that way), so they are turned back into the "\n" of the canonical text.
 */

// PostgreSQL's int4: larger numbers could never be a stored offset or version.
const MAX_INT = 2_147_483_647;

const integer = (message: string, min: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: message })
      .int({ error: message })
      .min(min, { error: message })
      .max(MAX_INT, { error: message }),
  );

const claimId = recordId("Choose a claim.");
const version = integer("The version must be a whole number of 1 or more. Reload and try again.", 1);

export const restatement = requiredText(
  1000,
  "Restate the claim in your own words.",
  "A restated claim has at most 1,000 characters.",
);
const rationale = optionalText(10_000, "A rationale has at most 10,000 characters.");

/** A verdict, or "" for Unrated. */
const verdict = optionalRatingId();

const stance = z.enum(EvidenceStance, {
  error: "Choose whether the evidence supports, contradicts or gives context to the claim.",
});

/** A selected span: offsets into the article's canonical text and the text they cover. */
export const span = {
  start: integer("The start of the selection must be a whole number, 0 or more.", 0),
  end: integer("The end of the selection must be a whole number, 0 or more.", 0),
  // Not trimmed: the server compares it with the article's text at [start, end).
  exact: z
    .string({ error: "Select the text in the article." })
    .overwrite(normaliseLineBreaks)
    .min(1, { error: "Select the text in the article.", abort: true })
    .max(100_000, { error: "A selection has at most 100,000 characters." })
    .refine((v) => /\S/.test(v), { error: "Select some words, not only spaces." }),
};

export const endsAfterStart = (v: { start: number; end: number }) => v.start < v.end;
export const endsAfterStartError = {
  path: ["end"],
  error: "The selection must end after it starts.",
  // Compared only once both offsets are valid numbers, whatever else is wrong with the form.
  when: ({ issues }: { issues: Array<{ path?: PropertyKey[] }> }) =>
    !issues.some((issue) => issue.path?.[0] === "start" || issue.path?.[0] === "end"),
};

const CLAIM_DATE_MESSAGE = "Enter the real date the claim was made (YYYY-MM-DD), or leave it empty.";

/**
 * Who made the claim, when and where (ClaimReview's itemReviewed): each may be left empty,
 * when ClaimReview names the article's outlet, date and address instead. The kind matters
 * only with a claimant (schema.org's Person or Organization).
 */
export const claimantFields = {
  claimant: omittable(optionalText(300, "A claimant's name has at most 300 characters.")),
  claimantKind: omittable(
    z.enum(["", ...Object.values(ClaimantKind)] as ["", ...ClaimantKind[]], { error: "Choose whether the claimant is a person or an organisation." }),
  ),
  claimDate: omittable(
    optionalText(10, CLAIM_DATE_MESSAGE)
      .refine((v) => v === null || isRealDate(v), { error: CLAIM_DATE_MESSAGE, abort: true })
      .refine((v) => v === null || isDateInRange(v), { error: DATE_OUT_OF_RANGE, abort: true })
      .refine((v) => v === null || v <= latestToday(), { error: "The claim cannot have been made in the future." }),
  ),
  appearanceUrl: omittable(optionalWebAddress()),
};

/** The kind is kept only with a claimant; a claimant without one is a person, as most claimants are. */
const withClaimantKind = <T extends { claimant: string | null; claimantKind: "" | ClaimantKind }>(v: T) => ({
  ...v,
  claimantKind: v.claimant ? (v.claimantKind || "PERSON") : null,
});

export const createClaimSchema = z
  .object({
    articleId: recordId("Choose an article."),
    ...span,
    // Accepted for the client's convenience and ignored: the server computes the context itself.
    prefix: z.string().max(1000).optional(),
    suffix: z.string().max(1000).optional(),
    restatement,
    verdict: omittable(verdict),
    rationale: omittable(rationale),
    ...claimantFields,
  })
  .refine(endsAfterStart, endsAfterStartError)
  .transform(withClaimantKind);

export const updateClaimSchema = z
  .object({
    claimId,
    version,
    restatement,
    verdict,
    rationale,
    ...claimantFields,
    note: omittable(optionalText(2000, "A note has at most 2,000 characters.")),
  })
  .transform(withClaimantKind);

export const deleteClaimSchema = z.object({ claimId, version });

const passageEvidence = z
  .object({
    kind: z.literal("PASSAGE"),
    claimId,
    version,
    stance,
    sourceArticleId: recordId("Choose the article the passage is from."),
    ...span,
  })
  .refine(endsAfterStart, endsAfterStartError);

const externalEvidence = z.object({
  kind: z.literal("EXTERNAL"),
  claimId,
  version,
  stance,
  url: z
    .string({ error: "Enter the source's web address." })
    .trim()
    .min(1, { error: "Enter the source's web address." })
    .max(2000, { error: "A web address has at most 2,000 characters." })
    .refine(isWebAddress, { error: WEB_ADDRESS_MESSAGE }),
  title: requiredText(300, "Enter the source's title.", "A title has at most 300 characters."),
  excerpt: omittable(optionalText(5000, "An excerpt has at most 5,000 characters.")),
  accessedAt: z
    .string({ error: "Enter the date you accessed the source (YYYY-MM-DD)." })
    .trim()
    .refine(isRealDate, { error: "Enter a real date (YYYY-MM-DD).", abort: true })
    .refine((v) => v <= latestToday(), { error: "The date accessed cannot be in the future.", abort: true })
    .refine(isDateInRange, { error: DATE_OUT_OF_RANGE }),
});

export const addEvidenceSchema = z.discriminatedUnion("kind", [passageEvidence, externalEvidence], {
  error: "Choose a passage of an article or an external source.",
});

export const removeEvidenceSchema = z.object({
  evidenceId: recordId("Choose the evidence to remove."),
  version,
});

export const addCommentSchema = z.object({
  claimId,
  body: requiredText(5000, "Write a comment.", "A comment has at most 5,000 characters."),
  // Empty: a new thread.
  parentId: omittable(z.string({ error: "Choose the comment to reply to." }).trim().max(MAX_RECORD_ID_CHARS, { error: "Choose the comment to reply to." })).transform(
    (v) => v || null,
  ),
});


/** The most claims one bulk action changes: an article's whole list on the benchmark's article. */
export const MAX_BULK_CLAIMS = 1000;
const CHOOSE_CLAIMS = "Choose at least one claim.";

/**
 * The claims a bulk action changes, each with the version the user read: one form field
 * holding a JSON list of { id, version } (FormData keeps only the last of repeated names).
 */
export const claimRefs = z
  .string({ error: CHOOSE_CLAIMS })
  .transform((value, context) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: CHOOSE_CLAIMS });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(z.object({ id: claimId.refine(isStorableText, { error: CHOOSE_CLAIMS }), version: z.number().int().min(1).max(MAX_INT) }), { error: CHOOSE_CLAIMS })
      .min(1, { error: CHOOSE_CLAIMS })
      .max(MAX_BULK_CLAIMS, { error: `Choose at most ${MAX_BULK_CLAIMS.toLocaleString("en")} claims at once.` })
      .refine((refs) => new Set(refs.map((ref) => ref.id)).size === refs.length, { error: "Each claim may be chosen once." }),
  );

export const MAX_TAG_CHARS = 40;
export const MAX_TAGS_PER_CLAIM = 20;

/** A tag as stored: trimmed, inner spaces single, lower-cased, so "Economy " and "economy" are one tag. */
export const claimTag = z
  .string()
  .transform((v) => v.trim().replace(/\s+/g, " ").toLowerCase())
  .pipe(
    z
      .string()
      .max(MAX_TAG_CHARS, { error: `A tag has at most ${MAX_TAG_CHARS} characters.` })
      .refine(isStorableTag, { error: "A tag is made of letters, digits, spaces and - _ . / # only." }),
  );

/** Tags typed as one field, separated by commas; empty pieces are dropped and repeats count once. */
const tagList = text("Enter tags separated by commas.")
  .transform((v) => v.split(","))
  .pipe(z.array(claimTag))
  .transform((tags) => [...new Set(tags.filter(Boolean))])
  .pipe(z.array(z.string()).max(MAX_TAGS_PER_CLAIM, { error: `A claim has at most ${MAX_TAGS_PER_CLAIM} tags.` }));

export const assignClaimsSchema = z
  .object({
    claims: claimRefs,
    progressId: progressIdField,
    // Empty: nobody (the claims are unassigned).
    assigneeId: assigneeField(),
    dueOn: dueOnField(),
  })
  .refine(...dueNeedsAssignee);

/** add and remove: the bulk action's tags join or leave each claim's; set: the claim's tags become these (its panel). */
export const tagClaimsSchema = z
  .object({
    claims: claimRefs,
    progressId: progressIdField,
    tags: omittable(tagList),
    mode: z.enum(["add", "remove", "set"], { error: "Choose to add, remove or set tags." }),
  })
  .refine((v) => v.mode === "set" || v.tags.length > 0, { path: ["tags"], error: "Enter at least one tag." });

function isStorableTag(v: string) {
  return /^[\p{L}\p{N} _\-./#]*$/u.test(v);
}

export type ClaimRef = z.output<typeof claimRefs>[number];
export type AssignClaimsInput = z.output<typeof assignClaimsSchema>;
export type TagClaimsInput = z.output<typeof tagClaimsSchema>;
