import { z } from "zod";
import { claimTag, MAX_TAGS_PER_CLAIM } from "@/lib/claims/schemas";
import type { RatingInfo } from "@/lib/ratings/types";
import { idOf, normalise, readSelectors, verdictOf, type IncomingClaim, type IncomingComment, type IncomingFile, type ReadClaim } from "@/lib/export/import-annotations";

/**
 * Reading Hypothesis annotations (https://h.readthedocs.io, its API's Annotation) as
 * Verity claims. Three shapes of file hold them: the client's "Export annotations" file
 * ({ export_date, export_userid, client_version, annotations }), an API search response
 * ({ total, rows }) and a plain array of API annotations. Unlike a W3C annotation, one has
 * no `type`: it is told by its `uri`, `text`, `tags` and `target`.
 *
 * - An annotation on text (a TextQuoteSelector) is a claim: its text is the rationale (its
 *   Markdown kept as written), a tag naming a rating ("false", "Mostly true") the verdict,
 *   its other tags the claim's tags.
 * - A reply (`references`: its thread's ancestors, the thread's first annotation first) is a
 *   comment on the claim of its thread, in the order the replies were written.
 * - A page note (a target without selectors) is about the whole page: skipped, not orphaned.
 */

const selector = z.looseObject({ type: z.string() });

const hypothesisAnnotation = z.looseObject({
  uri: z.string(),
  text: z.string().default(""),
  tags: z.array(z.string()).default([]),
  target: z.array(z.looseObject({ source: z.string().optional(), selector: z.array(selector).optional() })).default([]),
});

const PAGE_NOTE = "page note: not anchored to text";

/** The annotations of a Hypothesis file, or null when `json` is not one. */
function hypothesisItems(json: unknown): unknown[] | null {
  const looksLikeOne = (item: unknown) =>
    Boolean(item && typeof item === "object" && !("type" in item) && "uri" in item && ("target" in item || "text" in item));
  if (Array.isArray(json)) return json.length > 0 && json.every(looksLikeOne) ? json : null;
  if (!json || typeof json !== "object") return null;
  const record = json as Record<string, unknown>;
  if ("export_date" in record && Array.isArray(record.annotations)) return record.annotations;
  if (typeof record.total === "number" && Array.isArray(record.rows)) return record.rows;
  return null;
}

/** The claims, replies and page notes of a Hypothesis file, or null when `json` is not one. */
export function hypothesisAnnotationsIn(json: unknown): IncomingFile | null {
  const items = hypothesisItems(json);
  if (!items) return null;
  const file: IncomingFile = { claims: [], read: readClaim, comments: [], skipped: [] };
  const replies: Array<{ comment: IncomingComment; created: string }> = [];
  for (const item of items) {
    const record = (item && typeof item === "object" ? item : {}) as Record<string, unknown>;
    const id = idOf(item);
    const references = Array.isArray(record.references) ? record.references : [];
    if (references.length > 0) {
      const text = typeof record.text === "string" ? record.text : "";
      if (text.trim() && typeof references[0] === "string") {
        replies.push({ comment: { annotationId: id, threadId: references[0], body: text }, created: typeof record.created === "string" ? record.created : "" });
      } else file.skipped.push({ annotationId: id, reason: "reply without text" });
      continue;
    }
    const targets = Array.isArray(record.target) ? (record.target as unknown[]) : [];
    const anchored = targets.some((target) => Boolean(target && typeof target === "object" && Array.isArray((target as { selector?: unknown }).selector)));
    if (!anchored) file.skipped.push({ annotationId: id, reason: PAGE_NOTE });
    else file.claims.push(item);
  }
  // Thread order: each thread's replies as they were written (ISO dates sort as text).
  replies.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  file.comments = replies.map((reply) => reply.comment);
  return file;
}

function readClaim(item: unknown, choices: RatingInfo[]): ReadClaim {
  const parsed = hypothesisAnnotation.safeParse(item);
  if (!parsed.success) return { annotationId: idOf(item), invalid: "It is not a valid Hypothesis annotation." };
  const annotation = parsed.data;
  const { quote, position } = readSelectors(annotation.target.flatMap((target) => target.selector ?? []));
  let verdict: IncomingClaim["verdict"] = null;
  const tags = new Set<string>();
  for (const name of annotation.tags) {
    const rating = verdictOf(name, choices);
    if (rating && !verdict) verdict = rating;
    else if (!rating) {
      // A tag Verity cannot store (too long, odd characters) is left out, not the claim.
      const stored = claimTag.safeParse(name);
      if (stored.success && stored.data) tags.add(stored.data);
    }
  }
  const rationale = normalise(annotation.text);
  return { annotationId: idOf(item), quote, position, restatement: null, verdict, rationale: rationale || null, tags: [...tags].slice(0, MAX_TAGS_PER_CLAIM) };
}
