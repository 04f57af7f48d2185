import Link from "next/link";

/** The address of a list's page: its path and the query's non-empty values (page 1 and defaults left out by the caller). */
export function listHref(path: string, query: Record<string, string | number | null | undefined>) {
  const params = new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (value ? [[key, String(value)]] : [])));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The page numbers shown: the first, the last, and two on either side of the current page. */
function pageNumbers(page: number, pageCount: number): number[] {
  const pages = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  return [...pages].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
}

/** Previous / numbered / next links between pages of a list; nothing when there is one page. */
export function Pagination({ page, pageCount, hrefFor, label }: { page: number; pageCount: number; hrefFor: (page: number) => string; label: string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="pagination__off">← Previous</span>
      )}
      {pageNumbers(page, pageCount).map((p, i, all) => (
        <span key={p} className="pagination__item">
          {i > 0 && p - all[i - 1] > 1 && <span className="muted">…</span>}
          {p === page ? (
            <span aria-current="page" className="pagination__current">
              {p}
            </span>
          ) : (
            <Link href={hrefFor(p)} aria-label={`Page ${p}`}>
              {p}
            </Link>
          )}
        </span>
      ))}
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span className="pagination__off">Next →</span>
      )}
    </nav>
  );
}
