import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { assignClaims } from "@/lib/claims/organise";
import { assignArticle, listMyAssignments, listOpenAssignments } from "@/lib/assignments/data";
import { auditSince, lastAuditId, makeArticle, makeClaim, makeUser } from "@/lib/claims/test-fixtures";
import { databaseState as snapshot } from "@/test/db-snapshot";

/**
 * Assigning work: only editors assign an article (claims keep organise.ts's rules); a reviewer
 * lists their own assignments, an editor all open ones; both with the overdue first.
 */

useTestDatabase();

let reviewer: Actor;
let otherReviewer: Actor;
let editor: Actor;

beforeAll(async () => {
  [reviewer, otherReviewer, editor] = await Promise.all([makeUser("REVIEWER", "Rita Reviewer"), makeUser("REVIEWER", "Otto Other"), makeUser("EDITOR", "Elena Editor")]);
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("assigning an article", () => {
  it("is for editors only: a reviewer is refused and nothing is written", async () => {
    const article = await makeArticle(["Ferry Timetable", "Ferries will run every 20 minutes."]);
    const before = await snapshot();
    await expect(assignArticle(reviewer, { articleId: article.id, assigneeId: reviewer.id, dueOn: null })).rejects.toThrow(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });

  it("needs a person who can sign in and an article that is not retired", async () => {
    const article = await makeArticle(["Ferry Fares", "Fares rise by 5%."]);
    const retired = await makeArticle(["Old Ferry", "The old ferry is retired."], { retired: true });
    const gone = await makeUser("REVIEWER", "Gone Reviewer");
    await prisma.user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    const before = await snapshot();
    await expect(assignArticle(editor, { articleId: article.id, assigneeId: gone.id, dueOn: null })).rejects.toThrow(FieldError);
    await expect(assignArticle(editor, { articleId: retired.id, assigneeId: reviewer.id, dueOn: null })).rejects.toThrow(NotFoundError);
    expect(await snapshot()).toEqual(before);
  });

  it("is audited with the assignee and the due day before and after; assigning the same again writes nothing", async () => {
    const article = await makeArticle(["Ferry Crew", "The crew doubles next year."]);
    const mark = await lastAuditId();
    await assignArticle(editor, { articleId: article.id, assigneeId: reviewer.id, dueOn: day("2026-12-20") });
    await assignArticle(editor, { articleId: article.id, assigneeId: reviewer.id, dueOn: day("2026-12-20") });
    await assignArticle(editor, { articleId: article.id, assigneeId: null, dueOn: null });
    expect((await auditSince(mark)).map((e) => [e.action, e.entityId, e.before, e.after])).toEqual([
      ["article.assign", article.id, { assignee: null, dueOn: null }, { assignee: { id: reviewer.id, name: "Rita Reviewer" }, dueOn: "2026-12-20" }],
      ["article.assign", article.id, { assignee: { id: reviewer.id, name: "Rita Reviewer" }, dueOn: "2026-12-20" }, { assignee: null, dueOn: null }],
    ]);
  });
});

describe("the lists of assignments", () => {
  it("show a reviewer their own, an editor all open ones, by due day with the overdue first and approved claims left out", async () => {
    const late = await makeArticle(["Late Article", "Something late happened."]);
    const soon = await makeArticle(["Soon Article", "Something soon happens."]);
    const others = await makeArticle(["Other's Article", "Someone else checks this."]);
    await assignArticle(editor, { articleId: soon.id, assigneeId: reviewer.id, dueOn: day("2999-01-01") });
    await assignArticle(editor, { articleId: late.id, assigneeId: reviewer.id, dueOn: day("2020-01-01") });
    await assignArticle(editor, { articleId: others.id, assigneeId: otherReviewer.id, dueOn: null });
    const claim = await makeClaim(reviewer, soon, "happens");
    await assignClaims(editor, { claims: [{ id: claim.id, version: claim.version }], assigneeId: reviewer.id, dueOn: null });
    const approved = await makeClaim(reviewer, late, "late happened", { state: "APPROVED" });
    await prisma.claim.update({ where: { id: approved.id }, data: { assigneeId: reviewer.id } });

    expect((await listMyAssignments(reviewer)).map((a) => [a.kind, a.title, a.dueOn?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["article", "Late Article", "2020-01-01"],
      ["article", "Soon Article", "2999-01-01"],
      ["claim", "Claim: happens", null],
    ]);
    expect((await listMyAssignments(otherReviewer)).map((a) => a.title)).toEqual(["Other's Article"]);
    await expect(listOpenAssignments(reviewer)).rejects.toThrow(ForbiddenError);
    const all = await listOpenAssignments(editor);
    expect(all.map((a) => [a.title, a.assignee.name])).toEqual([
      ["Late Article", "Rita Reviewer"],
      ["Soon Article", "Rita Reviewer"],
      ["Other's Article", "Otto Other"],
      ["Claim: happens", "Rita Reviewer"],
    ]);
  });
});
