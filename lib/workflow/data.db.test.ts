import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import { addEvidence, deleteClaim, getClaimDetail, removeEvidence, updateClaim } from "@/lib/claims/data";
import type { ClaimConflict } from "@/lib/claims/types";
import { auditSince, lastAuditId, makeArticle, makeClaim, makeUser, snapshot, type TestArticle } from "@/lib/claims/test-fixtures";
import { listMyWork, listQueue, queueFilterChoices, transitionClaim } from "@/lib/workflow/data";
import type { WorkflowAction } from "@/lib/workflow/rules";

/**
 * The editorial workflow against a real database: transitions, what they store and audit,
 * refusals that write nothing, the four-eyes rule, conflicts, the lock on approved claims,
 * and the editors' queue and the reviewer's own work.
 */

useTestDatabase();

const CONFLICT = "Someone else changed this claim since you opened it. Their version is shown; review it and save again.";
const FOUR_EYES = "You proposed this verdict, so another editor must approve it (four-eyes rule).";

let reviewer: Actor;
let otherReviewer: Actor;
let editorA: Actor;
let editorB: Actor;
let admin: Actor;
let article: TestArticle;

const LINES = [
  "Harbour Plan Approved",
  "The port authority said the new harbour will create 2,000 jobs.",
  "Construction starts next spring and ends in 2027.",
  "The mayor called it the largest investment in the city's history.",
  "Critics said the budget had doubled since 2019.",
];

beforeAll(async () => {
  [reviewer, otherReviewer, editorA, editorB, admin] = await Promise.all([
    makeUser("REVIEWER", "Rita Reviewer"),
    makeUser("REVIEWER", "Otto Other"),
    makeUser("EDITOR", "Elena Editor"),
    makeUser("EDITOR", "Ben Editor"),
    makeUser("ADMIN", "Adam Admin"),
  ]);
  article = await makeArticle(LINES);
});

/** A new article with claims made by `make` while it was live, then retired (reviewers cannot mark retired articles). */
async function retiredArticleWith<T>(make: (on: TestArticle) => Promise<T>) {
  const on = await makeArticle(["Retired Article", ...LINES.slice(1)]);
  const made = await make(on);
  await prisma.article.update({ where: { id: on.id }, data: { retiredAt: new Date() } });
  return { article: on, made };
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error("Expected the call to be refused, but it succeeded.");
  return error as Error;
}

function externalEvidence(claimId: string, version: number, title = "Independent jobs study") {
  return {
    kind: "EXTERNAL" as const,
    claimId,
    version,
    stance: "CONTRADICTS" as const,
    url: "https://example.org/study",
    title,
    excerpt: "About 600 jobs are expected.",
    accessedAt: "2025-01-15",
  };
}

/** A draft by `author` with a verdict, a rationale and one evidence item: ready to submit (version 2). */
async function readyDraft(author: Actor, phrase: string, on: TestArticle = article) {
  const claim = await makeClaim(author, on, phrase, { verdict: "MOSTLY_FALSE", rationale: "The study expects 600 jobs." });
  const { version } = await addEvidence(author, externalEvidence(claim.id, claim.version));
  return { id: claim.id, version };
}

/** A claim moved to `state` through the real workflow; returns its id and current version. */
async function claimIn(state: ClaimState, phrase: string, on: TestArticle = article) {
  const claim = await readyDraft(reviewer, phrase, on);
  let version = claim.version;
  const step = async (action: WorkflowAction, actor: Actor, note?: string) => {
    version = await transitionClaim(actor, { claimId: claim.id, version, action, note: note ?? null });
  };
  if (state === "DRAFT") return { id: claim.id, version };
  await step("submit", reviewer);
  if (state === "CHANGES_REQUESTED") await step("request_changes", editorA, "Cite the study's own figure.");
  if (state === "APPROVED") await step("approve", editorA);
  return { id: claim.id, version };
}

function row(id: string) {
  return prisma.claim.findUniqueOrThrow({ where: { id } });
}

async function expectNothingWritten(run: () => Promise<unknown>) {
  const before = await snapshot();
  const error = await rejection(run());
  expect(await snapshot()).toEqual(before);
  return error;
}

describe("the full loop", () => {
  it("drafts, submits, gets changes requested, is edited, resubmitted, approved, reopened and approved again", async () => {
    const { id, version: draftVersion } = await readyDraft(reviewer, "create 2,000 jobs");
    expect(draftVersion).toBe(2);
    const start = await lastAuditId();

    // Submit (the author).
    const t0 = Date.now();
    expect(await transitionClaim(reviewer, { claimId: id, version: 2, action: "submit", note: null })).toBe(3);
    let claim = await row(id);
    expect(claim).toMatchObject({ state: "SUBMITTED", version: 3, approvedAt: null, approvedById: null, reviewNote: null });
    expect(claim.submittedAt).toBeInstanceOf(Date);
    expect(claim.submittedAt!.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
    const firstSubmittedAt = claim.submittedAt!;

    // Request changes (an editor) with a note the reviewer sees.
    const note = "Cite the study's own figure, not the press release.";
    expect(await transitionClaim(editorA, { claimId: id, version: 3, action: "request_changes", note })).toBe(4);
    claim = await row(id);
    expect(claim).toMatchObject({ state: "CHANGES_REQUESTED", version: 4, reviewNote: note, approvedAt: null });
    const seen = await getClaimDetail(reviewer, id);
    expect(seen).toMatchObject({ state: "CHANGES_REQUESTED", reviewNote: note, version: 4 });
    expect(seen.permissions).toMatchObject({ canEdit: true, canAddEvidence: true, canDelete: true });
    expect((await listMyWork(reviewer)).changesRequested).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, reviewNote: note, state: "CHANGES_REQUESTED" })]),
    );

    // The author edits and resubmits.
    expect(
      await updateClaim(reviewer, {
        claimId: id,
        version: 4,
        restatement: "The harbour will create 2,000 jobs.",
        verdict: "MOSTLY_FALSE",
        rationale: "The independent study expects about 600 jobs.",
      }),
    ).toBe(5);
    expect(await transitionClaim(reviewer, { claimId: id, version: 5, action: "submit", note: null })).toBe(6);
    claim = await row(id);
    expect(claim).toMatchObject({ state: "SUBMITTED", version: 6 });
    expect(claim.submittedAt!.getTime()).toBeGreaterThanOrEqual(firstSubmittedAt.getTime());
    // The editor's request stays with the claim until it is approved, so the queue shows what was asked.
    expect(claim.reviewNote).toBe(note);

    // Approve (an editor who did not propose the verdict).
    expect(await transitionClaim(editorB, { claimId: id, version: 6, action: "approve", note: null })).toBe(7);
    claim = await row(id);
    expect(claim).toMatchObject({ state: "APPROVED", version: 7, approvedById: editorB.id, reviewNote: null, verdictProposedById: reviewer.id });
    expect(claim.approvedAt).toBeInstanceOf(Date);
    expect(claim.approvedAt!.getTime()).toBeGreaterThanOrEqual(claim.submittedAt!.getTime());
    expect((await getClaimDetail(reviewer, id)).approvedBy).toEqual({ id: editorB.id, name: editorB.name });

    // Reopen with a note.
    const reason = "A newer study revises the estimate.";
    expect(await transitionClaim(editorA, { claimId: id, version: 7, action: "reopen", note: reason })).toBe(8);
    claim = await row(id);
    expect(claim).toMatchObject({ state: "SUBMITTED", version: 8, reviewNote: reason, approvedAt: null, approvedById: null });
    expect(claim.submittedAt!.getTime()).toBeGreaterThanOrEqual(firstSubmittedAt.getTime());
    expect((await getClaimDetail(reviewer, id)).reviewNote).toBe(reason);

    // Approve again.
    expect(await transitionClaim(editorA, { claimId: id, version: 8, action: "approve", note: null })).toBe(9);
    claim = await row(id);
    expect(claim).toMatchObject({ state: "APPROVED", version: 9, approvedById: editorA.id, reviewNote: null });

    // One audit event per step, each with the state and version before and after.
    const events = await auditSince(start);
    expect(events.map((e) => [e.action, e.actorId, e.entityType, e.entityId])).toEqual([
      ["claim.submit", reviewer.id, "Claim", id],
      ["claim.request_changes", editorA.id, "Claim", id],
      ["claim.update", reviewer.id, "Claim", id],
      ["claim.submit", reviewer.id, "Claim", id],
      ["claim.approve", editorB.id, "Claim", id],
      ["claim.reopen", editorA.id, "Claim", id],
      ["claim.approve", editorA.id, "Claim", id],
    ]);
    const workflow = events.filter((e) => e.action !== "claim.update");
    expect(workflow.map((e) => [e.before, e.after])).toEqual([
      [
        { state: "DRAFT", version: 2, reviewNote: null },
        { state: "SUBMITTED", version: 3, reviewNote: null },
      ],
      [
        { state: "SUBMITTED", version: 3, reviewNote: null },
        { state: "CHANGES_REQUESTED", version: 4, reviewNote: note },
      ],
      [
        { state: "CHANGES_REQUESTED", version: 5, reviewNote: note },
        { state: "SUBMITTED", version: 6, reviewNote: note },
      ],
      [
        { state: "SUBMITTED", version: 6, reviewNote: note },
        { state: "APPROVED", version: 7, reviewNote: null },
      ],
      [
        { state: "APPROVED", version: 7, reviewNote: null },
        { state: "SUBMITTED", version: 8, reviewNote: reason },
      ],
      [
        { state: "SUBMITTED", version: 8, reviewNote: reason },
        { state: "APPROVED", version: 9, reviewNote: null },
      ],
    ]);

    // The history reads as sentences.
    const history = (await getClaimDetail(reviewer, id)).history;
    expect(history.map((h) => h.action)).toEqual([
      "claim.create",
      "evidence.add",
      "claim.submit",
      "claim.request_changes",
      "claim.update",
      "claim.submit",
      "claim.approve",
      "claim.reopen",
      "claim.approve",
    ]);
    expect(history.slice(2).map((h) => h.summary)).toEqual([
      "Submitted for review (state: Draft → Submitted)",
      "Requested changes (state: Submitted → Changes requested; note: “Cite the study's own figure, not the press release.”)",
      "Restated claim changed; rationale changed",
      "Submitted for review (state: Changes requested → Submitted)",
      "Approved (state: Submitted → Approved)",
      "Reopened (state: Approved → Submitted; note: “A newer study revises the estimate.”)",
      "Approved (state: Submitted → Approved)",
    ]);
    expect(history.slice(2).map((h) => h.actor?.name)).toEqual([
      reviewer.name,
      editorA.name,
      reviewer.name,
      reviewer.name,
      editorB.name,
      editorA.name,
      editorA.name,
    ]);
  });

  it("lets an admin take the editor's steps", async () => {
    const { id, version } = await claimIn("SUBMITTED", "the largest investment");
    const v1 = await transitionClaim(admin, { claimId: id, version, action: "request_changes", note: "Add the budget figure." });
    const v2 = await transitionClaim(reviewer, { claimId: id, version: v1, action: "submit", note: null });
    const v3 = await transitionClaim(admin, { claimId: id, version: v2, action: "approve", note: null });
    const v4 = await transitionClaim(admin, { claimId: id, version: v3, action: "reopen", note: "Recheck." });
    expect([v1, v2, v3, v4]).toEqual([version + 1, version + 2, version + 3, version + 4]);
    expect(await row(id)).toMatchObject({ state: "SUBMITTED", reviewNote: "Recheck." });
  });

  it("lets an editor submit a reviewer's draft", async () => {
    const { id, version } = await readyDraft(reviewer, "ends in 2027");
    expect(await transitionClaim(editorA, { claimId: id, version, action: "submit", note: null })).toBe(version + 1);
    expect(await row(id)).toMatchObject({ state: "SUBMITTED" });
  });
});

describe("refusals write nothing", () => {
  it("refuses every transition not in the workflow", async () => {
    const claims = {
      DRAFT: await claimIn("DRAFT", "Construction starts next spring"),
      SUBMITTED: await claimIn("SUBMITTED", "Construction starts next spring"),
      CHANGES_REQUESTED: await claimIn("CHANGES_REQUESTED", "Construction starts next spring"),
      APPROVED: await claimIn("APPROVED", "Construction starts next spring"),
    };
    const legal = new Set(["DRAFT:submit", "CHANGES_REQUESTED:submit", "SUBMITTED:approve", "SUBMITTED:request_changes", "APPROVED:reopen"]);
    let refused = 0;
    for (const [state, { id, version }] of Object.entries(claims)) {
      for (const action of ["submit", "approve", "request_changes", "reopen"] as const) {
        if (legal.has(`${state}:${action}`)) continue;
        // An admin, with a note: only the state stands in the way.
        const error = await expectNothingWritten(() => transitionClaim(admin, { claimId: id, version, action, note: "A note." }));
        expect(error).toBeInstanceOf(ForbiddenError);
        expect(error.message).toMatch(/^This claim (is|has) /);
        refused += 1;
      }
    }
    expect(refused).toBe(11);
  });

  it.each([
    ["no verdict", { verdict: null }, "Before submitting, add a verdict."],
    ["no rationale", { rationale: null }, "Before submitting, add a rationale."],
  ] as const)("refuses to submit a claim with %s, saying what is missing", async (_label, overrides, message) => {
    const claim = await makeClaim(reviewer, article, "the budget had doubled", {
      verdict: "FALSE",
      rationale: "It rose by a third.",
      ...overrides,
    });
    const { version } = await addEvidence(reviewer, externalEvidence(claim.id, 1));
    const error = await expectNothingWritten(() => transitionClaim(reviewer, { claimId: claim.id, version, action: "submit", note: null }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toBe(message);
  });

  it("refuses to submit a claim with nothing but its text, naming all three missing items", async () => {
    const claim = await makeClaim(reviewer, article, "since 2019");
    const error = await expectNothingWritten(() => transitionClaim(reviewer, { claimId: claim.id, version: 1, action: "submit", note: null }));
    expect(error.message).toBe("Before submitting, add a verdict, a rationale and at least one evidence item.");
  });

  it("refuses to submit once the only evidence item is removed", async () => {
    const { id, version } = await readyDraft(reviewer, "The port authority said");
    const evidence = await prisma.evidence.findFirstOrThrow({ where: { claimId: id } });
    const { version: v } = await removeEvidence(reviewer, { evidenceId: evidence.id, version });
    const error = await expectNothingWritten(() => transitionClaim(reviewer, { claimId: id, version: v, action: "submit", note: null }));
    expect(error.message).toBe("Before submitting, add at least one evidence item.");
  });

  it("refuses reviewers the editor's steps and other reviewers the author's", async () => {
    const draft = await claimIn("DRAFT", "The mayor called it");
    const submitted = await claimIn("SUBMITTED", "The mayor called it");
    const approved = await claimIn("APPROVED", "The mayor called it");
    const cases: Array<[Actor, { id: string; version: number }, WorkflowAction, string]> = [
      [otherReviewer, draft, "submit", "Only the claim's author or an editor can submit it."],
      [reviewer, submitted, "approve", "Only editors can approve, request changes or reopen claims."],
      [otherReviewer, submitted, "approve", "Only editors can approve, request changes or reopen claims."],
      [reviewer, submitted, "request_changes", "Only editors can approve, request changes or reopen claims."],
      [reviewer, approved, "reopen", "Only editors can approve, request changes or reopen claims."],
    ];
    for (const [actor, { id, version }, action, message] of cases) {
      const error = await expectNothingWritten(() => transitionClaim(actor, { claimId: id, version, action, note: "Because." }));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.message).toBe(message);
    }
  });

  it.each([
    ["request_changes", "SUBMITTED", "Say what should change."],
    ["reopen", "APPROVED", "Say why the claim is reopened."],
  ] as const)("refuses %s without a note, on the note field", async (action, state, message) => {
    const { id, version } = await claimIn(state, "will create 2,000 jobs");
    for (const note of [null, ""]) {
      const error = await expectNothingWritten(() => transitionClaim(editorB, { claimId: id, version, action, note }));
      expect(error).toBeInstanceOf(FieldError);
      expect(error).toMatchObject({ field: "note", message });
    }
  });

  it("reports an unknown claim, and a claim on a retired article to a reviewer, as not found", async () => {
    const { made: onRetired } = await retiredArticleWith((on) => claimIn("DRAFT", "will create 2,000 jobs", on));
    await expect(transitionClaim(editorA, { claimId: "no-such-claim", version: 1, action: "approve", note: null })).rejects.toThrow(
      NotFoundError,
    );
    const error = await expectNothingWritten(() =>
      transitionClaim(reviewer, { claimId: onRetired.id, version: onRetired.version, action: "submit", note: null }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
  });
});

describe("the four-eyes rule", () => {
  it("stops an editor who changed a submitted claim's verdict from approving it; another editor can", async () => {
    const { id, version } = await claimIn("SUBMITTED", "Critics said the budget");
    const v = await updateClaim(editorA, {
      claimId: id,
      version,
      restatement: "The budget doubled since 2019.",
      note: "The budget figures say otherwise.",
      verdict: "MISLEADING",
      rationale: "The study expects 600 jobs.",
    });
    expect(await row(id)).toMatchObject({ verdictProposedById: editorA.id, state: "SUBMITTED", version: v });

    const error = await expectNothingWritten(() => transitionClaim(editorA, { claimId: id, version: v, action: "approve", note: null }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toBe(FOUR_EYES);
    // listQueue marks it so the queue can say why.
    expect((await listQueue(editorA, { articleId: article.id })).find((c) => c.id === id)?.proposedByMe).toBe(true);
    expect((await listQueue(editorB, { articleId: article.id })).find((c) => c.id === id)?.proposedByMe).toBe(false);

    // Another editor may approve it.
    expect(await transitionClaim(editorB, { claimId: id, version: v, action: "approve", note: null })).toBe(v + 1);
    expect(await row(id)).toMatchObject({ state: "APPROVED", approvedById: editorB.id, verdictProposedById: editorA.id });
  });

  it("compares with whoever proposed the current verdict, and with whoever last edited", async () => {
    const { id, version } = await claimIn("SUBMITTED", "Construction starts next spring and ends");
    // Editor A only rewrites the rationale: the verdict is still the reviewer's, but the published text is editor A's.
    const v = await updateClaim(editorA, {
      claimId: id,
      version,
      restatement: "Construction starts next spring.",
      verdict: "MOSTLY_FALSE",
      rationale: "A clearer rationale.",
    });
    expect(await row(id)).toMatchObject({ verdictProposedById: reviewer.id, contentChangedById: editorA.id });
    await expect(transitionClaim(editorA, { claimId: id, version: v, action: "approve", note: null })).rejects.toThrow("You made the latest change");
    expect(await transitionClaim(editorB, { claimId: id, version: v, action: "approve", note: null })).toBe(v + 1);
  });

  it("lets the proposer request changes on their own verdict", async () => {
    const { id, version } = await claimIn("SUBMITTED", "the new harbour");
    const v = await updateClaim(editorA, { claimId: id, version, restatement: "The new harbour.", verdict: "TRUE", rationale: "Checked.", note: "Checked." });
    expect(await transitionClaim(editorA, { claimId: id, version: v, action: "request_changes", note: "Over to you." })).toBe(v + 1);
  });
});

describe("approving a claim changed during review", () => {
  it("refuses to approve a submitted claim an editor made Unrated, for every editor, until it has a verdict again", async () => {
    const { id, version } = await claimIn("SUBMITTED", "Construction starts next spring and");
    const cleared = await updateClaim(editorA, {
      claimId: id,
      version,
      restatement: "Construction starts next spring.",
      verdict: null,
      rationale: "The study expects 600 jobs.",
      note: "Not rateable yet.",
    });
    expect(await row(id)).toMatchObject({ verdict: null, verdictProposedById: null, state: "SUBMITTED" });
    for (const actor of [editorA, editorB, admin]) {
      const error = await expectNothingWritten(() => transitionClaim(actor, { claimId: id, version: cleared, action: "approve", note: null }));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.message).toBe("Before approving, add a verdict.");
    }
    // Setting a verdict again makes editor A its proposer: another editor approves.
    const rated = await updateClaim(editorA, {
      claimId: id,
      version: cleared,
      restatement: "Construction starts next spring.",
      verdict: "TRUE",
      rationale: "The study expects 600 jobs.",
    });
    await expect(transitionClaim(editorA, { claimId: id, version: rated, action: "approve", note: null })).rejects.toThrow(FOUR_EYES);
    expect(await transitionClaim(editorB, { claimId: id, version: rated, action: "approve", note: null })).toBe(rated + 1);
  });

  it("refuses to approve a submitted claim whose last evidence item an editor removed", async () => {
    const { id, version } = await claimIn("SUBMITTED", "Construction starts next");
    const evidence = await prisma.evidence.findFirstOrThrow({ where: { claimId: id } });
    const { version: v } = await removeEvidence(editorA, { evidenceId: evidence.id, version });
    const error = await expectNothingWritten(() => transitionClaim(editorB, { claimId: id, version: v, action: "approve", note: null }));
    expect(error.message).toBe("Before approving, add at least one evidence item.");
    // It can still be sent back to its author.
    expect(await transitionClaim(editorB, { claimId: id, version: v, action: "request_changes", note: "Add evidence." })).toBe(v + 1);
  });
});

describe("conflicts", () => {
  it("refuses to approve a claim edited after the editor opened it, with the current values", async () => {
    const { id, version: opened } = await claimIn("SUBMITTED", "the largest investment in the city");
    const v = await updateClaim(editorB, {
      claimId: id,
      version: opened,
      restatement: "The largest investment ever.",
      verdict: "MOSTLY_FALSE",
      rationale: "Ben's rationale.",
    });
    const error = await expectNothingWritten(() => transitionClaim(editorA, { claimId: id, version: opened, action: "approve", note: null }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(CONFLICT);
    expect((error as ConflictError).current).toMatchObject({
      version: v,
      restatement: "The largest investment ever.",
      rationale: "Ben's rationale.",
      verdict: "MOSTLY_FALSE",
      state: "SUBMITTED",
      updatedBy: { id: editorB.id, name: editorB.name },
    } satisfies Partial<ClaimConflict>);
    // With the version they now see, the approval goes through.
    expect(await transitionClaim(editorA, { claimId: id, version: v, action: "approve", note: null })).toBe(v + 1);
  });

  it("refuses every transition with a stale version, even a newer one", async () => {
    const { id, version } = await claimIn("SUBMITTED", "said the budget had doubled");
    for (const stale of [version - 1, version + 1]) {
      const error = await expectNothingWritten(() =>
        transitionClaim(editorA, { claimId: id, version: stale, action: "request_changes", note: "Please fix." }),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).current).toMatchObject({ version, state: "SUBMITTED" });
    }
  });

  it("refuses a second editor's approval of the same version", async () => {
    const { id, version } = await claimIn("SUBMITTED", "2,000 jobs");
    await transitionClaim(editorA, { claimId: id, version, action: "approve", note: null });
    const error = await expectNothingWritten(() => transitionClaim(editorB, { claimId: id, version, action: "approve", note: null }));
    // The claim is approved by now: the state is what the second editor is told about.
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toBe("This claim is approved; only submitted claims can be approved.");
  });
});

describe("approved claims are locked until reopened", () => {
  it("refuses everyone edits, deletion and evidence changes on an approved claim; reopening unlocks it for editors", async () => {
    const { id, version } = await claimIn("APPROVED", "Construction starts");
    const evidence = await prisma.evidence.findFirstOrThrow({ where: { claimId: id } });
    const edit = { claimId: id, version, restatement: "Changed.", verdict: "TRUE" as const, rationale: "Changed." };

    for (const actor of [reviewer, otherReviewer, editorA, editorB, admin]) {
      const attempts: Array<() => Promise<unknown>> = [
        () => updateClaim(actor, edit),
        () => deleteClaim(actor, { claimId: id, version }),
        () => addEvidence(actor, externalEvidence(id, version, "Another source")),
        () => removeEvidence(actor, { evidenceId: evidence.id, version }),
      ];
      for (const attempt of attempts) {
        const error = await expectNothingWritten(attempt);
        expect(error).toBeInstanceOf(ForbiddenError);
        if (actor.role !== "REVIEWER") expect(error.message).toMatch(/^This claim is approved: reopen it before /);
      }
    }
    expect(await row(id)).toMatchObject({ state: "APPROVED", version });

    const reopened = await transitionClaim(editorA, { claimId: id, version, action: "reopen", note: "Needs a second look." });
    const edited = await updateClaim(editorB, { ...edit, version: reopened, note: "A second look." });
    expect(await row(id)).toMatchObject({ state: "SUBMITTED", verdict: "TRUE", version: edited, verdictProposedById: editorB.id });
    // The author still waits for an editor: a submitted claim is not theirs to edit.
    await expect(updateClaim(reviewer, { ...edit, version: edited, restatement: "Mine." })).rejects.toThrow(ForbiddenError);
  });
});

describe("listQueue", () => {
  let queueArticle: TestArticle;
  let other: TestArticle;
  let retired: TestArticle;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    queueArticle = await makeArticle(["Queue Article", ...LINES.slice(1)]);
    other = await makeArticle(["Other Article", ...LINES.slice(1)]);
    const make = async (key: string, state: ClaimState, phrase: string, on: TestArticle, author = reviewer) => {
      const claim = await readyDraft(author, phrase, on);
      let version = claim.version;
      if (state !== "DRAFT") version = await transitionClaim(author, { claimId: claim.id, version, action: "submit", note: null });
      if (state === "APPROVED") version = await transitionClaim(editorA, { claimId: claim.id, version, action: "approve", note: null });
      if (state === "CHANGES_REQUESTED") {
        version = await transitionClaim(editorA, { claimId: claim.id, version, action: "request_changes", note: "More." });
      }
      ids[key] = claim.id;
      return { id: claim.id, version };
    };
    await make("draft", "DRAFT", "2,000 jobs", queueArticle);
    await make("approved", "APPROVED", "2,000 jobs", queueArticle);
    await make("changes", "CHANGES_REQUESTED", "2,000 jobs", queueArticle);
    await make("newest", "SUBMITTED", "the new harbour", queueArticle);
    await make("oldest", "SUBMITTED", "Construction starts", queueArticle);
    const unrated = await make("unrated", "SUBMITTED", "The mayor called it", queueArticle, otherReviewer);
    await make("middle", "SUBMITTED", "since 2019", other);
    ({ article: retired } = await retiredArticleWith((on) => make("retired", "SUBMITTED", "since 2019", on)));
    // An editor clears the verdict of a submitted claim: it is in the queue as Unrated.
    await updateClaim(editorB, {
      claimId: unrated.id,
      version: unrated.version,
      restatement: "Claim: The mayor called it",
      note: "Not rateable yet.",
      verdict: null,
      rationale: "The study expects 600 jobs.",
    });
    // Submission times fixed so the order is known: oldest, middle, unrated, newest.
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await prisma.claim.update({ where: { id: ids.oldest }, data: { submittedAt: at(300) } });
    await prisma.claim.update({ where: { id: ids.middle }, data: { submittedAt: at(200) } });
    await prisma.claim.update({ where: { id: ids.unrated }, data: { submittedAt: at(150) } });
    await prisma.claim.update({ where: { id: ids.newest }, data: { submittedAt: at(100) } });
    await prisma.claim.update({ where: { id: ids.retired }, data: { submittedAt: at(400) } });
  });

  it("is for editors and admins only", async () => {
    for (const actor of [reviewer, otherReviewer]) {
      await expect(listQueue(actor)).rejects.toThrow(new ForbiddenError("Only editors may do that."));
    }
    await expect(listQueue(editorA)).resolves.toEqual(expect.any(Array));
    await expect(listQueue(admin)).resolves.toEqual(expect.any(Array));
  });

  it("holds only submitted claims on live articles, oldest submission first", async () => {
    const queue = await listQueue(editorA);
    expect(queue.every((c) => c.submittedAt !== null)).toBe(true);
    const states = await prisma.claim.findMany({ where: { id: { in: queue.map((c) => c.id) } }, select: { state: true, articleId: true } });
    expect(states.every((c) => c.state === "SUBMITTED" && c.articleId !== retired.id)).toBe(true);
    expect(queue).toHaveLength(await prisma.claim.count({ where: { state: "SUBMITTED", article: { retiredAt: null } } }));
    const times = queue.map((c) => c.submittedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const mine = queue.map((c) => c.id).filter((id) => Object.values(ids).includes(id));
    expect(mine).toEqual([ids.oldest, ids.middle, ids.unrated, ids.newest]);
  });

  it("filters by article, verdict (including Unrated) and reviewer", async () => {
    const idsOf = async (filters: Parameters<typeof listQueue>[1]) => (await listQueue(editorA, filters)).map((c) => c.id);
    expect(await idsOf({ articleId: queueArticle.id })).toEqual([ids.oldest, ids.unrated, ids.newest]);
    expect(await idsOf({ articleId: other.id })).toEqual([ids.middle]);
    expect(await idsOf({ articleId: retired.id })).toEqual([]);
    expect(await idsOf({ articleId: queueArticle.id, verdict: "UNRATED" })).toEqual([ids.unrated]);
    expect(await idsOf({ articleId: queueArticle.id, verdict: "MOSTLY_FALSE" })).toEqual([ids.oldest, ids.newest]);
    expect(await idsOf({ articleId: queueArticle.id, verdict: "TRUE" })).toEqual([]);
    expect(await idsOf({ articleId: queueArticle.id, authorId: otherReviewer.id })).toEqual([ids.unrated]);
    expect(await idsOf({ articleId: queueArticle.id, authorId: reviewer.id, verdict: "MOSTLY_FALSE" })).toEqual([
      ids.oldest,
      ids.newest,
    ]);
    const unrated = (await listQueue(editorA, { verdict: "UNRATED" })).map((c) => c.id);
    expect(unrated).toContain(ids.unrated);
    expect(unrated).not.toContain(ids.oldest);
  });

  it("filters by tag, offering the tags of the claims in the queue", async () => {
    await prisma.claim.update({ where: { id: ids.oldest }, data: { tags: ["economy", "harbour"] } });
    await prisma.claim.update({ where: { id: ids.newest }, data: { tags: ["economy"] } });
    await prisma.claim.update({ where: { id: ids.retired }, data: { tags: ["retired-only"] } });
    try {
      expect((await listQueue(editorA, { tag: "economy" })).map((c) => c.id)).toEqual([ids.oldest, ids.newest]);
      expect((await listQueue(editorA, { tag: "harbour", articleId: queueArticle.id })).map((c) => c.id)).toEqual([ids.oldest]);
      expect(await listQueue(editorA, { tag: "retired-only" })).toEqual([]);
      const { tags } = await queueFilterChoices(editorA);
      expect(tags).toEqual(expect.arrayContaining(["economy", "harbour"]));
      expect(tags).not.toContain("retired-only");
      expect((await queueFilterChoices(editorA, { tag: "gone" })).tags).toContain("gone");
    } finally {
      await prisma.claim.updateMany({ where: { id: { in: [ids.oldest, ids.newest, ids.retired] } }, data: { tags: [] } });
    }
  });

  it("offers as filters only the articles and reviewers that have claims in the queue", async () => {
    // A reviewer whose only submitted claim is on a retired article is not in the queue, so not a choice.
    const retiredOnly = await makeUser("REVIEWER", "Rhea Retired-Only");
    await retiredArticleWith(async (on) => {
      const c = await readyDraft(retiredOnly, "since 2019", on);
      return transitionClaim(retiredOnly, { claimId: c.id, version: c.version, action: "submit", note: null });
    });
    const choices = await queueFilterChoices(editorA);
    expect(choices.articles.map((a) => a.id)).toEqual(expect.arrayContaining([queueArticle.id, other.id]));
    expect(choices.articles.map((a) => a.id)).not.toContain(retired.id);
    expect(choices.authors.map((a) => a.id)).toEqual(expect.arrayContaining([reviewer.id, otherReviewer.id]));
    expect(choices.authors.map((a) => a.id)).not.toContain(retiredOnly.id);
    // Every choice finds something in the queue.
    for (const { id } of choices.articles) expect((await listQueue(editorA, { articleId: id })).length).toBeGreaterThan(0);
    for (const { id } of choices.authors) expect((await listQueue(editorA, { authorId: id })).length).toBeGreaterThan(0);
    await expect(queueFilterChoices(reviewer)).rejects.toThrow(ForbiddenError);
  });

  it("keeps the chosen article and reviewer among the choices once nothing of theirs is left in the queue", async () => {
    const quiet = await makeArticle(["Quiet Article", ...LINES.slice(1)]);
    const idle = await makeUser("REVIEWER", "Ida Idle");
    const unfiltered = await queueFilterChoices(editorA);
    expect(unfiltered.articles.map((a) => a.id)).not.toContain(quiet.id);
    expect(unfiltered.authors.map((a) => a.id)).not.toContain(idle.id);
    const chosen = await queueFilterChoices(editorA, { articleId: quiet.id, authorId: idle.id });
    expect(chosen.articles.map((a) => a.id)).toEqual(expect.arrayContaining([quiet.id, queueArticle.id, other.id]));
    expect(chosen.authors.map((a) => a.id)).toEqual(expect.arrayContaining([idle.id, reviewer.id, otherReviewer.id]));
    // A retired article is no choice, even when named.
    expect((await queueFilterChoices(editorA, { articleId: retired.id })).articles.map((a) => a.id)).not.toContain(retired.id);
  });

  it("gives each entry its text in context, article, author and counts", async () => {
    const entry = (await listQueue(editorA, { articleId: other.id }))[0];
    expect(entry).toMatchObject({
      id: ids.middle,
      exact: "since 2019",
      prefix: expect.stringContaining("budget had doubled"),
      verdict: "MOSTLY_FALSE",
      article: { id: other.id, title: "Other Article" },
      author: { id: reviewer.id, name: reviewer.name },
      evidenceCount: 1,
      commentCount: 0,
      proposedByMe: false,
    });
  });
});

describe("listMyWork", () => {
  it("lists only the actor's own claims, by state, with the editor's note on those sent back", async () => {
    const me = await makeUser("REVIEWER", "Mia Mine");
    const someoneElse = await makeUser("REVIEWER", "Sam Someone");
    const make = async (author: Actor, phrase: string, on: TestArticle = article) => readyDraft(author, phrase, on);
    const step = (actor: Actor, c: { id: string; version: number }, action: WorkflowAction, note: string | null = null) =>
      transitionClaim(actor, { claimId: c.id, version: c.version, action, note }).then((version) => ({ id: c.id, version }));

    const draft = await make(me, "2,000 jobs");
    const sentBack = await step(editorA, await step(me, await make(me, "the new harbour"), "submit"), "request_changes", "Cite it.");
    const submitted = await step(me, await make(me, "Construction starts"), "submit");
    const approved = await step(editorA, await step(me, await make(me, "since 2019"), "submit"), "approve");
    await retiredArticleWith((on) => make(me, "since 2019", on));
    // Someone else's draft is not theirs to submit.
    await expect(step(me, await make(someoneElse, "2,000 jobs"), "submit")).rejects.toThrow(ForbiddenError);
    await make(someoneElse, "the new harbour");

    const work = await listMyWork(me);
    expect(work.drafts.map((c) => c.id)).toEqual([draft.id]);
    expect(work.changesRequested.map((c) => [c.id, c.reviewNote, c.state])).toEqual([[sentBack.id, "Cite it.", "CHANGES_REQUESTED"]]);
    expect(work.submitted.map((c) => c.id)).toEqual([submitted.id]);
    expect(work.approved.map((c) => c.id)).toEqual([approved.id]);
    expect(work.approved[0].approvedAt).toBeInstanceOf(Date);
    expect(work.approved[0].article).toEqual({ id: article.id, title: article.title });
    expect(work.recentDays).toBe(30);

    expect(await listMyWork(someoneElse)).toMatchObject({
      drafts: [expect.objectContaining({ restatement: "Claim: the new harbour" }), expect.objectContaining({ restatement: "Claim: 2,000 jobs" })],
      changesRequested: [],
      submitted: [],
      approved: [],
    });
  });

  it("leaves out approvals older than the recent window", async () => {
    const me = await makeUser("REVIEWER", "Olga Old");
    const c = await readyDraft(me, "2,000 jobs");
    const v = await transitionClaim(me, { claimId: c.id, version: c.version, action: "submit", note: null });
    await transitionClaim(editorA, { claimId: c.id, version: v, action: "approve", note: null });
    expect((await listMyWork(me)).approved.map((x) => x.id)).toEqual([c.id]);
    await prisma.claim.update({ where: { id: c.id }, data: { approvedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) } });
    expect((await listMyWork(me)).approved).toEqual([]);
  });
});
