import { readCatalogue } from "@/lib/ratings/catalogue";
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { createClaim, deleteClaim, updateClaim } from "@/lib/claims/data";
import { ConflictError, NotFoundError, UserFacingError } from "@/lib/errors";
import { loadArticleExport } from "@/lib/export/data";
import { AnnotationImportError, planAnnotationImport } from "@/lib/export/import-annotations";
import type { ExportModel } from "@/lib/export/model";
import { articleIri, publicPageUrl, resolveAppUrl } from "@/lib/export/urls";
import { isStorableText } from "@/lib/storable-text";
import {
  acceptsJsonLd,
  ANNOTATION_LINK,
  ANNOTATION_MEDIA_TYPE,
  ANNOTATION_METHODS,
  bodyEtag,
  CONTAINER_LINKS,
  CONTAINER_METHODS,
  containerPreference,
  isJsonBody,
  notModified,
  versionEtag,
  versionFromIfMatch,
} from "@/lib/annotation-protocol/http";
import { annotationRepresentation, containerRepresentation, PAGE_SIZE, pageRepresentation } from "@/lib/annotation-protocol/representation";

/**
 * The W3C Web Annotation Protocol server: an article's claims as an annotation container
 * (app/annotations/[articleId]/) and each claim as an annotation in it. Reads and writes go
 * through the data layer as the signed-in user or the API token's user, so the protocol
 * sees and changes exactly what the workbench lets that user see and change: editors see
 * every claim; others see approved claims and their own.
 */

const NOT_ACCEPTABLE = "This server sends annotations as JSON-LD only (application/ld+json).";
const NOT_JSON = "Send the annotation as JSON-LD: Content-Type application/ld+json.";
const IF_MATCH_REQUIRED = "Send If-Match with the ETag you last read, so that an edit made meanwhile is not overwritten.";
const STALE = "The annotation has changed since you read it: read it again, then send your change with its new ETag.";
const FUZZY_REFUSED = "Its quoted text is not in this article word for word.";
const TARGET_MOVED = "A claim stays on the text it was marked on: its target cannot change. Delete it and create another.";
const MAX_CANONICAL_CHARS = 2000;

type Mode = "GET" | "HEAD";

async function load(actor: Actor, request: Request, articleId: string): Promise<ExportModel> {
  return loadArticleExport(actor, articleId, {
    appUrl: resolveAppUrl(new URL(request.url).origin),
    includePending: hasRole(actor, "EDITOR"),
    includeOwnPending: true,
  });
}

function respond(body: object | null, init: { status?: number; etag?: string; links: string; allow: string; headers?: Record<string, string>; mode?: Mode }) {
  const text = body === null ? null : JSON.stringify(body);
  const headers = new Headers({
    Link: init.links,
    Allow: init.allow,
    Vary: "Accept, Prefer",
    ...(text !== null ? { "Content-Type": ANNOTATION_MEDIA_TYPE } : {}),
    ...(init.etag ? { ETag: init.etag } : {}),
    ...init.headers,
  });
  return new Response(init.mode === "HEAD" ? null : text, { status: init.status ?? 200, headers });
}

const containerHeaders = { links: CONTAINER_LINKS, allow: CONTAINER_METHODS, headers: { "Accept-Post": ANNOTATION_MEDIA_TYPE } };
const annotationHeaders = { links: ANNOTATION_LINK, allow: ANNOTATION_METHODS };

function problem(status: number, message: string, headers: typeof containerHeaders | typeof annotationHeaders) {
  return respond({ error: message }, { status, ...headers, headers: { ...("headers" in headers ? headers.headers : {}), "Content-Type": "application/json" } });
}

const pageQuery = z.object({
  page: z.coerce.number().int().min(0).max(1_000_000).optional(),
  iris: z.literal("1").optional(),
});

/** GET or HEAD of the container, or of one of its pages (?page=N, with ?iris=1 for IRIs only). */
export async function readContainer(actor: Actor, request: Request, articleId: string, mode: Mode): Promise<Response> {
  if (!acceptsJsonLd(request.headers.get("accept"))) return problem(406, NOT_ACCEPTABLE, containerHeaders);
  const url = new URL(request.url);
  const query = pageQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return problem(400, "A page is a whole number from 0.", containerHeaders);
  const model = await load(actor, request, articleId);
  const { preference, applied } = containerPreference(request.headers.get("prefer"));
  let body;
  if (query.data.page !== undefined) {
    body = pageRepresentation(model, query.data.page, query.data.iris === "1");
    if (!body) return problem(404, `This container has ${Math.max(1, Math.ceil(model.claims.length / PAGE_SIZE))} pages, numbered from 0.`, containerHeaders);
  } else {
    body = containerRepresentation(model, query.data.iris === "1" ? "iris" : preference);
  }
  const etag = bodyEtag(JSON.stringify(body));
  const headers: Record<string, string> = { ...containerHeaders.headers, "Content-Location": String(body.id) };
  if (applied && query.data.page === undefined) headers["Preference-Applied"] = "return=representation";
  if (notModified(request.headers.get("if-none-match"), etag)) return respond(null, { status: 304, etag, ...containerHeaders, headers, mode: "HEAD" });
  return respond(body, { etag, ...containerHeaders, headers, mode });
}

/** GET or HEAD of one annotation. */
export async function readAnnotation(actor: Actor, request: Request, articleId: string, claimId: string, mode: Mode): Promise<Response> {
  if (!acceptsJsonLd(request.headers.get("accept"))) return problem(406, NOT_ACCEPTABLE, annotationHeaders);
  const model = await load(actor, request, articleId);
  const claim = model.claims.find((each) => each.id === claimId);
  if (!claim) throw new NotFoundError("That annotation");
  const etag = versionEtag(claim.id, claim.version);
  if (notModified(request.headers.get("if-none-match"), etag)) return respond(null, { status: 304, etag, ...annotationHeaders, mode: "HEAD" });
  return respond(annotationRepresentation(model, claim), { etag, ...annotationHeaders, mode });
}

export function containerOptions() {
  return respond(null, { ...containerHeaders });
}

export function annotationOptions() {
  return respond(null, { ...annotationHeaders });
}

/** The claim an annotation describes, placed on the article's text (exactly, never fuzzily). */
async function plannedClaim(model: ExportModel, json: unknown) {
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new UserFacingError("Send one annotation: a JSON object whose type is Annotation.");
  const annotation = json as Record<string, unknown>;
  const allowed = [articleIri(model.appUrl, model.article.id), publicPageUrl(model.appUrl, model.article.id), model.article.url].filter(Boolean);
  const targets = Array.isArray(annotation.target) ? annotation.target : [annotation.target];
  const sources = targets.map((target) => {
    if (typeof target === "string") return target;
    const source = (target as { source?: unknown } | null)?.source;
    return typeof source === "string" ? source : ((source as { id?: unknown } | null)?.id as string | undefined);
  });
  if (!sources.some((source) => source && allowed.includes(source))) {
    throw new UserFacingError(
      `This container holds the claims of “${model.article.title}”: an annotation's target must be that article (${allowed[0]}) with a TextQuoteSelector on its text.`,
    );
  }
  // Every annotation here is a claim (motivation "assessing"), whatever motivation it came with.
  let plan;
  try {
    plan = await planAnnotationImport(model.article.text, { ...annotation, motivation: "assessing" }, (await readCatalogue()).choices);
  } catch (error) {
    if (error instanceof AnnotationImportError) throw new UserFacingError(error.message);
    throw error;
  }
  const [claim] = plan.claims;
  if (!claim) throw new UserFacingError(plan.orphaned[0]?.reason ?? "This annotation is not a claim Verity can place.");
  if (claim.method === "fuzzy") throw new UserFacingError(FUZZY_REFUSED);
  const canonical = annotation.canonical;
  if (canonical !== undefined && (typeof canonical !== "string" || canonical.length > MAX_CANONICAL_CHARS || !isStorableText(canonical))) {
    throw new UserFacingError(`canonical must be an IRI of at most ${MAX_CANONICAL_CHARS} characters.`);
  }
  return { ...claim, canonicalIri: canonical ?? null };
}

async function readJson(request: Request): Promise<unknown> {
  if (!isJsonBody(request.headers.get("content-type"))) throw new UnsupportedMediaType();
  try {
    return JSON.parse(await request.text());
  } catch {
    throw new UserFacingError("The body is not valid JSON.");
  }
}

class UnsupportedMediaType extends Error {}

/** POST to the container: a new draft claim by the caller. 201, Location and the annotation as stored. */
export async function createAnnotation(actor: Actor, request: Request, articleId: string): Promise<Response> {
  let json: unknown;
  try {
    json = await readJson(request);
  } catch (error) {
    if (error instanceof UnsupportedMediaType) return problem(415, NOT_JSON, containerHeaders);
    throw error;
  }
  const model = await load(actor, request, articleId);
  const planned = await plannedClaim(model, json);
  const created = await createClaim(actor, {
    articleId,
    start: planned.start,
    end: planned.end,
    exact: planned.exact,
    restatement: planned.restatement,
    verdict: planned.verdict,
    rationale: planned.rationale,
    canonicalIri: planned.canonicalIri,
  });
  const after = await load(actor, request, articleId);
  const claim = after.claims.find((each) => each.id === created.id)!;
  const body = annotationRepresentation(after, claim);
  return respond(body, { status: 201, etag: versionEtag(claim.id, claim.version), ...annotationHeaders, headers: { Location: String(body.id) } });
}

/** PUT: replaces the claim's restatement, verdict and rationale, naming the version read (If-Match). */
export async function replaceAnnotation(actor: Actor, request: Request, articleId: string, claimId: string): Promise<Response> {
  const version = versionFromIfMatch(request.headers.get("if-match"), claimId);
  if (version === null) return problem(428, IF_MATCH_REQUIRED, annotationHeaders);
  if (Number.isNaN(version)) return problem(412, STALE, annotationHeaders);
  let json: unknown;
  try {
    json = await readJson(request);
  } catch (error) {
    if (error instanceof UnsupportedMediaType) return problem(415, NOT_JSON, annotationHeaders);
    throw error;
  }
  const model = await load(actor, request, articleId);
  const claim = model.claims.find((each) => each.id === claimId);
  if (!claim) throw new NotFoundError("That annotation");
  const planned = await plannedClaim(model, json);
  if (planned.start !== claim.startOffset || planned.end !== claim.endOffset) throw new UserFacingError(TARGET_MOVED);
  try {
    await updateClaim(actor, { claimId, version, restatement: planned.restatement, verdict: planned.verdict, rationale: planned.rationale });
  } catch (error) {
    if (error instanceof ConflictError) return problem(412, STALE, annotationHeaders);
    throw error;
  }
  const after = await load(actor, request, articleId);
  const updated = after.claims.find((each) => each.id === claimId)!;
  return respond(annotationRepresentation(after, updated), { etag: versionEtag(updated.id, updated.version), ...annotationHeaders });
}

/** DELETE: the claim with its evidence and comments; with If-Match, only the version read. 204. */
export async function deleteAnnotation(actor: Actor, request: Request, articleId: string, claimId: string): Promise<Response> {
  const named = versionFromIfMatch(request.headers.get("if-match"), claimId);
  if (Number.isNaN(named)) return problem(412, STALE, annotationHeaders);
  const model = await load(actor, request, articleId);
  const claim = model.claims.find((each) => each.id === claimId);
  if (!claim) throw new NotFoundError("That annotation");
  try {
    await deleteClaim(actor, { claimId, version: named ?? claim.version });
  } catch (error) {
    if (error instanceof ConflictError) return problem(412, STALE, annotationHeaders);
    throw error;
  }
  return respond(null, { status: 204, ...annotationHeaders });
}

