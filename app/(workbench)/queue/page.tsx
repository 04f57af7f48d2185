import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/layout/access-denied";
import { requireUser } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/errors";
import { listOpenAssignments } from "@/lib/assignments/data";
import { AssignmentList } from "@/components/assignments/assignment-list";
import { countQueue, listQueue, QUEUE_PAGE_SIZE, queueFilterChoices, type QueueFilters } from "@/lib/workflow/data";
import { VerdictFilterOptions } from "@/components/ratings/verdict-filter-options";
import { loadCatalogue } from "@/lib/ratings/catalogue";
import { UNRATED, isRatingId } from "@/lib/ratings/types";
import { QueueList } from "@/components/workflow/queue-list";
import { MAX_TAG_CHARS } from "@/lib/claims/schemas";
import { Pagination, listHref } from "@/components/layout/pagination";
import { latestEventId } from "@/lib/live/events";
import { LiveUpdates } from "@/components/live/live-updates";

export const metadata: Metadata = { title: "Review queue" };

type Props = { searchParams: Promise<{ article?: string; verdict?: string; reviewer?: string; tag?: string; page?: string }> };

export default async function QueuePage({ searchParams }: Props) {
  const actor = await requireUser();
  const query = await searchParams;
  const ratings = await loadCatalogue();
  const verdict = query.verdict === UNRATED.id || (query.verdict && isRatingId(ratings, query.verdict)) ? query.verdict : undefined;
  const page = /^[1-9]\d{0,5}$/.test(query.page ?? "") ? Number(query.page) : 1;
  const tag = query.tag?.trim().toLowerCase().slice(0, MAX_TAG_CHARS) || undefined;
  const filters: QueueFilters = { articleId: query.article || undefined, verdict, authorId: query.reviewer || undefined, tag };
  // Read before the queue: the live stream starts after it, so no change in between is missed.
  const since = await latestEventId();
  let data;
  try {
    data = await Promise.all([listQueue(actor, { ...filters, page }), countQueue(actor, filters), queueFilterChoices(actor, filters), listOpenAssignments(actor)]);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    return (
      <AccessDenied title="Editors only">
        The review queue is where editors approve verdicts. Your own claims are under My work.
      </AccessDenied>
    );
  }
  const [claims, total, choices, assignments] = data;
  const pageCount = Math.ceil(total / QUEUE_PAGE_SIZE);
  const first = (page - 1) * QUEUE_PAGE_SIZE + 1;
  const pageUrl = (p: number) =>
    listHref("/queue", { article: filters.articleId, verdict: filters.verdict, reviewer: filters.authorId, tag: filters.tag, page: p > 1 ? p : null });
  return (
    <>
      <LiveUpdates follow={{ queue: true }} since={since} />
      <div className="page-head">
        <h1>Review queue</h1>
        <p>
          {total} submitted claim{total === 1 ? "" : "s"}, oldest first
          {pageCount > 1 && claims.length > 0 && ` · showing ${first}–${first + claims.length - 1}`}
        </p>
      </div>
      {assignments.length > 0 && <AssignmentList title="Assigned work" assignments={assignments} showAssignee empty="Nothing is assigned." />}
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
            <VerdictFilterOptions anyLabel="All verdicts" />
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
        <label>
          <span>Tag</span>
          <select name="tag" defaultValue={filters.tag ?? ""}>
            <option value="">All tags</option>
            {choices.tags.map((value) => (
              <option key={value} value={value}>
                {value}
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
            <>Nothing is waiting for review{filters.articleId || filters.verdict || filters.authorId || filters.tag ? " with these filters" : ""}.</>
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
