import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/errors";
import type { AuditAction } from "@/lib/audit/record";
import { AUDIT_PAGE_SIZE, auditFilterChoices, listAuditEvents } from "@/lib/audit/log";
import { auditLogQuerySchema } from "@/lib/audit/schemas";
import { parseQuery } from "@/lib/validation/query";
import { makeArticle, makeUser, spanOf, type TestArticle } from "@/lib/claims/test-fixtures";

/** The audit log: its filters, its paging, its readable records and changes, and admins only. */

useTestDatabase();

let admin: Actor;
let editor: Actor;
let reviewer: Actor;
let article: TestArticle;
let other: TestArticle;
let claimId: string;

async function event(at: string, actor: Actor, action: AuditAction, entityType: "User" | "Article" | "Claim", entityId: string, before?: object, after?: object) {
  await prisma.auditEvent.create({ data: { at: new Date(at), actorId: actor.id, action, entityType, entityId, before, after } });
}

beforeAll(async () => {
  admin = await makeUser("ADMIN", "Ada Admin");
  editor = await makeUser("EDITOR", "Ed Editor");
  reviewer = await makeUser("REVIEWER", "Rae Reviewer");
  article = await makeArticle(["Budget article", "The budget grew by 4 percent last year."]);
  other = await makeArticle(["Other article", "Nothing to see."]);
  const span = spanOf(article.text, "grew by 4 percent");
  const claim = await prisma.claim.create({
    data: { articleId: article.id, authorId: reviewer.id, restatement: "The budget grew 4%", startOffset: span.start, endOffset: span.end, exact: span.exact, prefix: "", suffix: "" },
  });
  claimId = claim.id;
  await event("2025-01-01T10:00:00Z", editor, "article.import", "Article", article.id, undefined, { title: "Budget article" });
  await event("2025-01-02T10:00:00Z", reviewer, "claim.create", "Claim", claimId, undefined, { restatement: "The budget grew 4%" });
  await event("2025-01-03T10:00:00Z", editor, "claim.approve", "Claim", claimId, { state: "SUBMITTED" }, { state: "APPROVED" });
  await event("2025-01-04T23:30:00Z", editor, "article.update_details", "Article", other.id, { title: "Old title", url: null }, { title: "Other article", url: null });
  await event("2025-01-05T10:00:00Z", admin, "user.disable", "User", reviewer.id, { disabledAt: null }, { disabledAt: "2025-01-05T10:00:00.000Z" });
  await event("2025-01-06T10:00:00Z", reviewer, "claim.delete", "Claim", "deleted-claim-id", { articleId: article.id, restatement: "A claim deleted since" });
});

const query = (params: Record<string, string> = {}) => auditLogQuerySchema.parse(params);

/** The actions of the events listed, newest first. */
async function actions(params: Record<string, string> = {}) {
  return (await listAuditEvents(admin, query(params))).entries.map((entry) => entry.action);
}

describe("the audit log", () => {
  it("refuses editors and reviewers", async () => {
    for (const actor of [editor, reviewer]) {
      await expect(listAuditEvents(actor, query())).rejects.toThrow(new ForbiddenError("Only administrators may do that."));
      await expect(auditFilterChoices(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("lists every event newest first, saying who, what, which record and when", async () => {
    const { entries, total } = await listAuditEvents(admin, query());
    expect(total).toBe(6);
    expect(entries.map((e) => e.action)).toEqual(["claim.delete", "user.disable", "article.update_details", "claim.approve", "claim.create", "article.import"]);
    const approval = entries.find((e) => e.action === "claim.approve")!;
    expect(approval).toMatchObject({
      actionLabel: "Claim approved",
      actor: "Ed Editor",
      at: new Date("2025-01-03T10:00:00Z"),
      record: { kind: "Claim", name: "“The budget grew 4%” in Budget article", href: `/articles/${article.id}?claim=${claimId}` },
      changes: [{ field: "state", before: "SUBMITTED", after: "APPROVED" }],
    });
    expect(entries.find((e) => e.action === "user.disable")).toMatchObject({
      actionLabel: "User disabled",
      record: { kind: "User", name: `Rae Reviewer (${reviewer.email})`, href: null },
      changes: [{ field: "disabled at", before: null, after: "2025-01-05T10:00:00.000Z" }],
    });
  });

  it("shows only the fields that changed, and names a record that no longer exists", async () => {
    const { entries } = await listAuditEvents(admin, query());
    expect(entries.find((e) => e.action === "article.update_details")).toMatchObject({
      record: { kind: "Article", name: "Other article", href: `/articles/${other.id}` },
      changes: [{ field: "title", before: "Old title", after: "Other article" }],
    });
    expect(entries.find((e) => e.action === "claim.delete")).toMatchObject({
      record: { kind: "Claim", name: "a claim that no longer exists (deleted-claim-id)", href: null },
      changes: [
        { field: "article id", before: article.id, after: null },
        { field: "restatement", before: "A claim deleted since", after: null },
      ],
    });
  });

  it("filters by who", async () => {
    expect(await actions({ actor: editor.id })).toEqual(["article.update_details", "claim.approve", "article.import"]);
    expect(await actions({ actor: "nobody" })).toEqual([]);
  });

  it("filters by action", async () => {
    expect(await actions({ action: "claim.approve" })).toEqual(["claim.approve"]);
  });

  it("filters by article: its own events and its claims', deleted claims too", async () => {
    expect(await actions({ article: article.id })).toEqual(["claim.delete", "claim.approve", "claim.create", "article.import"]);
    expect(await actions({ article: other.id })).toEqual(["article.update_details"]);
  });

  it("filters by a date range of whole UTC days, both ends included", async () => {
    expect(await actions({ from: "2025-01-03", to: "2025-01-04" })).toEqual(["article.update_details", "claim.approve"]);
    expect(await actions({ from: "2025-01-05" })).toEqual(["claim.delete", "user.disable"]);
    expect(await actions({ to: "2025-01-01" })).toEqual(["article.import"]);
  });

  it("combines filters", async () => {
    expect(await actions({ actor: editor.id, article: article.id })).toEqual(["claim.approve", "article.import"]);
    expect(await actions({ actor: reviewer.id, article: article.id, from: "2025-01-03" })).toEqual(["claim.delete"]);
  });

  it("offers every user and article as filter choices", async () => {
    const choices = await auditFilterChoices(admin);
    expect(choices.users.map((u) => u.name)).toEqual(["Ada Admin", "Ed Editor", "Rae Reviewer"]);
    expect(choices.articles.map((a) => a.id).sort()).toEqual([article.id, other.id].sort());
  });

  it("pages the filtered log without repeating or skipping an event", async () => {
    await prisma.auditEvent.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 3 }, (_, i) => ({
        at: new Date(Date.UTC(2025, 1, 1, 0, i)),
        actorId: admin.id,
        action: "user.reset_password",
        entityType: "User",
        entityId: editor.id,
      })),
    });
    const page = (n: number) => listAuditEvents(admin, query({ action: "user.reset_password", page: String(n) }));
    const [first, second] = [await page(1), await page(2)];
    expect(first.total).toBe(AUDIT_PAGE_SIZE + 3);
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(second.entries).toHaveLength(3);
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(AUDIT_PAGE_SIZE + 3);
    // The log is append-only (a trigger refuses DELETE): this test comes last of those that count events.
  });
});

describe("the audit log's URL query", () => {
  it("leaves out what it cannot use, saying why, and applies the rest", () => {
    const { query: parsed, problems } = parseQuery(auditLogQuerySchema, {
      actor: "x".repeat(65),
      action: "claim.explode",
      article: "a1",
      from: "2025-02-30",
      page: "two",
    });
    expect(parsed).toEqual({ article: "a1", page: 1 });
    expect(problems).toEqual({
      actor: "Choose a user from the list.",
      action: "Choose an action from the list.",
      from: "Enter a real date (YYYY-MM-DD).",
      page: "A page is a whole number from 1.",
    });
  });

  it("refuses an end date before the start date, keeping the start", () => {
    expect(parseQuery(auditLogQuerySchema, { from: "2025-03-01", to: "2025-02-01" })).toEqual({
      query: { from: "2025-03-01", page: 1 },
      problems: { to: "The end date is before the start date." },
    });
    expect(parseQuery(auditLogQuerySchema, { from: "1200-01-01" }).problems).toEqual({ from: "Enter a date from the year 1600 to 2999." });
  });
});
