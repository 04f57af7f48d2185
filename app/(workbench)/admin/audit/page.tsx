import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/layout/access-denied";
import { Pagination, listHref } from "@/components/layout/pagination";
import { FilterSelect } from "@/components/forms/filter-select";
import { QueryProblems } from "@/components/layout/query-problems";
import { AuditEntryRow } from "@/components/admin/audit-entry";
import { requireUser } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/errors";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/labels";
import { AUDIT_PAGE_SIZE, auditFilterChoices, listAuditEvents } from "@/lib/audit/log";
import { auditLogQuerySchema, type AuditLogQuery } from "@/lib/audit/schemas";
import { parseQuery } from "@/lib/validation/query";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The log's URL for a query (empty filters left out), so the filters survive paging. */
function logUrl(query: AuditLogQuery, page: number) {
  const { actor, action, article, from, to } = query;
  return listHref("/admin/audit", { actor, action, article, from, to, page: page > 1 ? page : null });
}

export default async function AuditLogPage({ searchParams }: Props) {
  const actor = await requireUser();
  const { query, problems } = parseQuery(auditLogQuerySchema, await searchParams);
  let data;
  try {
    data = await Promise.all([listAuditEvents(actor, query), auditFilterChoices(actor)]);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    return <AccessDenied title="Administrators only">The audit log needs the Admin role.</AccessDenied>;
  }
  const [{ entries, total }, choices] = data;
  const pageCount = Math.ceil(total / AUDIT_PAGE_SIZE);
  const filtered = Boolean(query.actor || query.action || query.article || query.from || query.to);
  return (
    <>
      <div className="page-head">
        <h1>Audit log</h1>
        <div className="page-head__side">
          <p>
            {total} event{total === 1 ? "" : "s"}
            {filtered && " match"}, newest first
          </p>
          <Link href="/admin/users">Users</Link>
        </div>
      </div>
      <form className="queue-filters card" method="get" action="/admin/audit" aria-label="Filter the audit log">
        <QueryProblems problems={problems} labels={{ actor: "Who", action: "What", article: "Article", from: "From", to: "To", page: "Page" }} />
        <FilterSelect name="actor" label="Who" value={query.actor} anyLabel="Anyone" options={choices.users.map((user) => [user.id, user.name])} />
        <FilterSelect name="action" label="What" value={query.action} anyLabel="Every action" options={Object.entries(AUDIT_ACTION_LABELS)} />
        <FilterSelect name="article" label="Article" value={query.article} anyLabel="Any article" options={choices.articles.map((article) => [article.id, article.title])} />
        <label>
          <span>From (UTC)</span>
          <input type="date" name="from" defaultValue={query.from ?? ""} />
        </label>
        <label>
          <span>To (UTC)</span>
          <input type="date" name="to" defaultValue={query.to ?? ""} />
        </label>
        <button type="submit" className="button button--quiet button--small">
          Filter
        </button>
        {filtered && <Link href="/admin/audit">Clear filters</Link>}
      </form>
      {total === 0 ? (
        <p className="card empty">No event{filtered ? " matches these filters" : " yet"}.</p>
      ) : entries.length === 0 ? (
        <p className="card empty">
          The log ends on page {pageCount}. <Link href={logUrl(query, 1)}>Back to the first page</Link>
        </p>
      ) : (
        <ol className="audit-log" aria-label="Audit events">
          {entries.map((entry) => (
            <AuditEntryRow key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={(page) => logUrl(query, page)} label="Pages of the audit log" />
    </>
  );
}
