import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/format";
import { parseSearchParams } from "@/lib/search/schemas";
import { loadCatalogue } from "@/lib/ratings/catalogue";
import { isRatingId } from "@/lib/ratings/types";
import { RANKED_CANDIDATES, searchPassages } from "@/lib/search/search";
import { articleFilterChoices } from "@/lib/articles/data";
import { RESULTS_PER_PAGE, type SearchFilters, type SearchHit } from "@/lib/search/types";
import { SearchForm } from "@/components/search/search-filters";
import { Snippet } from "@/components/search/snippet";
import { StateBadge, VerdictBadge } from "@/components/reader/verdict";
import { Pagination } from "@/components/layout/pagination";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q;
  const query = (Array.isArray(q) ? q[0] : q)?.trim();
  return { title: query ? `Search: ${query.slice(0, 60)}` : "Search" };
}

/** The URL of this search with some parameters changed (pages keep the query and filters). */
function searchUrl(q: string, filters: SearchFilters, change: Partial<SearchFilters>) {
  const next = { ...filters, ...change };
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  for (const key of ["outlet", "language", "from", "to", "claims", "verdict"] as const) {
    const value = next[key];
    if (value) params.set(key, value);
  }
  if (next.page > 1) params.set("page", String(next.page));
  return `/search?${params}`;
}

/** Where a hit opens: its article, scrolled to the passage and highlighted. */
function hitUrl(hit: SearchHit, q: string) {
  return `/articles/${hit.articleId}?${new URLSearchParams({ at: `${hit.startOffset}-${hit.endOffset}`, q })}`;
}

export default async function SearchPage({ searchParams }: Props) {
  const user = await requireUser();
  const catalogue = await loadCatalogue();
  const { q, filters, errors } = parseSearchParams(await searchParams, (id) => isRatingId(catalogue, id));
  const [outcome, choices] = await Promise.all([searchPassages(user, q, filters), articleFilterChoices(user)]);

  return (
    <>
      <div className="page-head">
        <h1>Search</h1>
        <p>Every sentence of every article, as imported.</p>
      </div>
      <SearchForm q={q} filters={filters} outlets={choices.outlets} languages={choices.languages} errors={errors} />

      {outcome.status === "empty" ? (
        <p className="card empty search-message" role="status">
          {outcome.message}
        </p>
      ) : (
        <section className="search-results" aria-labelledby="results-heading">
          <div className="search-results__head">
            <h2 id="results-heading">
              {outcome.fuzzy
                ? "No passage has those words; passages with similar spellings"
                : outcome.total === 0
                  ? "No passages found"
                  : `${outcome.capped ? `More than ${RANKED_CANDIDATES.toLocaleString("en")}` : outcome.total.toLocaleString("en")} passage${outcome.total === 1 ? "" : "s"}`}
            </h2>
            {outcome.pageCount > 1 && (
              <p className="muted">
                Page {outcome.page} of {outcome.pageCount}
              </p>
            )}
          </div>
          {outcome.truncated && (
            <p className="form-message form-message--error" role="status">
              Your search was long, so only its first 500 characters were used.
            </p>
          )}
          {outcome.message && (
            <p className="form-message form-message--error" role="status">
              {outcome.message}
            </p>
          )}
          {outcome.stemming.map((notice) => (
            <p key={notice} className="field-hint search-stemming" role="note">
              {notice}
            </p>
          ))}
          {outcome.capped && (
            <p className="field-hint">
              The best matches among the first {RANKED_CANDIDATES.toLocaleString("en")} found are shown. Add a word, a phrase or a filter to narrow the search.
            </p>
          )}
          {outcome.titles.length > 0 && (
            <div className="title-hits">
              <h3>Articles with that title</h3>
              <ul>
                {outcome.titles.map((title) => (
                  <li key={title.articleId}>
                    <Link href={`/articles/${title.articleId}`}>{title.title}</Link>{" "}
                    <span className="muted">
                      {title.outlet}
                      {title.publicationDate && <> · {formatDate(new Date(`${title.publicationDate}T00:00:00Z`))}</>}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {outcome.total > 0 && outcome.hits.length === 0 && (
            <p className="card empty">
              The results end on page {outcome.pageCount}. <Link href={searchUrl(q, filters, { page: 1 })}>Back to the first page</Link>
            </p>
          )}
          {outcome.total === 0 && !outcome.message && !outcome.fuzzy && (
            <p className="card empty">Nothing matches. Try fewer words, another spelling, or fewer filters.</p>
          )}
          <ol className="search-hits" start={(outcome.page - 1) * RESULTS_PER_PAGE + 1}>
            {outcome.hits.map((hit) => (
              <li key={`${hit.articleId}:${hit.ordinal}`} className="search-hit" data-testid="search-hit">
                <p className="search-hit__source">
                  <Link href={`/articles/${hit.articleId}`} className="search-hit__article">
                    {hit.articleTitle}
                  </Link>
                  <span className="muted">
                    {" · "}
                    {hit.outlet}
                    {hit.publicationDate && <> · {formatDate(new Date(`${hit.publicationDate}T00:00:00Z`))}</>}
                    {hit.alsoIn > 0 && <> · also in {hit.alsoIn === 1 ? "1 other article" : `${hit.alsoIn} other articles`}</>}
                  </span>
                </p>
                <Link href={hitUrl(hit, outcome.query)} className="search-hit__passage">
                  <Snippet marked={hit.snippet} />
                </Link>
                {hit.claims.length > 0 && (
                  <ul className="search-hit__claims" aria-label="Claims on this passage">
                    {hit.claims.map((claim) => (
                      <li key={claim.id}>
                        <VerdictBadge verdict={claim.verdict} /> <StateBadge state={claim.state} />{" "}
                        <Link href={`/articles/${hit.articleId}?claim=${claim.id}`}>{claim.restatement}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          <Pagination page={outcome.page} pageCount={outcome.pageCount} hrefFor={(page) => searchUrl(q, filters, { page })} label="Pages of results" />
        </section>
      )}
    </>
  );
}
