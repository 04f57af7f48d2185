import { codePointIndex } from "@/lib/anchoring";
import { ANNO_CONTEXT, claimAnnotation, type JsonObject } from "@/lib/export/web-annotation";
import type { ExportClaim, ExportModel } from "@/lib/export/model";
import { annotationContainerId } from "@/lib/export/urls";
import { LDP_CONTEXT, type ContainerPreference } from "@/lib/annotation-protocol/http";

/**
 * What the Annotation Protocol server sends: an article's claims as an LDP Basic Container
 * that is also an AnnotationCollection, paged (§4.2-4.3), and each claim as an Annotation.
 */

export const PAGE_SIZE = 100;

export function containerIri(model: ExportModel) {
  return annotationContainerId(model.appUrl, model.article.id);
}

/** The newest change among the claims, as `modified` (none for an empty container: the same state, the same bytes and ETag). */
function modified(model: ExportModel): JsonObject {
  if (model.claims.length === 0) return {};
  return { modified: model.claims.reduce((latest, claim) => (claim.updatedAt > latest ? claim.updatedAt : latest), "") };
}

function pageCount(model: ExportModel) {
  return Math.max(1, Math.ceil(model.claims.length / PAGE_SIZE));
}

function pageIri(model: ExportModel, page: number, iris: boolean) {
  return `${containerIri(model)}?${iris ? "iris=1&" : ""}page=${page}`;
}

export function containerRepresentation(model: ExportModel, preference: ContainerPreference): JsonObject {
  const iris = preference === "iris";
  const last = pageCount(model) - 1;
  const description: JsonObject = {
    "@context": [ANNO_CONTEXT, LDP_CONTEXT],
    id: iris ? `${containerIri(model)}?iris=1` : containerIri(model),
    type: ["BasicContainer", "AnnotationCollection"],
    label: `Claims in “${model.article.title}”`,
    total: model.claims.length,
    ...modified(model),
    last: pageIri(model, last, iris),
  };
  if (preference === "minimal") return { ...description, first: pageIri(model, 0, false), last: pageIri(model, last, false) };
  // The first page is embedded: the container's context covers it.
  const first = pageRepresentation(model, 0, iris)!;
  delete first["@context"];
  return { ...description, first };
}

/** Page `page` (from 0) of the container, or null past its end. */
export function pageRepresentation(model: ExportModel, page: number, iris: boolean): JsonObject | null {
  const last = pageCount(model) - 1;
  if (page > last) return null;
  const claims = model.claims.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return {
    "@context": ANNO_CONTEXT,
    id: pageIri(model, page, iris),
    type: "AnnotationPage",
    partOf: { id: iris ? `${containerIri(model)}?iris=1` : containerIri(model), total: model.claims.length, ...modified(model) },
    startIndex: page * PAGE_SIZE,
    ...(page > 0 ? { prev: pageIri(model, page - 1, iris) } : {}),
    ...(page < last ? { next: pageIri(model, page + 1, iris) } : {}),
    items: claims.map((claim) => (iris ? (annotationRepresentation(model, claim).id as string) : annotationRepresentation(model, claim))),
  };
}

export function annotationRepresentation(model: ExportModel, claim: ExportClaim): JsonObject {
  return claimAnnotation(model, claim, codePointIndex(model.article.text));
}
