import { byDueDate, dueLabel, isOverdue } from "@/lib/assignments/due";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
// Late in the evening: the calendar day counts, not 24-hour periods.
const now = new Date("2026-12-05T22:30:00Z");

describe("due dates", () => {
  it("reads as overdue by whole days, due today, tomorrow or in some days", () => {
    expect(dueLabel(day("2026-12-03"), now)).toBe("Overdue by 2 days");
    expect(dueLabel(day("2026-12-04"), now)).toBe("Overdue by 1 day");
    expect(dueLabel(day("2026-12-05"), now)).toBe("Due today");
    expect(dueLabel(day("2026-12-06"), now)).toBe("Due tomorrow");
    expect(dueLabel(day("2026-12-10"), now)).toBe("Due in 5 days");
  });

  it("is overdue only after the due day", () => {
    expect(isOverdue(day("2026-12-04"), now)).toBe(true);
    expect(isOverdue(day("2026-12-05"), now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });

  it("sorts overdue work first and work without a due date last", () => {
    const items = [{ dueOn: null }, { dueOn: day("2026-12-09") }, { dueOn: day("2026-12-01") }];
    expect(items.sort(byDueDate).map((item) => item.dueOn?.toISOString().slice(0, 10) ?? null)).toEqual(["2026-12-01", "2026-12-09", null]);
  });
});
