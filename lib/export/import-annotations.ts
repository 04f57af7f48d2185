import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { anchor, codePointIndex, CONTEXT_LENGTH, describeSpan, FUZZY_MAX_WORK, prepareText, type AnchorMethod, type CodePointIndex, type FuzzyBudget } from "@/lib/anchoring";
import type { RatingId, RatingInfo } from "@/lib/ratings/types";
import { hypothesisAnnotationsIn } from "@/lib/export/hypothesis";

/**
 * Reading a W3C Web Annotation export back onto an article's text: the claim annotations
 * (motivation "assessing") are re-anchored with lib/anchoring's anchor() — the stored
 * position if the text there still matches, else the quote nearest it, else a fuzzy
 * match confirmed by context — and whatever cannot be placed is reported as orphaned,
 * never put on other text. Pure: the data layer (import.ts) writes the result.
 *
 * Hypothesis files (its client's export, an API search response, a list of API annotations)
 * are read by lib/export/hypothesis.ts into the same incoming claims, plus their replies
 * (comments on the claim of their thread) and page notes (skipped: not anchored to text).
 *
 * Positions are read in both conventions: the W3C's code points (Verity's own exports) and
 * the UTF-16 code units other tools (Hypothesis) write; whichever selects the very quote is
 * kept (see positionInUnits).
 *
 * The work is bounded, because any reviewer may send a file and the server answers everyone
 * from one event loop: at most MAX_IMPORTED_CLAIMS annotations, IMPORT_FUZZY_WORK of fuzzy
 * searching in all, IMPORT_TIME_LIMIT_MS of anchoring; and the anchoring leaves the event
 * loop to other requests half the time (see SLICE_MS).
 */

export const MAX_IMPORTED_CLAIMS = 5000;

/**
 * The fuzzy-search cells one import may spend over all its annotations: as much as 40
 * searches that each spend all of FUZZY_MAX_WORK (most spend less).
 */
export const IMPORT_FUZZY_WORK = 40 * FUZZY_MAX_WORK;

/** How long one import may spend anchoring; what is left then is reported as not looked for. */
export const IMPORT_TIME_LIMIT_MS = 10_000;

/**
 * Anchoring works this long, then pauses as long as it worked. A pause on a timer leaves the
 * event loop idle, so a page that needs many turns of it is served within the pause; merely
 * yielding a turn made it wait a slice for each of its turns.
 */
const SLICE_MS = 10;
const RESTATEMENT_MAX = 1000;
const RATIONALE_MAX = 10_000;

export class AnnotationImportError extends Error {}

export interface PlannedClaim {
  annotationId: string | null;
  restatement: string;
  verdict: RatingId | null;
  rationale: string | null;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  tags: string[];
  method: AnchorMethod;
}

/** A claim as a file describes it, whatever the file's format, before it is placed on the text. */
export interface IncomingClaim {
  annotationId: string | null;
  quote?: { exact: string; prefix?: string; suffix?: string };
  position?: { start: number; end: number };
  restatement: string | null;
  verdict: RatingId | null;
  rationale: string | null;
  tags: string[];
}

/** A reply in the file: a comment on the claim its thread's first annotation becomes. */
export interface IncomingComment {
  annotationId: string | null;
  threadId: string;
  body: string;
}

export interface PlannedComment {
  annotationId: string | null;
  /** The file's id of the annotation whose claim it comments on. */
  threadId: string;
  body: string;
}

/** An annotation that is neither a claim nor a comment, and why. */
export interface SkippedAnnotation {
  annotationId: string | null;
  reason: string;
}

export type ReadClaim = IncomingClaim | { annotationId: string | null; invalid: string };

/**
 * What a file holds, read into Verity's terms (see readAnnotationFile). Each claim is read
 * with `read` as the import reaches it, so reading thousands is sliced like their anchoring.
 */
export interface IncomingFile {
  claims: unknown[];
  /** Reads one claim; `choices` are the ratings a verdict may name (the scale's). */
  read: (item: unknown, choices: RatingInfo[]) => ReadClaim;
  comments: IncomingComment[];
  skipped: SkippedAnnotation[];
}

export interface OrphanedAnnotation {
  annotationId: string | null;
  restatement: string;
  exact: string;
  reason: string;
  /** Not (fully) looked for: the import's limits were reached first; a smaller file may place it. */
  notSearched?: true;
}

export interface ImportPlan {
  claims: PlannedClaim[];
  /** Replies, in thread order, whose thread's claim is placed. */
  comments: PlannedComment[];
  orphaned: OrphanedAnnotation[];
  /** Annotations that are not claims (evidence passages, page notes, replies to no claim): not imported. */
  skipped: SkippedAnnotation[];
}

export interface ImportLimits {
  fuzzyWork: number;
  timeLimitMs: number;
}

const NOT_FOUND = "Its text is not in this article.";
const FUZZY_WORK_SPENT = "Its text is not in this article word for word, and this import had used up its searches for changed text before finding it: import it in a smaller file.";
const ambiguousReason = (places: number) => `Its text is in ${places.toLocaleString("en")} places in this article, too alike to choose between.`;
const TIME_SPENT = "It was not looked for: this import reached its time limit first. Import it in a smaller file.";

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(schema)]).transform((value): Array<z.output<T>> => (Array.isArray(value) ? value : [value]));

const quoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1).max(100_000),
  prefix: z.string().max(1000).optional(),
  suffix: z.string().max(1000).optional(),
});

const positionSelector = z.object({
  type: z.literal("TextPositionSelector"),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

const body = z.union([
  z.string(),
  z.looseObject({
    type: oneOrMany(z.string()).optional(),
    purpose: oneOrMany(z.string()).optional(),
    value: z.string().optional(),
  }),
]);

const target = z.union([z.string(), z.looseObject({ selector: oneOrMany(z.looseObject({ type: z.string() })).optional() })]);

const annotation = z.looseObject({
  id: z.string().optional(),
  type: oneOrMany(z.string()),
  motivation: oneOrMany(z.string()).optional(),
  body: oneOrMany(body).optional(),
  target: oneOrMany(target),
});

type Annotation = z.output<typeof annotation>;

/** The annotations of an export: a collection with its page embedded, a page, a list, or one annotation. */
export function annotationsIn(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (json && typeof json === "object") {
    const record = json as Record<string, unknown>;
    const types = typesOf(record.type);
    if (types.includes("AnnotationCollection")) {
      if (typeof record.first === "string") {
        throw new AnnotationImportError("This collection only links to its annotations; export it with its annotations embedded.");
      }
      const first = record.first as Record<string, unknown> | undefined;
      if (first && Array.isArray(first.items)) return first.items;
      if (Array.isArray(record.items)) return record.items;
      if (record.total === 0) return [];
    }
    if (types.includes("AnnotationPage") && Array.isArray(record.items)) return record.items;
    if (types.includes("Annotation")) return [record];
  }
  throw new AnnotationImportError("This file is not a W3C Web Annotation export: it has no AnnotationCollection, AnnotationPage or Annotation.");
}

/**
 * The claims, comments and skipped annotations of a file: a Hypothesis file, else a W3C
 * Web Annotation export (whose claims are its annotations with motivation "assessing").
 */
export function readAnnotationFile(json: unknown): IncomingFile {
  const hypothesis = hypothesisAnnotationsIn(json);
  if (hypothesis) return hypothesis;
  const file: IncomingFile = { claims: [], read: readW3cClaim, comments: [], skipped: [] };
  for (const item of annotationsIn(json)) {
    const record = item as Record<string, unknown> | null;
    if (record && typesOf(record.type).includes("Annotation") && typesOf(record.motivation).includes("assessing")) file.claims.push(item);
    else file.skipped.push({ annotationId: idOf(item), reason: "not a claim (its motivation is not “assessing”)" });
  }
  return file;
}

/** The `id` a file gave an annotation, if any. */
export function idOf(item: unknown): string | null {
  return item && typeof item === "object" && typeof (item as { id?: unknown }).id === "string" ? (item as { id: string }).id : null;
}

function readW3cClaim(item: unknown, choices: RatingInfo[]): ReadClaim {
  const parsed = annotation.safeParse(item);
  return parsed.success ? readClaim(idOf(item), parsed.data, choices) : { annotationId: idOf(item), invalid: "It is not a valid Web Annotation." };
}

/** What importing `json` onto `text` would create, and what it could not place. */
export async function planAnnotationImport(
  text: string,
  json: unknown,
  choices: RatingInfo[],
  limits: ImportLimits = { fuzzyWork: IMPORT_FUZZY_WORK, timeLimitMs: IMPORT_TIME_LIMIT_MS },
): Promise<ImportPlan> {
  const file = readAnnotationFile(json);
  const plan: ImportPlan = { claims: [], comments: [], orphaned: [], skipped: file.skipped };
  if (file.claims.length > MAX_IMPORTED_CLAIMS) {
    throw new AnnotationImportError(`This file has ${file.claims.length.toLocaleString("en")} claims; at most ${MAX_IMPORTED_CLAIMS.toLocaleString("en")} can be imported at once.`);
  }
  if (file.comments.length > MAX_IMPORTED_CLAIMS) {
    throw new AnnotationImportError(`This file has ${file.comments.length.toLocaleString("en")} replies; at most ${MAX_IMPORTED_CLAIMS.toLocaleString("en")} can be imported at once.`);
  }
  if (file.claims.length === 0) throw new AnnotationImportError("This file has no claim annotations (motivation “assessing”, or Hypothesis annotations on text).");

  const fuzzyBudget: FuzzyBudget = { cells: limits.fuzzyWork };
  const started = performance.now();
  const prepared = prepareText(text);
  const points = codePointIndex(text);
  let sliceStarted = started;
  for (const item of file.claims) {
    const worked = performance.now() - sliceStarted;
    if (worked >= SLICE_MS) {
      await sleep(worked);
      sliceStarted = performance.now();
    }
    const claim = file.read(item, choices);
    const id = claim.annotationId;
    if ("invalid" in claim) {
      plan.orphaned.push({ annotationId: id, restatement: "", exact: "", reason: claim.invalid });
      continue;
    }
    if (!claim.quote) {
      plan.orphaned.push({ annotationId: id, restatement: claim.restatement ?? "", exact: "", reason: "It has no TextQuoteSelector to find its text by." });
      continue;
    }
    const restatement = clip(claim.restatement || oneLine(claim.quote.exact), RESTATEMENT_MAX);
    if (performance.now() - started >= limits.timeLimitMs) {
      plan.orphaned.push({ annotationId: id, restatement, exact: claim.quote.exact, reason: TIME_SPENT, notSearched: true });
      continue;
    }
    // Context as long as Verity keeps (the longer context other tools may send only costs time).
    const quote = {
      type: "TextQuoteSelector" as const,
      exact: claim.quote.exact,
      prefix: (claim.quote.prefix ?? "").slice(-CONTEXT_LENGTH),
      suffix: (claim.quote.suffix ?? "").slice(0, CONTEXT_LENGTH),
    };
    const position = claim.position ? positionInUnits(text, points, claim.position, quote) : { type: "TextPositionSelector" as const, start: 0, end: 0 };
    const found = anchor(prepared, { position, quote }, fuzzyBudget);
    if (found.status === "orphaned") {
      const spent = found.reason === "work spent" || fuzzyBudget.cells <= 0;
      const ambiguous = /^ambiguous: (\d+) places$/.exec(found.reason);
      const reason = ambiguous ? ambiguousReason(Number(ambiguous[1])) : spent ? FUZZY_WORK_SPENT : NOT_FOUND;
      plan.orphaned.push({ annotationId: id, restatement, exact: quote.exact, reason, ...(spent && !ambiguous && { notSearched: true as const }) });
      continue;
    }
    const span = describeSpan(text, found.start, found.end);
    plan.claims.push({
      annotationId: id,
      restatement,
      verdict: claim.verdict,
      rationale: claim.rationale ? clip(claim.rationale, RATIONALE_MAX) : null,
      start: found.start,
      end: found.end,
      exact: span.quote.exact,
      prefix: span.quote.prefix,
      suffix: span.quote.suffix,
      tags: claim.tags,
      method: found.method,
    });
  }
  // A reply whose thread made no claim has nothing to be a comment on.
  const placed = new Set(plan.claims.map((claim) => claim.annotationId));
  for (const comment of file.comments) {
    if (placed.has(comment.threadId)) plan.comments.push({ ...comment, body: clip(normalise(comment.body), RATIONALE_MAX) });
    else plan.skipped.push({ annotationId: comment.annotationId, reason: "reply: the annotation it answers was not imported" });
  }
  return plan;
}

/**
 * A file's position as UTF-16 offsets into `text`: read as code points (the W3C's unit), or
 * as code units if only that reading selects the quote, with its context, exactly. When neither
 * does (the text changed), the code-point reading is the hint of where to look nearest.
 */
function positionInUnits(text: string, points: CodePointIndex, position: { start: number; end: number }, quote: { exact: string; prefix: string; suffix: string }) {
  const asCodeUnits = { type: "TextPositionSelector" as const, start: position.start, end: position.end };
  const asCodePoints = { ...asCodeUnits, start: points.toCodeUnits(position.start), end: points.toCodeUnits(position.end) };
  const selectsQuote = (span: { start: number; end: number }) =>
    span.end <= text.length &&
    text.slice(span.start, span.end) === quote.exact &&
    text.slice(0, span.start).endsWith(quote.prefix) &&
    text.slice(span.end).startsWith(quote.suffix);
  return !selectsQuote(asCodePoints) && selectsQuote(asCodeUnits) ? asCodeUnits : asCodePoints;
}

/** Says how many orphans an import's limits left unsearched, and what to do; "" if none. */
export function notSearchedNote(orphaned: OrphanedAnnotation[]): string {
  const count = orphaned.filter((each) => each.notSearched).length;
  if (count === 0) return "";
  return `${count.toLocaleString("en")} of them ${count === 1 ? "was" : "were"} not fully searched for, because one import’s work is limited: import ${count === 1 ? "it" : "them"} in a smaller file.`;
}

function readClaim(annotationId: string | null, item: Annotation, choices: RatingInfo[]): IncomingClaim {
  let quote: z.output<typeof quoteSelector> | undefined;
  let position: z.output<typeof positionSelector> | undefined;
  for (const t of item.target) {
    if (typeof t === "string") continue;
    ({ quote, position } = readSelectors(t.selector ?? [], quote, position));
    if (quote) break;
  }
  const bodies = (item.body ?? []).flatMap((b) => (typeof b === "string" ? [] : [b]));
  const valueFor = (purpose: string) => {
    const found = bodies.find((b) => (b.purpose ?? []).includes(purpose) && typeof b.value === "string" && b.value.trim());
    return found?.value ? normalise(found.value) : null;
  };
  return {
    annotationId,
    quote,
    position,
    restatement: valueFor("describing"),
    verdict: verdictOf(valueFor("assessing"), choices),
    rationale: valueFor("commenting"),
    tags: [],
  };
}

/** The first TextQuoteSelector and the first non-empty TextPositionSelector of a target's selectors. */
export function readSelectors(
  selectors: unknown[],
  quote?: z.output<typeof quoteSelector>,
  position?: z.output<typeof positionSelector>,
): { quote?: z.output<typeof quoteSelector>; position?: z.output<typeof positionSelector> } {
  for (const selector of selectors) {
    const q = quoteSelector.safeParse(selector);
    if (q.success && !quote) quote = q.data;
    const p = positionSelector.safeParse(selector);
    if (p.success && !position && p.data.start < p.data.end) position = p.data;
  }
  return { quote, position };
}

/** A verdict from one of the scale's ratings' label ("Mostly false") or id ("MOSTLY_FALSE"); anything else is no verdict. */
export function verdictOf(value: string | null, choices: RatingInfo[]): RatingId | null {
  if (!value) return null;
  const words = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, " ");
  const wanted = words(value);
  return choices.find((rating) => words(rating.label) === wanted || words(rating.id) === wanted)?.id ?? null;
}

function typesOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

// Text PostgreSQL can store: no NUL, no lone surrogate (JSON can spell both).
export function normalise(value: string) {
  return value.toWellFormed().replaceAll("\u0000", "").replace(/\r\n?/g, "\n").trim();
}

function oneLine(value: string) {
  return value.replace(/\s+/g, " ").trim();
}

function clip(value: string, max: number) {
  if (value.length <= max) return value;
  let kept = value.slice(0, max - 1);
  // Never half of a surrogate pair.
  if (/[\ud800-\udbff]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept}…`;
}
