import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { isPublicArticle } from "@/lib/auth/visibility";
import { ARTICLES_PAGE_SIZE, articleFilterChoices, countArticles, listArticles } from "@/lib/articles/data";
import { ARTICLE_SORTS, ARTICLE_STATE_FILTERS, CLAIMS_FILTERS, PUBLISHED_FILTERS, articleListQuerySchema, type ArticleListQuery } from "@/lib/articles/schemas";
import { parseQuery } from "@/lib/validation/query";
import { formatDate, languageName } from "@/lib/format";
import { ClaimProgress } from "@/components/article/claim-progress";
import { Pagination, listHref } from "@/components/layout/pagination";
import { FilterSelect } from "@/components/forms/filter-select";
import { QueryProblems } from "@/components/layout/query-problems";

export const metadata: Metadata = { title: "Articles" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The list's URL for a query (defaults left out), so filters and sort survive paging. */
function listUrl(query: ArticleListQuery, page: number) {
  const { q, outlet, language, state, published, claims, sort } = query;
  return listHref("/articles", { q, outlet, language, state, published, claims, sort: sort === "newest" ? null : sort, page: page > 1 ? page : null });
}

export default async function ArticlesPage({ searchParams }: Props) {
  const user = await requireUser();
  const { query, problems } = parseQuery(articleListQuerySchema, await searchParams);
  const [articles, total, choices] = await Promise.all([listArticles(user, query), countArticles(user, query), articleFilterChoices(user)]);
  const pageCount = Math.ceil(total / ARTICLES_PAGE_SIZE);
  const filtered = Boolean(query.q || query.outlet || query.language || query.state || query.published || query.claims);
  return (
    <>
      <div className="page-head">
        <h1>Articles</h1>
        <div className="page-head__side">
          <p data-testid="article-total">
            {total} article{total === 1 ? "" : "s"}
            {filtered && " match"}
          </p>
          {hasRole(user, "EDITOR") && (
            <Link href="/articles/import" className="button">
              Import article
            </Link>
          )}
        </div>
      </div>
      {/* A plain GET form: filtering works without JavaScript, and the URL keeps the filters. */}
      <form className="queue-filters card" method="get" action="/articles" aria-label="Search and filter articles">
        <QueryProblems problems={problems} labels={{ q: "Title", outlet: "Outlet", language: "Language", state: "State", published: "Published", claims: "Claims", sort: "Sort", page: "Page" }} />
        <label>
          <span>Title</span>
          <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="Words in the title" />
        </label>
        <FilterSelect name="outlet" label="Outlet" value={query.outlet} anyLabel="All outlets" options={choices.outlets.map((outlet) => [outlet, outlet])} />
        <FilterSelect
          name="language"
          label="Language"
          value={query.language}
          anyLabel="All languages"
          options={choices.languages.map((language) => [language, languageName(language)])}
        />
        <FilterSelect name="state" label="State" value={query.state} anyLabel="Any state" options={Object.entries(ARTICLE_STATE_FILTERS)} />
        <FilterSelect name="published" label="Published" value={query.published} anyLabel="Published or not" options={Object.entries(PUBLISHED_FILTERS)} />
        <FilterSelect name="claims" label="Claims" value={query.claims} anyLabel="With or without claims" options={Object.entries(CLAIMS_FILTERS)} />
        <FilterSelect name="sort" label="Sort" value={query.sort} options={Object.entries(ARTICLE_SORTS)} />
        <button type="submit" className="button button--quiet button--small">
          Apply
        </button>
        {filtered && <Link href={query.sort === "newest" ? "/articles" : `/articles?sort=${query.sort}`}>Clear filters</Link>}
      </form>
      {total === 0 ? (
        <p className="card empty">{filtered ? "No article matches these filters." : "No articles yet. An editor can import the first one."}</p>
      ) : articles.length === 0 ? (
        <p className="card empty">
          The list ends on page {pageCount}. <Link href={listUrl(query, 1)}>Back to the first page</Link>
        </p>
      ) : (
        <ul className="article-list" aria-label="Articles">
          {articles.map((article) => (
            <li key={article.id} className="article-row" data-testid="article-row">
              <Link href={`/articles/${article.id}`} className="article-row__title">
                {article.title}
              </Link>
              <div className="claim-counts">
                <ClaimProgress progress={{ byState: article.claimCounts, byVerdict: article.verdictCounts }} compact />
              </div>
              <span className="article-row__meta">
                {isPublicArticle(article) && <span className="status-pill status-pill--active">✓ Published</span>}
                {article.retiredAt && <span className="status-pill status-pill--disabled">Retired</span>}
                {article.outlet}
                {article.language && ` · ${languageName(article.language)}`}
                {" · "}
                {formatDate(article.publicationDate) ?? `imported ${formatDate(article.createdAt)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={(page) => listUrl(query, page)} label="Pages of the article list" />
    </>
  );
}
