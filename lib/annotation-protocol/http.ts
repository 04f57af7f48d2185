import { createHash } from "node:crypto";

/**
 * The W3C Web Annotation Protocol's HTTP side (https://www.w3.org/TR/annotation-protocol/):
 * media types, Link headers, content negotiation, Prefer, ETags. Pure.
 */

export const ANNO_PROFILE = "http://www.w3.org/ns/anno.jsonld";
export const ANNOTATION_MEDIA_TYPE = `application/ld+json; profile="${ANNO_PROFILE}"`;
export const LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";

const CONSTRAINED_BY = '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"';
export const CONTAINER_LINKS = ['<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"', CONSTRAINED_BY].join(", ");
export const ANNOTATION_LINK = '<http://www.w3.org/ns/ldp#Resource>; rel="type"';

export const CONTAINER_METHODS = "GET, HEAD, OPTIONS, POST";
export const ANNOTATION_METHODS = "GET, HEAD, OPTIONS, PUT, DELETE";

/** Container preferences (Prefer: return=representation; include="…"), §4.2. */
export type ContainerPreference = "descriptions" | "iris" | "minimal";
const PREFER_MINIMAL = "http://www.w3.org/ns/ldp#PreferMinimalContainer";
const PREFER_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
const PREFER_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";

export function containerPreference(prefer: string | null): { preference: ContainerPreference; applied: boolean } {
  const include = /return=representation\s*;\s*include="([^"]*)"/i.exec(prefer ?? "")?.[1]?.split(/\s+/) ?? [];
  if (include.includes(PREFER_MINIMAL)) return { preference: "minimal", applied: true };
  if (include.includes(PREFER_IRIS)) return { preference: "iris", applied: true };
  return { preference: "descriptions", applied: include.includes(PREFER_DESCRIPTIONS) };
}

/**
 * Whether the client accepts JSON-LD (the only representation served): no Accept, a
 * wildcard, application/json, or application/ld+json with no profile or the annotation one.
 */
export function acceptsJsonLd(accept: string | null): boolean {
  if (!accept?.trim()) return true;
  return accept.split(",").some((range) => {
    const [type, ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    if (q && Number(q.slice(2)) === 0) return false;
    if (type === "*/*" || type === "application/*" || type === "application/json") return true;
    if (type !== "application/ld+json") return false;
    const profile = params.find((p) => p.startsWith("profile="));
    return !profile || profile.replace(/^profile=/, "").replace(/"/g, "").split(/\s+/).includes(ANNO_PROFILE);
  });
}

/** A POST or PUT body must say it is JSON-LD (or JSON): a browser form cannot send that across sites without asking first. */
export function isJsonBody(contentType: string | null): boolean {
  const type = contentType?.split(";")[0].trim().toLowerCase();
  return type === "application/ld+json" || type === "application/json";
}

/** A weak ETag for a representation: the same bytes, the same tag. */
export function bodyEtag(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** An annotation's ETag names its claim's edit version, so If-Match maps onto Verity's conflict check. */
export function versionEtag(claimId: string, version: number): string {
  return `"${claimId}.${version}"`;
}

/** The version an If-Match header names for this claim; null if absent, NaN if it names another. */
export function versionFromIfMatch(ifMatch: string | null, claimId: string): number | null {
  if (!ifMatch?.trim()) return null;
  const match = /^"([^".]+)\.(\d+)"$/.exec(ifMatch.trim());
  return match && match[1] === claimId ? Number(match[2]) : Number.NaN;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as GET uses). */
export function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}
