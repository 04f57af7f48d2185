import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { listArticles, type ClaimCounts } from "@/lib/articles/data";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Articles" };

const STATE_LABELS: Array<[keyof ClaimCounts, string]> = [
  ["DRAFT", "draft"],
  ["SUBMITTED", "submitted"],
  ["CHANGES_REQUESTED", "changes requested"],
  ["APPROVED", "approved"],
];

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
              <ClaimCountChips counts={article.claimCounts} />
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

function ClaimCountChips({ counts }: { counts: ClaimCounts }) {
  if (counts.total === 0) return <span className="claim-counts muted">No claims yet</span>;
  return (
    <span className="claim-counts" aria-label="Claims">
      <span className="count-chip">
        <strong>{counts.total}</strong> claim{counts.total === 1 ? "" : "s"}
      </span>
      {STATE_LABELS.filter(([state]) => counts[state] > 0).map(([state, label]) => (
        <span key={state} className="count-chip">
          <strong>{counts[state]}</strong> {label}
        </span>
      ))}
    </span>
  );
}
