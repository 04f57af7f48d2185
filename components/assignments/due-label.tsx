import { dueLabel, isOverdue } from "@/lib/assignments/due";

/** "Overdue by 2 days" (marked, and not by colour alone: the words say it), "Due today", "Due in 5 days". */
export function DueLabel({ dueOn, today = new Date() }: { dueOn: Date | null; today?: Date }) {
  if (!dueOn) return null;
  const overdue = isOverdue(dueOn, today);
  return (
    <span className={`due-label${overdue ? " due-label--overdue" : ""}`} data-testid="due-label">
      {overdue && <span aria-hidden="true">⚠ </span>}
      {dueLabel(dueOn, today)}
    </span>
  );
}
