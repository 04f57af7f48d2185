/**
 * How a due date reads, counted in whole calendar days (UTC, as due dates are stored):
 * "Overdue by 2 days", "Due today", "Due tomorrow", "Due in 5 days". Pure, for the page and its tests.
 */

const DAY_MS = 24 * 3600 * 1000;

/** Days from `today` to the due day: negative when overdue. */
export function daysUntilDue(dueOn: Date, today: Date): number {
  const startOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((dueOn.getTime() - startOfToday) / DAY_MS);
}

export function dueLabel(dueOn: Date, today: Date): string {
  const days = daysUntilDue(dueOn, today);
  if (days < 0) return `Overdue by ${-days} ${-days === 1 ? "day" : "days"}`;
  if (days === 0) return "Due today";
  if (days === 1) return "Due tomorrow";
  return `Due in ${days} days`;
}

export function isOverdue(dueOn: Date | null, today: Date): boolean {
  return dueOn !== null && daysUntilDue(dueOn, today) < 0;
}

/** Assignments in the order they need attention: by due day (overdue first), those without one last. */
export function byDueDate<T extends { dueOn: Date | null }>(a: T, b: T): number {
  if (a.dueOn === null || b.dueOn === null) return (a.dueOn === null ? 1 : 0) - (b.dueOn === null ? 1 : 0);
  return a.dueOn.getTime() - b.dueOn.getTime();
}
