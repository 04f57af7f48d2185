import Link from "next/link";
import type { Assignment } from "@/lib/assignments/data";
import { isOverdue } from "@/lib/assignments/due";
import { DueLabel } from "@/components/assignments/due-label";

/** Assigned articles and claims, overdue first (as listed), with how many are overdue in the heading. */
export function AssignmentList({ title, assignments, showAssignee, empty }: { title: string; assignments: Assignment[]; showAssignee?: boolean; empty: string }) {
  const today = new Date();
  const overdue = assignments.filter((a) => isOverdue(a.dueOn, today)).length;
  return (
    <section className="card work-section" aria-labelledby="assignments-heading" data-testid="assignments">
      <h2 id="assignments-heading">
        {title} <span className="muted">({assignments.length}{overdue > 0 ? `, ${overdue} overdue` : ""})</span>
      </h2>
      {assignments.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="work-list">
          {assignments.map((assignment) => (
            <li key={`${assignment.kind}-${assignment.id}`} data-testid="assignment">
              <Link href={assignment.href} className="work-list__claim">
                {assignment.kind === "article" ? "Article: " : "Claim: "}
                {assignment.title}
              </Link>
              <span className="work-list__meta">
                <DueLabel dueOn={assignment.dueOn} today={today} />
                <span className="muted">
                  {showAssignee && <>{assignment.assignee.name} · </>}
                  {assignment.kind === "claim" ? assignment.articleTitle : "all its claims"}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
