import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { addComment, addEvidence } from "@/lib/claims/data";
import { auditSince, lastAuditId, makeClaim, makeHarbourDesk, snapshot, type TestArticle } from "@/lib/claims/test-fixtures";
import { listQueue, QUEUE_LATEST_COMMENTS, transitionClaim } from "@/lib/workflow/data";
import { undoApproval } from "@/lib/workflow/undo-approval";
import { UNDO_APPROVAL_GRACE_SECONDS, UNDO_APPROVAL_SECONDS } from "@/lib/workflow/rules";

/**
 * What keeps editors from approving what they have not seen: the queue carries each claim's
 * evidence and latest comments, and an approval can be undone for a moment, by its editor,
 * while the claim is still as they approved it.
 */

useTestDatabase();

let reviewer: Actor;
let editor: Actor;
let otherEditor: Actor;
let article: TestArticle;

beforeAll(async () => {
  ({ reviewer, editor, otherEditor, article } = await makeHarbourDesk());
});

/** The reviewer's claim with a verdict, a rationale and one external source, submitted. */
async function submitted(phrase: string) {
  const claim = await makeClaim(reviewer, article, phrase, { verdict: "MOSTLY_FALSE", rationale: "The study expects 600 jobs." });
  const { version } = await addEvidence(reviewer, {
    kind: "EXTERNAL",
    claimId: claim.id,
    version: claim.version,
    stance: "CONTRADICTS",
    url: "https://example.org/study",
    title: "Independent jobs study",
    excerpt: "About 600 jobs are expected.",
    accessedAt: "2025-01-15",
  });
  const submittedVersion = await transitionClaim(reviewer, { claimId: claim.id, version, action: "submit", note: null });
  return { id: claim.id, version: submittedVersion };
}

describe("the queue shows what the editor approves", () => {
  it("gives each entry its evidence (stance, source, excerpt) and its latest comments, oldest of them first, with author and time", async () => {
    const { id } = await submitted("create 2,000 jobs");
    for (const body of ["First look.", "The study is from 2024.", "Figure checked.", "Ready for an editor."]) {
      await addComment(reviewer, { claimId: id, body });
    }
    const entry = (await listQueue(editor, { articleId: article.id })).find((claim) => claim.id === id)!;
    expect(entry.evidence).toEqual([
      expect.objectContaining({
        stance: "CONTRADICTS",
        kind: "EXTERNAL",
        external: { url: "https://example.org/study", title: "Independent jobs study", excerpt: "About 600 jobs are expected.", accessedAt: "2025-01-15" },
      }),
    ]);
    expect(entry.commentCount).toBe(4);
    expect(entry.latestComments).toHaveLength(QUEUE_LATEST_COMMENTS);
    expect(entry.latestComments.map((comment) => comment.body)).toEqual(["The study is from 2024.", "Figure checked.", "Ready for an editor."]);
    expect(entry.latestComments[0]).toMatchObject({ author: { id: reviewer.id, name: "Rita Reviewer" }, createdAt: expect.any(Date) });
  });
});

describe("undoing an approval", () => {
  it("puts the claim back in the queue where it was, with one audit event", async () => {
    const { id, version } = await submitted("Construction starts next spring");
    const submittedAt = (await prisma.claim.findUniqueOrThrow({ where: { id } })).submittedAt;
    const approved = await transitionClaim(editor, { claimId: id, version, action: "approve", note: null });
    const mark = await lastAuditId();

    expect(await undoApproval(editor, { claimId: id, version: approved })).toBe(approved + 1);

    expect(await prisma.claim.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "SUBMITTED",
      version: approved + 1,
      approvedAt: null,
      approvedById: null,
      // Its old place in the queue.
      submittedAt,
    });
    const events = await auditSince(mark);
    expect(events).toEqual([
      expect.objectContaining({
        action: "claim.approval_undone",
        actorId: editor.id,
        entityType: "Claim",
        entityId: id,
        before: { state: "APPROVED", version: approved, reviewNote: null },
        after: { state: "SUBMITTED", version: approved + 1, reviewNote: null },
      }),
    ]);
    expect((await listQueue(editor, { articleId: article.id })).map((claim) => claim.id)).toContain(id);
  });

  it("gives back the editor's note the approval cleared", async () => {
    const { id, version } = await submitted("ends in 2027");
    let v = await transitionClaim(editor, { claimId: id, version, action: "request_changes", note: "Cite the study's figure." });
    v = await transitionClaim(reviewer, { claimId: id, version: v, action: "submit", note: null });
    v = await transitionClaim(otherEditor, { claimId: id, version: v, action: "approve", note: null });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id } })).reviewNote).toBeNull();
    await undoApproval(otherEditor, { claimId: id, version: v });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id } })).reviewNote).toBe("Cite the study's figure.");
  });

  it("is refused, writing nothing, once the claim changed after the approval", async () => {
    const { id, version } = await submitted("The mayor called it");
    const approved = await transitionClaim(editor, { claimId: id, version, action: "approve", note: null });
    // Another editor reopens it and it is approved again: the first approval is no longer what the claim is.
    let v = await transitionClaim(otherEditor, { claimId: id, version: approved, action: "reopen", note: "A newer figure." });
    v = await transitionClaim(editor, { claimId: id, version: v, action: "approve", note: null });
    const before = await snapshot();
    await expect(undoApproval(editor, { claimId: id, version: approved })).rejects.toThrow(
      "The claim changed after you approved it, so the approval cannot be undone. Reopen it with a note instead.",
    );
    expect(await snapshot()).toEqual(before);
    // The approval that is current can still be undone.
    expect(await undoApproval(editor, { claimId: id, version: v })).toBe(v + 1);
  });

  it("is refused to anyone but the approving editor, and after the moment to undo has passed", async () => {
    const { id, version } = await submitted("largest investment");
    const approved = await transitionClaim(editor, { claimId: id, version, action: "approve", note: null });
    const before = await snapshot();
    await expect(undoApproval(otherEditor, { claimId: id, version: approved })).rejects.toThrow(
      "Only the editor who just approved this claim can undo the approval. Reopen it with a note instead.",
    );
    await expect(undoApproval(reviewer, { claimId: id, version: approved })).rejects.toThrow("Only editors may do that.");

    const past = new Date(Date.now() - (UNDO_APPROVAL_SECONDS + UNDO_APPROVAL_GRACE_SECONDS + 1) * 1000);
    await prisma.claim.update({ where: { id }, data: { approvedAt: past } });
    const late = await snapshot();
    await expect(undoApproval(editor, { claimId: id, version: approved })).rejects.toThrow(
      "The moment to undo this approval has passed. Reopen the claim with a note instead.",
    );
    expect(await snapshot()).toEqual(late);
    expect(before.claims.find((claim) => claim.id === id)?.state).toBe("APPROVED");
  });
});
