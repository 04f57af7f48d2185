import { formatDate } from "@/lib/format";

/** How each kind of version came in, in words. */
export const VERSION_SOURCES: Record<string, string> = {
  IMPORT: "imported",
  PASTE: "pasted",
  UPLOAD: "uploaded",
  FETCH: "fetched from the article's URL",
};

/** The version an export or page was made from, in words: "version 2, updated by the outlet on 10 Mar 2025". */
export function versionPhrase(version: { number: number; updatedOn: Date | null }): string {
  const date = formatDate(version.updatedOn);
  return date ? `version ${version.number}, updated by the outlet on ${date}` : `version ${version.number}`;
}
