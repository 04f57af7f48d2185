import { STANCES } from "@/lib/claims/verdicts";
import { STATE_LABELS } from "@/lib/claims/verdicts";
import { isPending, WITHHELD_PASSAGE, type ExportArticle, type ExportClaim, type ExportEvidence, type ExportModel, type ExportOrganisation } from "@/lib/export/model";
import { annotationCollectionId, articleUrl, claimAnnotationId, evidenceAnnotationId, versionIri } from "@/lib/export/urls";
import { webHref } from "@/lib/documents/links";
import { codePointIndex, type CodePointIndex } from "@/lib/anchoring";

/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), JSON-LD:
 * an AnnotationCollection with its one page embedded. Every claim is an Annotation
 * motivated by "assessing" whose target is its span of the article (a
 * TextPositionSelector and a TextQuoteSelector, alternatives for the same text) and whose
 * bodies are the claim restated ("describing"), the verdict ("assessing"), the rationale
 * ("commenting") and the evidence ("linking": an external source, or a passage of an
 * article with its own selectors; the same claim in another article, labelled "Same claim",
 * by its annotation's IRI). Every evidence passage in an article is an Annotation
 * too, motivated by "linking", targeting its span and linking to its claim's annotation.
 *
 * Selectors never lie. Positions count Unicode code points, as the model says (§4.2.4),
 * converted from Verity's UTF-16 offsets by lib/anchoring/code-points.ts: a claim's here,
 * an evidence passage's in the data layer, which has its article's text. A span no
 * longer found in its article's text (orphaned) has no position, only its quote, and its
 * target says so with verity:orphaned. The source of a published article is its public
 * page, whose <article> element holds exactly the canonical text the selectors count in;
 * the outlet's own address is its `via`. Unpublished articles point into the workbench.
 *
 * Terms are the Web Annotation context's, dcterms:title (a CURIE on a prefix that context
 * names) and the verity: prefix of our own context. The evidence's stance is its body's
 * label ("Supports", ...).
 */
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** Verity's own terms: verity:orphaned on a target whose text is no longer in its article. */
const VERITY_NAMESPACE = "urn:verity:annotation:";
export const EXPORT_CONTEXT = [ANNO_CONTEXT, { verity: VERITY_NAMESPACE }];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function toAnnotationCollection(model: ExportModel): JsonObject {
  const { appUrl, article } = model;
  const points = codePointIndex(article.text);
  const items: JsonObject[] = [];
  for (const claim of model.claims) {
    items.push(claimAnnotation(model, claim, points));
    for (const evidence of claim.evidence) {
      if (evidence.kind === "PASSAGE" && evidence.passage.anchorStatus === "ANCHORED") items.push(passageAnnotation(model, claim, evidence));
    }
  }
  const id = annotationCollectionId(appUrl, article.id, model.includesPending);
  return {
    "@context": EXPORT_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: `${model.organisation.name} fact-check of “${article.title}”${model.includesPending ? " (internal, includes pending claims)" : ""}`,
    total: items.length,
    generated: model.generatedAt,
    generator: generator(appUrl),
    creator: organisationAgent(model.organisation),
    first: {
      id: `${id}#page-1`,
      type: "AnnotationPage",
      startIndex: 0,
      items,
    },
  };
}

/** The organisation as the collection's creator (a W3C Agent: name, homepage, email; its policy as schema.org names it). */
function organisationAgent(organisation: ExportOrganisation): JsonObject {
  return {
    type: "Organization",
    name: organisation.name,
    ...(organisation.url ? { homepage: organisation.url } : {}),
    ...(organisation.contactEmail ? { email: `mailto:${organisation.contactEmail}` } : {}),
    ...(organisation.policyUrl ? { "schema:publishingPrinciples": organisation.policyUrl } : {}),
  };
}

function generator(appUrl: string): JsonObject {
  return { id: appUrl, type: "Software", name: "Verity" };
}

/** One claim as an Annotation (the export's items, and what the Annotation Protocol serves); `points` indexes the article's text. */
export function claimAnnotation(model: ExportModel, claim: ExportClaim, points: CodePointIndex): JsonObject {
  const { appUrl, article } = model;
  const body: JsonObject[] = [textualBody("describing", claim.restatement)];
  if (claim.rating) body.push(textualBody("assessing", claim.rating.label));
  if (claim.rationale) body.push(textualBody("commenting", claim.rationale));
  if (isPending(claim)) body.push(textualBody("tagging", `Pending: ${STATE_LABELS[claim.state].toLowerCase()}, not approved`));
  for (const evidence of claim.evidence) body.push(evidenceBody(model, evidence));
  for (const other of claim.sameClaim) {
    body.push({ type: "SpecificResource", purpose: "linking", label: "Same claim", source: claimAnnotationId(appUrl, other.article.id, other.id) });
  }
  const position = { start: points.toCodePoints(claim.startOffset), end: points.toCodePoints(claim.endOffset) };
  return {
    "@context": EXPORT_CONTEXT,
    id: claimAnnotationId(appUrl, article.id, claim.id),
    ...(claim.canonicalIri ? { canonical: claim.canonicalIri } : {}),
    type: "Annotation",
    motivation: "assessing",
    created: claim.createdAt,
    modified: claim.updatedAt,
    creator: { type: "Person", name: claim.author.name },
    generator: generator(appUrl),
    label: `Claim ${claim.number}`,
    body,
    // The selectors hold on this version of the text (the article may change later).
    target: { ...target(source(appUrl, article.id, article.title, article.publishedAt !== null, article.url), claim, position), ...versionState(appUrl, article) },
  };
}

function passageAnnotation(model: ExportModel, claim: ExportClaim, evidence: Extract<ExportEvidence, { kind: "PASSAGE" }>): JsonObject {
  const { appUrl } = model;
  const { passage } = evidence;
  return {
    "@context": EXPORT_CONTEXT,
    id: evidenceAnnotationId(appUrl, evidence.id),
    type: "Annotation",
    motivation: "linking",
    created: evidence.createdAt,
    generator: generator(appUrl),
    label: `Evidence for claim ${claim.number}`,
    body: [
      { type: "SpecificResource", purpose: "linking", source: claimAnnotationId(appUrl, model.article.id, claim.id) },
      textualBody("tagging", STANCES[evidence.stance].label),
    ],
    target: passageTarget(appUrl, passage),
  };
}

function evidenceBody(model: ExportModel, evidence: ExportEvidence): JsonObject {
  const { appUrl } = model;
  if (evidence.kind === "PASSAGE") {
    return { type: "SpecificResource", purpose: "linking", label: STANCES[evidence.stance].label, ...passageTarget(appUrl, evidence.passage) };
  }
  if (evidence.kind === "WITHHELD") {
    return { type: "TextualBody", purpose: "describing", label: STANCES[evidence.stance].label, value: WITHHELD_PASSAGE, format: "text/plain" };
  }
  const { external } = evidence;
  const resource: JsonObject = {
    type: "SpecificResource",
    purpose: "linking",
    label: STANCES[evidence.stance].label,
    source: { id: webHref(external.url) ?? external.url, type: "Text", format: "text/html", "dcterms:title": external.title },
  };
  if (external.excerpt) resource.selector = { type: "TextQuoteSelector", exact: external.excerpt };
  // The source as it was when it was read.
  if (external.accessedAt) resource.state = { type: "TimeState", sourceDate: `${external.accessedAt}T00:00:00Z` };
  return resource;
}

function textualBody(purpose: string, value: string): JsonObject {
  return { type: "TextualBody", purpose, value, format: "text/plain" };
}

type Passage = Extract<ExportEvidence, { kind: "PASSAGE" }>["passage"];

function passageTarget(appUrl: string, passage: Passage): JsonObject {
  return target(source(appUrl, passage.articleId, passage.articleTitle, passage.articlePublished, null), passage, passage.codePoints);
}

/** The article a span is in: its public page while published (with the outlet's address as `via`), else the workbench. */
function source(appUrl: string, articleId: string, title: string, published: boolean, originalUrl: string | null): JsonObject {
  const via = webHref(originalUrl);
  return { id: articleUrl(appUrl, articleId, published), type: "Text", "dcterms:title": title, ...(via && { via }) };
}

/**
 * A span of an article: the quote always; the position (in code points) only while the span
 * is anchored, since an orphaned span's stored position now selects other text.
 */
function target(source: JsonObject, span: { exact: string; prefix: string; suffix: string; anchorStatus: ExportClaim["anchorStatus"] }, position: { start: number; end: number }): JsonObject {
  const quote = { type: "TextQuoteSelector", exact: span.exact, prefix: span.prefix, suffix: span.suffix };
  if (span.anchorStatus === "ORPHANED") return { type: "SpecificResource", source, selector: [quote], "verity:orphaned": true };
  return { type: "SpecificResource", source, selector: [{ type: "TextPositionSelector", ...position }, quote] };
}

/**
 * A W3C TimeState naming the version of the article the selectors were made on: the outlet's
 * date, and for an unpublished article its copy in the workbench (nothing public links there).
 */
function versionState(appUrl: string, article: ExportArticle): { state?: JsonObject } {
  const date = article.version.updatedOn ?? article.publicationDate;
  // The model (4.3.1) gives a TimeState a sourceDate (or a start and an end): without a date
  // the target has no state, its cached copy included.
  if (!date) return {};
  const state: JsonObject = { type: "TimeState", sourceDate: `${date}T00:00:00Z` };
  if (article.publishedAt === null) state.cached = versionIri(appUrl, article.id, article.version.number);
  return { state };
}
