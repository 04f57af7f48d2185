import { STANCES } from "@/lib/claims/verdicts";
import { STATE_LABELS, verdictLabel } from "@/lib/claims/verdicts";
import { isPending, WITHHELD_PASSAGE, type ExportClaim, type ExportEvidence, type ExportModel } from "@/lib/export/model";
import { annotationCollectionId, articleIri, claimAnnotationId, evidenceAnnotationId } from "@/lib/export/urls";
import { webHref } from "@/lib/documents/links";

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
 * Only terms of the Web Annotation context are used (and dcterms:title, which the model
 * recommends as a CURIE from an ontology the context already names), so the file needs no
 * other context. The evidence's stance is its body's label ("Supports", ...).
 */
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function toAnnotationCollection(model: ExportModel): JsonObject {
  const { appUrl, article } = model;
  const items: JsonObject[] = [];
  for (const claim of model.claims) {
    items.push(claimAnnotation(model, claim));
    for (const evidence of claim.evidence) {
      if (evidence.kind === "PASSAGE" && evidence.passage.anchorStatus === "ANCHORED") items.push(passageAnnotation(model, claim, evidence));
    }
  }
  const id = annotationCollectionId(appUrl, article.id);
  return {
    "@context": ANNO_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: `Verity fact-check of “${article.title}”${model.includesPending ? " (internal, includes pending claims)" : ""}`,
    total: items.length,
    generated: model.generatedAt,
    generator: generator(appUrl),
    first: {
      id: `${id}#page-1`,
      type: "AnnotationPage",
      startIndex: 0,
      items,
    },
  };
}

function generator(appUrl: string): JsonObject {
  return { id: appUrl, type: "Software", name: "Verity" };
}

function claimAnnotation(model: ExportModel, claim: ExportClaim): JsonObject {
  const { appUrl, article } = model;
  const body: JsonObject[] = [textualBody("describing", claim.restatement)];
  if (claim.verdict) body.push(textualBody("assessing", verdictLabel(claim.verdict)));
  if (claim.rationale) body.push(textualBody("commenting", claim.rationale));
  if (isPending(claim)) body.push(textualBody("tagging", `Pending: ${STATE_LABELS[claim.state].toLowerCase()}, not approved`));
  for (const evidence of claim.evidence) body.push(evidenceBody(model, evidence));
  for (const other of claim.sameClaim) {
    body.push({ type: "SpecificResource", purpose: "linking", label: "Same claim", source: claimAnnotationId(appUrl, other.id) });
  }
  return {
    "@context": ANNO_CONTEXT,
    id: claimAnnotationId(appUrl, claim.id),
    type: "Annotation",
    motivation: "assessing",
    created: claim.createdAt,
    modified: claim.updatedAt,
    creator: { type: "Person", name: claim.author.name },
    generator: generator(appUrl),
    label: `Claim ${claim.number}`,
    body,
    target: {
      type: "SpecificResource",
      source: { id: articleIri(appUrl, article.id), type: "Text", "dcterms:title": article.title },
      selector: selectors(claim),
    },
  };
}

function passageAnnotation(model: ExportModel, claim: ExportClaim, evidence: Extract<ExportEvidence, { kind: "PASSAGE" }>): JsonObject {
  const { appUrl } = model;
  const { passage } = evidence;
  return {
    "@context": ANNO_CONTEXT,
    id: evidenceAnnotationId(appUrl, evidence.id),
    type: "Annotation",
    motivation: "linking",
    created: evidence.createdAt,
    generator: generator(appUrl),
    label: `Evidence for claim ${claim.number}`,
    body: [
      { type: "SpecificResource", purpose: "linking", source: claimAnnotationId(appUrl, claim.id) },
      textualBody("tagging", STANCES[evidence.stance].label),
    ],
    target: {
      type: "SpecificResource",
      source: { id: articleIri(appUrl, passage.articleId), type: "Text", "dcterms:title": passage.articleTitle },
      selector: selectors(passage),
    },
  };
}

function evidenceBody(model: ExportModel, evidence: ExportEvidence): JsonObject {
  const { appUrl } = model;
  if (evidence.kind === "PASSAGE") {
    const { passage } = evidence;
    return {
      type: "SpecificResource",
      purpose: "linking",
      label: STANCES[evidence.stance].label,
      source: { id: articleIri(appUrl, passage.articleId), type: "Text", "dcterms:title": passage.articleTitle },
      selector: selectors(passage),
    };
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

function selectors(span: { startOffset: number; endOffset: number; exact: string; prefix: string; suffix: string }): Json[] {
  return [
    { type: "TextPositionSelector", start: span.startOffset, end: span.endOffset },
    { type: "TextQuoteSelector", exact: span.exact, prefix: span.prefix, suffix: span.suffix },
  ];
}
