import Link from "next/link";
import type { ExistingArticle } from "@/lib/errors";

/**
 * The articles already in Verity that an import would copy: open one, bring a page read from
 * the same web address in as its new version (the outlet may have changed it), or import
 * anyway as a separate article (the button submits the form with importAnyway).
 */
export function DuplicateOffer({ duplicates, busy, sourceUrl }: { duplicates: ExistingArticle[]; busy: boolean; sourceUrl: string | null }) {
  return (
    <div className="card duplicate-offer" role="alert">
      <p>
        <strong>Already in Verity.</strong>{" "}
        {duplicates.length === 1 ? "This article matches one Verity has" : `This article matches ${duplicates.length} articles Verity has`}:
      </p>
      <ul>
        {duplicates.map((duplicate) => (
          <li key={duplicate.id}>
            <Link href={`/articles/${duplicate.id}`}>Open “{duplicate.title}”</Link> ({duplicate.outlet}; same {duplicate.reason === "url" ? "web address" : "text"})
            {duplicate.reason === "url" && sourceUrl && (
              <>
                {" · "}
                <Link href={`/articles/${duplicate.id}/versions/new?url=${encodeURIComponent(sourceUrl)}`}>bring it in as a new version of that article</Link>
              </>
            )}
          </li>
        ))}
      </ul>
      <button className="button button--quiet" type="submit" value="import-anyway" disabled={busy}>
        Import anyway as a separate article
      </button>
    </div>
  );
}
