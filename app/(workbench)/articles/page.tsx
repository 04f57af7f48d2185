import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { listArticles } from "@/lib/articles/data";
import { formatDate } from "@/lib/format";
import { ClaimProgress } from "@/components/article/claim-progress";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  const user = await requireUser();
  const articles = await listArticles(user);
  return (
    <>
      <div className="page-head">
        <h1>Articles</h1>
        <div className="page-head__side">
          <p>
            {articles.length} article{articles.length === 1 ? "" : "s"}
          </p>
          {hasRole(user, "EDITOR") && (
            <Link href="/articles/import" className="button">
              Import article
            </Link>
          )}
        </div>
      </div>
      {articles.length === 0 ? (
        <p className="card empty">No articles yet. An editor can import the first one.</p>
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
                {article.outlet}
                {" · "}
                {formatDate(article.publicationDate) ?? `imported ${formatDate(article.createdAt)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
