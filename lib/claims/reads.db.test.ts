import pg from "pg";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import {
  addComment,
  addEvidence,
  getClaimDetail,
  listClaimsForArticle,
  listPassagesInArticle,
  removeEvidence,
  updateClaim,
} from "@/lib/claims/data";
import { makeArticle, makeClaim, makeUser, spanOf, type TestArticle } from "@/lib/claims/test-fixtures";

/** Reading claims: the article's claim list, passages, one claim's detail and history, and who sees what. */

useTestDatabase();

let reviewer: Actor;
let otherReviewer: Actor;
let editor: Actor;
let article: TestArticle;
let source: TestArticle;
let retired: TestArticle;

beforeAll(async () => {
  [reviewer, otherReviewer, editor] = await Promise.all([
    makeUser("REVIEWER", "Rita Reviewer"),
    makeUser("REVIEWER", "Otto Other"),
    makeUser("EDITOR", "Elena Editor"),
  ]);
  article = await makeArticle([
    "Minister Defends The Budget",
    "The minister said unemployment is at a record low of 3 percent.",
    "She added that wages rose faster than prices for the first time in a decade.",
  ]);
  source = await makeArticle([
    "Statistics Office Report",
    "The statistics office reported unemployment of 4.1 percent in March.",
    "Real wages fell for the third year running.",
  ]);
  retired = await makeArticle(["A Retired Story", "Unemployment is the lowest it has ever been."], { retired: true });
});

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error("Expected the call to be refused, but it succeeded.");
  return error as Error;
}

describe("listClaimsForArticle", () => {
  it("lists the article's claims in text order (then by id) with their authors and counts", async () => {
    const scratch = await makeArticle(["Scratch Article", "Alpha beta gamma delta epsilon zeta eta theta."]);
    const later = await makeClaim(reviewer, scratch, "epsilon zeta");
    const first = await makeClaim(otherReviewer, scratch, "Alpha beta gamma");
    const nested = await makeClaim(reviewer, scratch, "Alpha beta");
    const { version } = await addEvidence(reviewer, {
      kind: "EXTERNAL",
      claimId: later.id,
      version: 1,
      stance: "SUPPORTS",
      url: "https://example.org",
      title: "A source",
      accessedAt: "2025-01-01",
    });
    await addEvidence(reviewer, {
      kind: "PASSAGE",
      claimId: later.id,
      version,
      stance: "CONTEXT",
      sourceArticleId: source.id,
      ...spanOf(source.text, "Real wages fell"),
    });
    await addComment(otherReviewer, { claimId: later.id, body: "One." });
    await addComment(editor, { claimId: later.id, body: "Two." });
    await addComment(editor, { claimId: first.id, body: "Three." });
    // Another article's claim stays out of this list.
    await makeClaim(reviewer, article, "record low");

    const listed = await listClaimsForArticle(otherReviewer, scratch.id);

    const sameStart = [first.id, nested.id].sort();
    expect(listed.map((c) => c.id)).toEqual([...sameStart, later.id]);
    const stored = await prisma.claim.findUniqueOrThrow({ where: { id: later.id } });
    expect(listed[2]).toEqual({
      id: later.id,
      restatement: "Claim: epsilon zeta",
      verdict: null,
      state: "DRAFT",
      version: 3,
      startOffset: stored.startOffset,
      endOffset: stored.endOffset,
      anchorStatus: "ANCHORED",
      author: { id: reviewer.id, name: "Rita Reviewer" },
      assignee: null,
      tags: [],
      evidenceCount: 2,
      commentCount: 2,
    });
    const byId = new Map(listed.map((c) => [c.id, c]));
    expect(byId.get(first.id)).toMatchObject({ author: { id: otherReviewer.id, name: "Otto Other" }, evidenceCount: 0, commentCount: 1 });
    expect(byId.get(nested.id)).toMatchObject({ evidenceCount: 0, commentCount: 0 });
  });

  it("reads 1,000 claims with their counts in a constant number of queries", async () => {
    const big = await makeArticle(["A Long Article", "Word ".repeat(2000).trim() + "."]);
    await prisma.claim.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({
        articleId: big.id,
        authorId: i % 2 ? reviewer.id : otherReviewer.id,
        restatement: `Claim ${i}`,
        startOffset: (999 - i) * 5,
        endOffset: (999 - i) * 5 + 4,
        exact: "Word",
        prefix: "",
        suffix: "",
      })),
    });
    const claims = await prisma.claim.findMany({ where: { articleId: big.id }, select: { id: true }, orderBy: { id: "asc" } });
    await prisma.comment.createMany({
      data: claims.slice(0, 300).flatMap((c) => [
        { claimId: c.id, authorId: editor.id, body: "a" },
        { claimId: c.id, authorId: reviewer.id, body: "b" },
      ]),
    });
    await prisma.evidence.createMany({
      data: claims.slice(200, 700).map((c) => ({
        claimId: c.id,
        stance: "SUPPORTS" as const,
        url: "https://example.org",
        title: "t",
        addedById: reviewer.id,
      })),
    });

    const queries = jest.spyOn(pg.Client.prototype, "query");
    const started = performance.now();
    let listed;
    let queryCount;
    try {
      listed = await listClaimsForArticle(reviewer, big.id);
    } finally {
      queryCount = queries.mock.calls.length;
      queries.mockRestore();
    }
    const elapsed = performance.now() - started;

    expect(listed).toHaveLength(1000);
    const starts = listed.map((c) => c.startOffset);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const ids = claims.map((c) => c.id);
    const counts = new Map(listed.map((c) => [c.id, [c.commentCount, c.evidenceCount]]));
    expect(counts.get(ids[0])).toEqual([2, 0]);
    expect(counts.get(ids[250])).toEqual([2, 1]);
    expect(counts.get(ids[500])).toEqual([0, 1]);
    expect(counts.get(ids[900])).toEqual([0, 0]);
    expect(listed.reduce((sum, c) => sum + c.commentCount, 0)).toBe(600);
    expect(listed.reduce((sum, c) => sum + c.evidenceCount, 0)).toBe(500);
    // The article check, the claims with their counts, and at most the authors: never one query per claim.
    expect(queryCount).toBeGreaterThan(0);
    expect(queryCount).toBeLessThanOrEqual(4);
    expect(elapsed).toBeLessThan(5000);
  });

  it("hides the claims of a retired article from reviewers but not from editors", async () => {
    const claim = await makeClaim(editor, retired, "lowest it has ever been");
    const error = await rejection(listClaimsForArticle(reviewer, retired.id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe("That article was not found.");
    expect((await listClaimsForArticle(editor, retired.id)).map((c) => c.id)).toEqual([claim.id]);
    await expect(listClaimsForArticle(editor, "no-such-article")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("listPassagesInArticle", () => {
  it("lists passages that serve claims in other articles, hiding claims on retired articles from reviewers", async () => {
    const visible = await makeClaim(reviewer, article, "record low of 3 percent", { verdict: "FALSE" });
    const visibleEvidence = await addEvidence(reviewer, {
      kind: "PASSAGE",
      claimId: visible.id,
      version: 1,
      stance: "CONTRADICTS",
      sourceArticleId: source.id,
      ...spanOf(source.text, "unemployment of 4.1 percent"),
    });
    const hidden = await makeClaim(editor, retired, "lowest it has ever been");
    const hiddenEvidence = await addEvidence(editor, {
      kind: "PASSAGE",
      claimId: hidden.id,
      version: 1,
      stance: "CONTRADICTS",
      sourceArticleId: source.id,
      ...spanOf(source.text, "4.1 percent in March"),
    });

    const forReviewer = await listPassagesInArticle(reviewer, source.id);
    expect(forReviewer.map((p) => p.id)).toContain(visibleEvidence.id);
    expect(forReviewer.map((p) => p.id)).not.toContain(hiddenEvidence.id);
    expect(forReviewer.find((p) => p.id === visibleEvidence.id)?.claim).toEqual({
      id: visible.id,
      restatement: "Claim: record low of 3 percent",
      verdict: "FALSE",
      state: "DRAFT",
      articleId: article.id,
      articleTitle: "Minister Defends The Budget",
    });

    const forEditor = await listPassagesInArticle(editor, source.id);
    expect(forEditor.map((p) => p.id)).toEqual(expect.arrayContaining([visibleEvidence.id, hiddenEvidence.id]));
    expect(forEditor.find((p) => p.id === hiddenEvidence.id)?.claim.articleTitle).toBe("A Retired Story");

    await expect(listPassagesInArticle(reviewer, retired.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getClaimDetail", () => {
  it("returns the claim with its evidence, comments, readable history and the actor's permissions", async () => {
    const claim = await makeClaim(reviewer, article, "wages rose faster than prices", {
      restatement: "Wages rose faster than prices.",
    });
    let version = await updateClaim(reviewer, {
      claimId: claim.id,
      version: 1,
      restatement: "Wages rose faster than prices.",
      verdict: "MOSTLY_FALSE",
      rationale: "Real wages fell.",
    });
    const supporting = await addEvidence(reviewer, {
      kind: "PASSAGE",
      claimId: claim.id,
      version,
      stance: "SUPPORTS",
      sourceArticleId: source.id,
      ...spanOf(source.text, "Real wages fell for the third year running."),
    });
    const contradicting = await addEvidence(reviewer, {
      kind: "EXTERNAL",
      claimId: claim.id,
      version: supporting.version,
      stance: "CONTRADICTS",
      url: "https://stats.example.org/wages",
      title: "Wage index 2024",
      excerpt: null,
      accessedAt: "2025-02-01",
    });
    await addComment(otherReviewer, { claimId: claim.id, body: "Which index?" });
    await addComment(reviewer, { claimId: claim.id, body: "The official one." });
    ({ version } = await removeEvidence(reviewer, { evidenceId: contradicting.id, version: contradicting.version }));
    version = await updateClaim(editor, {
      claimId: claim.id,
      version,
      restatement: "Wages outpaced prices.",
      verdict: "MOSTLY_FALSE",
      rationale: "Real wages fell, per the statistics office.",
    });

    const detail = await getClaimDetail(otherReviewer, claim.id);

    const stored = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const passageSpan = spanOf(source.text, "Real wages fell for the third year running.");
    expect(detail).toEqual({
      id: claim.id,
      // Its article is not published: reopening it is no public correction.
      articlePublic: false,
      restatement: "Wages outpaced prices.",
      verdict: "MOSTLY_FALSE",
      state: "DRAFT",
      version: 6,
      startOffset: stored.startOffset,
      endOffset: stored.endOffset,
      exact: "wages rose faster than prices",
      prefix: stored.prefix,
      suffix: stored.suffix,
      anchorStatus: "ANCHORED",
      author: { id: reviewer.id, name: "Rita Reviewer" },
      assignee: null,
      tags: [],
      evidenceCount: 1,
      commentCount: 2,
      updatedAt: stored.updatedAt,
      rationale: "Real wages fell, per the statistics office.",
      claimant: null,
      claimantKind: null,
      claimDate: null,
      appearanceUrl: null,
      reviewNote: null,
      verdictProposedBy: { id: reviewer.id, name: "Rita Reviewer" },
      contentChangedBy: { id: editor.id, name: "Elena Editor" },
      approvedBy: null,
      approvedAt: null,
      submittedAt: null,
      createdAt: stored.createdAt,
      articleId: article.id,
      articleTitle: "Minister Defends The Budget",
      evidence: [
        {
          id: supporting.id,
          stance: "SUPPORTS",
          kind: "PASSAGE",
          createdAt: expect.any(Date),
          addedBy: { id: reviewer.id, name: "Rita Reviewer" },
          passage: {
            articleId: source.id,
            articleTitle: "Statistics Office Report",
            startOffset: passageSpan.start,
            endOffset: passageSpan.end,
            exact: "Real wages fell for the third year running.",
            anchorStatus: "ANCHORED",
          },
        },
      ],
      comments: [
        { id: expect.any(String), body: "Which index?", createdAt: expect.any(Date), author: { id: otherReviewer.id, name: "Otto Other" }, parentId: null },
        { id: expect.any(String), body: "The official one.", createdAt: expect.any(Date), author: { id: reviewer.id, name: "Rita Reviewer" }, parentId: null },
      ],
      history: expect.any(Array),
      // No round of independent verdicts was asked for (lib/rounds/rounds.db.test.ts).
      rounds: [],
      permissions: { canEdit: false, canDelete: false, canAddEvidence: false, canComment: true, canTag: false, canAssign: "nobody" },
      // The verdict is the reviewer's: anyone else changing it must say why.
      verdictChangeNeedsNote: true,
    });

    expect(detail.history.map(({ actor, action, summary }) => [actor?.name, action, summary])).toEqual([
      ["Rita Reviewer", "claim.create", "Marked the claim"],
      ["Rita Reviewer", "claim.update", "Verdict: Unrated → Mostly false; rationale added"],
      ["Rita Reviewer", "evidence.add", "Added supporting evidence: “Real wages fell for the third year running.”"],
      ["Rita Reviewer", "evidence.add", "Added contradicting evidence: Wage index 2024"],
      ["Otto Other", "comment.add", "Commented"],
      ["Rita Reviewer", "comment.add", "Commented"],
      ["Rita Reviewer", "evidence.remove", "Removed contradicting evidence: Wage index 2024"],
      ["Elena Editor", "claim.update", "Restated claim changed; rationale changed"],
    ]);
    for (const entry of detail.history) {
      expect(entry).toEqual({
        id: expect.stringMatching(/^\d+$/),
        at: expect.any(Date),
        actor: expect.any(Object),
        action: entry.action,
        summary: entry.summary,
        textChanges: expect.any(Array),
      });
    }

    expect((await getClaimDetail(reviewer, claim.id)).permissions).toEqual({
      canEdit: true,
      canDelete: true,
      canAddEvidence: true,
      canComment: true,
      canTag: true,
      canAssign: "self",
    });
    expect((await getClaimDetail(editor, claim.id)).permissions).toEqual({
      canEdit: true,
      canDelete: true,
      canAddEvidence: true,
      canComment: true,
      canTag: true,
      canAssign: "anyone",
    });
  });

  it("hides claims of retired articles from reviewers and reports unknown claims as not found", async () => {
    const claim = await makeClaim(editor, retired, "lowest it has ever been");
    const error = await rejection(getClaimDetail(reviewer, claim.id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe("That claim was not found.");
    expect((await getClaimDetail(editor, claim.id)).articleTitle).toBe("A Retired Story");
    await expect(getClaimDetail(editor, "no-such-claim")).rejects.toBeInstanceOf(NotFoundError);
  });
});
