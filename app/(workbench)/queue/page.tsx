import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/layout/access-denied";
import { requireUser } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/errors";
import { countQueue, listQueue, QUEUE_PAGE_SIZE, queueFilterChoices, type QueueFilters } from "@/lib/workflow/data";
import { VERDICT_ORDER, VERDICTS, UNRATED } from "@/lib/claims/verdicts";
import { QueueList } from "@/components/workflow/queue-list";
import { Pagination, listHref } from "@/components/layout/pagination";

export const metadata: Metadata = { title: "Review queue" };

type Props = { searchParams: Promise<{ article?: string; verdict?: string; reviewer?: string; page?: string }> };

export default async function QueuePage({ searchParams }: Props) {
  const actor = await requireUser();
  const query = await searchParams;
  const verdict = [...VERDICT_ORDER, "UNRATED"].includes(query.verdict ?? "") ? (query.verdict as QueueFilters["verdict"]) : undefined;
  const page = /^[1-9]\d{0,5}$/.test(query.page ?? "") ? Number(query.page) : 1;
  const filters: QueueFilters = { articleId: query.article || undefined, verdict, authorId: query.reviewer || undefined };
  let data;
  try {
    data = await Promise.all([listQueue(actor, { ...filters, page }), countQueue(actor, filters), queueFilterChoices(actor, filters)]);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    return (
      <AccessDenied title="Editors only">
        The review queue is where editors approve verdicts. Your own claims are under My work.
      </AccessDenied>
    );
  }
  const [claims, total, choices] = data;
  const pageCount = Math.ceil(total / QUEUE_PAGE_SIZE);
  const first = (page - 1) * QUEUE_PAGE_SIZE + 1;
  const pageUrl = (p: number) =>
    listHref("/queue", { article: filters.articleId, verdict: filters.verdict, reviewer: filters.authorId, page: p > 1 ? p : null });
  return (
    <>
      <div className="page-head">
        <h1>Review queue</h1>
        <p>
          {total} submitted claim{total === 1 ? "" : "s"}, oldest first
          {pageCount > 1 && claims.length > 0 && ` · showing ${first}–${first + claims.length - 1}`}
        </p>
      </div>
      <form className="queue-filters card" method="get" aria-label="Filter the queue">
        <label>
          <span>Article</span>
          <select name="article" defaultValue={filters.articleId ?? ""}>
            <option value="">All articles</option>
            {choices.articles.map((article) => (
              <option key={article.id} value={article.id}>
                {article.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Verdict</span>
          <select name="verdict" defaultValue={filters.verdict ?? ""}>
            <option value="">All verdicts</option>
            <option value="UNRATED">{UNRATED.label}</option>
            {VERDICT_ORDER.map((value) => (
              <option key={value} value={value}>
                {VERDICTS[value].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Reviewer</span>
          <select name="reviewer" defaultValue={filters.authorId ?? ""}>
            <option value="">All reviewers</option>
            {choices.authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--quiet button--small">
          Filter
        </button>
      </form>
      {/* Always rendered, so the notice of the last approval stays when the queue empties. */}
      <QueueList
        claims={claims}
        viewer={{ id: actor.id, role: actor.role }}
        empty={
          total === 0 ? (
            <>Nothing is waiting for review{filters.articleId || filters.verdict || filters.authorId ? " with these filters" : ""}.</>
          ) : (
            <>
              The queue ends on page {pageCount}. <Link href={pageUrl(1)}>Back to the first page</Link>
            </>
          )
        }
      />
      <Pagination page={page} pageCount={pageCount} hrefFor={pageUrl} label="Pages of the queue" />
    </>
  );
}
