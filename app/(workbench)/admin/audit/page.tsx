import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/layout/access-denied";
import { Pagination } from "@/components/layout/pagination";
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

const FILTER_KEYS = ["actor", "action", "article", "from", "to"] as const;

/** The log's URL for a query (empty filters left out), so the filters survive paging. */
function logUrl(query: AuditLogQuery, page: number) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/admin/audit?${search}` : "/admin/audit";
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
  const filtered = FILTER_KEYS.some((key) => query[key]);
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
        <QueryProblems problems={problems} />
        <label>
          <span>Who</span>
          <select name="actor" defaultValue={query.actor ?? ""}>
            <option value="">Anyone</option>
            {choices.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>What</span>
          <select name="action" defaultValue={query.action ?? ""}>
            <option value="">Every action</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Article</span>
          <select name="article" defaultValue={query.article ?? ""}>
            <option value="">Any article</option>
            {choices.articles.map((article) => (
              <option key={article.id} value={article.id}>
                {article.title}
              </option>
            ))}
          </select>
        </label>
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
