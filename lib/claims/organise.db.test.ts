import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { BulkRefusedError, FieldError } from "@/lib/errors";
import { getClaimDetail, updateClaim } from "@/lib/claims/data";
import { assignClaims, listAssignees, tagClaims } from "@/lib/claims/organise";
import { listClaimsForArticle } from "@/lib/claims/reads";
import { submitClaims } from "@/lib/workflow/data";
import { auditSince, lastAuditId, makeArticle, makeClaim, makeReadyDraft, makeUser, snapshot, type TestArticle } from "@/lib/claims/test-fixtures";

/**
 * Bulk actions and organising claims against a real database: "Submit my drafts" submits only
 * the actor's own drafts, every bulk action is all or nothing with one refusal per claim,
 * one audit event per claim changed, and versions read earlier are respected.
 */

useTestDatabase();

const CONFLICT = "Someone else changed this claim since you opened it. Their version is shown; review it and save again.";

let reviewer: Actor;
let otherReviewer: Actor;
let editor: Actor;
let article: TestArticle;

const LINES = [
  "Ferry Service Expands",
  "The operator said the new ferry line will create 2,000 jobs.",
  "Boats start sailing in spring and the line ends in 2027.",
  "The council called it the largest transport plan in decades.",
  "Opponents said the budget had doubled since 2019.",
];

beforeAll(async () => {
  [reviewer, otherReviewer, editor] = await Promise.all([
    makeUser("REVIEWER", "Rita Reviewer"),
    makeUser("REVIEWER", "Otto Other"),
    makeUser("EDITOR", "Elena Editor"),
  ]);
  article = await makeArticle(LINES);
});

beforeEach(async () => {
  await prisma.claim.deleteMany();
});

const readyDraft = (author: Actor, phrase: string) => makeReadyDraft(author, article, phrase);

async function refusalsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BulkRefusedError);
  return (error as BulkRefusedError).refusals;
}

describe("submitClaims (Submit my drafts)", () => {
  it("submits each of the actor's ready drafts, with one audit event each", async () => {
    const a = await readyDraft(reviewer, "create 2,000 jobs");
    const b = await readyDraft(reviewer, "ends in 2027");
    const since = await lastAuditId();

    const result = await submitClaims(reviewer, { claims: [a, b] });

    expect(result).toEqual({ changed: [{ id: a.id, version: a.version + 1 }, { id: b.id, version: b.version + 1 }], articleIds: [article.id] });
    const rows = await prisma.claim.findMany({ where: { id: { in: [a.id, b.id] } }, select: { state: true } });
    expect(rows.map((row) => row.state)).toEqual(["SUBMITTED", "SUBMITTED"]);
    const events = await auditSince(since);
    expect(events.map((e) => [e.action, e.entityId, e.actorId])).toEqual([
      ["claim.submit", a.id, reviewer.id],
      ["claim.submit", b.id, reviewer.id],
    ]);
  });

  it("refuses another reviewer's draft, an unready draft and a stale version, and then submits none", async () => {
    const mine = await readyDraft(reviewer, "create 2,000 jobs");
    const theirs = await readyDraft(otherReviewer, "ends in 2027");
    const unready = await makeClaim(reviewer, article, "largest transport plan");
    const stale = await readyDraft(reviewer, "budget had doubled");
    await updateClaim(reviewer, { claimId: stale.id, version: stale.version, restatement: "Changed elsewhere.", verdict: "FALSE", rationale: "r" });
    const before = await snapshot();

    const refusals = await refusalsOf(
      submitClaims(reviewer, { claims: [mine, theirs, { id: unready.id, version: unready.version }, stale] }),
    );

    expect(refusals).toEqual([
      { claimId: theirs.id, message: "Only your own drafts can be submitted together." },
      { claimId: unready.id, message: expect.stringMatching(/verdict/i) },
      { claimId: stale.id, message: CONFLICT },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("does not let an editor submit a reviewer's drafts in bulk", async () => {
    const draft = await readyDraft(reviewer, "create 2,000 jobs");
    expect(await refusalsOf(submitClaims(editor, { claims: [draft] }))).toEqual([
      { claimId: draft.id, message: "Only your own drafts can be submitted together." },
    ]);
  });
});

describe("assignClaims", () => {
  it("lets an editor assign claims to anyone, one audit event per claim changed, and lists them on the claims", async () => {
    const a = await makeClaim(reviewer, article, "create 2,000 jobs");
    const b = await makeClaim(otherReviewer, article, "ends in 2027", { state: "APPROVED" });
    await prisma.claim.update({ where: { id: b.id }, data: { assigneeId: otherReviewer.id } });
    const since = await lastAuditId();

    const result = await assignClaims(editor, {
      claims: [
        { id: a.id, version: a.version },
        { id: b.id, version: b.version },
      ],
      assigneeId: otherReviewer.id,
    });

    // b was already assigned to Otto: unchanged, no new version, no event.
    expect(result).toEqual({ changed: [{ id: a.id, version: a.version + 1 }], unchanged: 1, articleIds: [article.id] });
    const events = await auditSince(since);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "claim.assign",
      entityId: a.id,
      actorId: editor.id,
      before: { assignee: null, version: a.version },
      after: { assignee: { id: otherReviewer.id, name: "Otto Other" }, version: a.version + 1 },
    });
    const listed = await listClaimsForArticle(reviewer, article.id);
    expect(listed.map((claim) => claim.assignee?.name ?? null)).toEqual(["Otto Other", "Otto Other"]);
    const detail = await getClaimDetail(reviewer, a.id);
    expect(detail.history.at(-1)?.summary).toBe("Assigned to Otto Other");
  });

  it("lets a reviewer take their own draft but not give it to someone else, nor take another's claim", async () => {
    const mine = await makeClaim(reviewer, article, "create 2,000 jobs");
    const theirs = await makeClaim(otherReviewer, article, "ends in 2027");
    const before = await snapshot();

    expect(await refusalsOf(assignClaims(reviewer, { claims: [{ id: mine.id, version: mine.version }], assigneeId: otherReviewer.id }))).toEqual([
      { claimId: mine.id, message: "Reviewers can assign claims only to themselves." },
    ]);
    expect(
      await refusalsOf(
        assignClaims(reviewer, {
          claims: [
            { id: mine.id, version: mine.version },
            { id: theirs.id, version: theirs.version },
          ],
          assigneeId: reviewer.id,
        }),
      ),
    ).toEqual([{ claimId: theirs.id, message: "You can only assign your own claims while they are drafts or have changes requested." }]);
    expect(await snapshot()).toEqual(before);

    await assignClaims(reviewer, { claims: [{ id: mine.id, version: mine.version }], assigneeId: reviewer.id });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ assigneeId: reviewer.id, version: mine.version + 1 });
  });

  it("refuses an assignee who cannot sign in, with the field named, and writes nothing", async () => {
    const claim = await makeClaim(reviewer, article, "create 2,000 jobs");
    const gone = await makeUser("REVIEWER", "Gone User");
    await prisma.user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    const before = await snapshot();
    await expect(assignClaims(editor, { claims: [{ id: claim.id, version: claim.version }], assigneeId: gone.id })).rejects.toEqual(
      new FieldError("assigneeId", "Choose a person from the list."),
    );
    expect(await snapshot()).toEqual(before);
  });

  it("offers editors everyone who can sign in, and a reviewer only themselves", async () => {
    expect(await listAssignees(reviewer)).toEqual([{ id: reviewer.id, name: "Rita Reviewer" }]);
    expect((await listAssignees(editor)).map((user) => user.name)).toEqual(expect.arrayContaining(["Elena Editor", "Otto Other", "Rita Reviewer"]));
  });
});

describe("tagClaims", () => {
  it("adds tags case-insensitively to each claim, keeps each tag once, and removes them", async () => {
    const a = await makeClaim(reviewer, article, "create 2,000 jobs");
    await prisma.claim.update({ where: { id: a.id }, data: { tags: ["jobs"] } });
    const since = await lastAuditId();

    const added = await tagClaims(reviewer, { claims: [{ id: a.id, version: a.version }], tags: ["jobs", "economy"], mode: "add" });
    expect(added.changed).toEqual([{ id: a.id, version: a.version + 1 }]);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: a.id } })).tags).toEqual(["jobs", "economy"]);

    await tagClaims(reviewer, { claims: [{ id: a.id, version: a.version + 1 }], tags: ["jobs"], mode: "remove" });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: a.id } })).tags).toEqual(["economy"]);

    const events = await auditSince(since);
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ["claim.tag", { tags: ["jobs"], version: a.version }, { tags: ["jobs", "economy"], version: a.version + 1 }],
      ["claim.tag", { tags: ["jobs", "economy"], version: a.version + 1 }, { tags: ["economy"], version: a.version + 2 }],
    ]);
    const detail = await getClaimDetail(reviewer, a.id);
    expect(detail.history.slice(-2).map((entry) => entry.summary)).toEqual(["Tags: jobs → jobs, economy", "Tags: jobs, economy → economy"]);
  });

  it("is all or nothing: a reviewer's bulk tag including a submitted claim tags none", async () => {
    const draft = await makeClaim(reviewer, article, "create 2,000 jobs");
    const submitted = await makeClaim(reviewer, article, "ends in 2027", { state: "SUBMITTED" });
    const before = await snapshot();
    expect(
      await refusalsOf(
        tagClaims(reviewer, {
          claims: [
            { id: draft.id, version: draft.version },
            { id: submitted.id, version: submitted.version },
          ],
          tags: ["economy"],
          mode: "add",
        }),
      ),
    ).toEqual([{ claimId: submitted.id, message: "You can only tag your own claims while they are drafts or have changes requested." }]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a version read before another change, with the conflict message", async () => {
    const claim = await makeClaim(reviewer, article, "create 2,000 jobs");
    await tagClaims(editor, { claims: [{ id: claim.id, version: claim.version }], tags: ["first"], mode: "set" });
    expect(await refusalsOf(tagClaims(reviewer, { claims: [{ id: claim.id, version: claim.version }], tags: ["second"], mode: "set" }))).toEqual([
      { claimId: claim.id, message: CONFLICT },
    ]);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).tags).toEqual(["first"]);
  });

  it("refuses a claim the actor cannot see as not found", async () => {
    const retired = await makeArticle(["Old News", "Something happened in 1999."], { retired: true });
    const hidden = await makeClaim(editor, retired, "happened in 1999");
    expect(await refusalsOf(tagClaims(reviewer, { claims: [{ id: hidden.id, version: hidden.version }], tags: ["x"], mode: "add" }))).toEqual([
      { claimId: hidden.id, message: "That claim was not found." },
    ]);
  });
});
