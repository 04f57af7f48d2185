import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { listMyWork } from "@/lib/workflow/data";
import { listUnreadNotifications } from "@/lib/notifications/data";
import { VerdictChanges } from "@/components/notifications/verdict-changes";
import { listMyAssignments } from "@/lib/assignments/data";
import { AssignmentList } from "@/components/assignments/assignment-list";
import { formatDateTime } from "@/lib/format";
import { StateBadge, VerdictBadge } from "@/components/reader/verdict";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import type { RatingId } from "@/lib/ratings/types";
import { latestEventId } from "@/lib/live/events";
import { LiveUpdates } from "@/components/live/live-updates";

export const metadata: Metadata = { title: "My work" };

interface MyClaim {
  id: string;
  restatement: string;
  verdict: RatingId | null;
  state: ClaimState;
  reviewNote: string | null;
  updatedAt: Date;
  approvedAt: Date | null;
  article: { id: string; title: string };
}

export default async function HomePage() {
  const user = await requireUser();
  // Read before the work: the live stream starts after it, so no change in between is missed.
  const since = await latestEventId();
  const [work, verdictChanges, assignments] = await Promise.all([listMyWork(user), listUnreadNotifications(user), listMyAssignments(user)]);
  const nothing = work.drafts.length + work.changesRequested.length + work.submitted.length + work.approved.length === 0;
  return (
    <>
      <LiveUpdates follow={{ mywork: true }} since={since} />
      <div className="page-head">
        <h1>My work</h1>
        {hasRole(user, "EDITOR") && (
          <p>
            <Link href="/queue">Go to the review queue →</Link>
          </p>
        )}
      </div>
      <VerdictChanges changes={verdictChanges} />
      {assignments.length > 0 && <AssignmentList title="Assigned to you" assignments={assignments} empty="Nothing is assigned to you." />}
      {nothing ? (
        <div className="card empty">
          <p>You have no claims yet.</p>
          <p>
            Open an <Link href="/articles">article</Link>, select a passage that asserts something checkable and choose <strong>Mark claim</strong>.
          </p>
        </div>
      ) : (
        <div className="work-grid">
          <WorkSection title="Changes requested" empty="No claim is waiting for your changes." claims={work.changesRequested} showNote />
          <WorkSection title="Drafts" empty="No drafts." claims={work.drafts} />
          <WorkSection title="Submitted, awaiting review" empty="Nothing is waiting for an editor." claims={work.submitted} />
          <WorkSection title={`Approved in the last ${work.recentDays} days`} empty="No recent approvals." claims={work.approved} approved />
        </div>
      )}
    </>
  );
}

function WorkSection({
  title,
  empty,
  claims,
  showNote,
  approved,
}: {
  title: string;
  empty: string;
  claims: MyClaim[];
  showNote?: boolean;
  approved?: boolean;
}) {
  const headingId = `work-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section className="card work-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="muted">({claims.length})</span>
      </h2>
      {claims.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="work-list">
          {claims.map((claim) => (
            <li key={claim.id} data-testid="work-item">
              <Link href={`/articles/${claim.article.id}?claim=${claim.id}`} className="work-list__claim">
                {claim.restatement}
              </Link>
              <span className="work-list__meta">
                <VerdictBadge verdict={claim.verdict} />
                <StateBadge state={claim.state} />
                <span className="muted">
                  {claim.article.title} · {formatDateTime(approved ? claim.approvedAt : claim.updatedAt)}
                </span>
              </span>
              {showNote && claim.reviewNote && (
                <p className="review-note">
                  <strong>Editor&rsquo;s note:</strong> {claim.reviewNote}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
