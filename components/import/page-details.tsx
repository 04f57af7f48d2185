import type { ImportPreview } from "@/lib/articles/data";

type Page = NonNullable<ImportPreview["page"]>;

/** What a web page said about its article, and the page's text that is not the article. */
export function PageDetails({ page }: { page: Page }) {
  const { metadata, leftOut } = page;
  const rows: Array<[string, string | null]> = [
    ["Site", metadata.siteName],
    ["Authors", metadata.authors.join(", ") || null],
    ["Published", metadata.published],
    ["Updated", metadata.modified],
    ["Canonical address", metadata.canonicalUrl],
    ["Language", metadata.language],
    ["Fetched from", page.pageUrl],
  ];
  return (
    <section className="card page-details" aria-label="From the web page">
      <dl>
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {leftOut.length > 0 && (
        <details>
          <summary>
            {leftOut.length} part{leftOut.length === 1 ? "" : "s"} of the page left out as not the article (menus, comments, footers)
          </summary>
          <ul className="page-details__left-out">
            {leftOut.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
