import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { describeSpan } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/current-user";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { AddEvidenceInput } from "@/lib/claims/types";
import {
  addComment,
  addEvidence,
  getClaimDetail,
  listPassagesInArticle,
  removeEvidence,
} from "@/lib/claims/data";
import {
  auditSince,
  lastAuditId,
  makeArticle,
  makeClaim,
  makeUser,
  rowCounts,
  snapshot,
  spanOf,
  type TestArticle,
} from "@/lib/claims/test-fixtures";

/** Evidence (passages of articles and external sources) and comments on claims. */

useTestDatabase();

const MISMATCH = "The selected text no longer matches the article. Reload and select it again.";
const OWN_EVIDENCE = "You can only change the evidence of your own claims while they are drafts or have changes requested.";

let reviewer: Actor;
let otherReviewer: Actor;
let editor: Actor;
let admin: Actor;
/** Where the claims are. */
let claimArticle: TestArticle;
/** Where the passages come from: different words at the offsets of the claim. */
let sourceArticle: TestArticle;
let retiredSource: TestArticle;

beforeAll(async () => {
  [reviewer, otherReviewer, editor, admin] = await Promise.all([
    makeUser("REVIEWER", "Rita Reviewer"),
    makeUser("REVIEWER", "Otto Other"),
    makeUser("EDITOR", "Elena Editor"),
    makeUser("ADMIN", "Adam Admin"),
  ]);
  claimArticle = await makeArticle([
    "Mayor Says Crime Fell",
    "The mayor said crime fell by a third in 2024.",
    "Police figures 🚓 are published every spring.",
  ]);
  sourceArticle = await makeArticle([
    "Police Publish Their Figures",
    "The judge said theft rose by a fifth in 2024.",
    "Burglary figures 📈 rose in every district too.",
  ]);
  retiredSource = await makeArticle(["An Old Report", "The old report said crime fell by a third."], { retired: true });
});

function passage(claim: { id: string; version: number }, phrase: string, overrides: Partial<AddEvidenceInput> = {}) {
  return {
    kind: "PASSAGE",
    claimId: claim.id,
    version: claim.version,
    stance: "CONTRADICTS",
    sourceArticleId: sourceArticle.id,
    ...spanOf(sourceArticle.text, phrase),
    ...overrides,
  } as AddEvidenceInput;
}

function external(claim: { id: string; version: number }, overrides: Partial<AddEvidenceInput> = {}) {
  return {
    kind: "EXTERNAL",
    claimId: claim.id,
    version: claim.version,
    stance: "SUPPORTS",
    url: "https://stats.example.org/crime-2024",
    title: "Crime statistics 2024",
    excerpt: "Recorded crime fell by 31%.",
    accessedAt: "2025-01-31",
    ...overrides,
  } as AddEvidenceInput;
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error("Expected the call to be refused, but it succeeded.");
  return error as Error;
}

const claimOn = (options: Parameters<typeof makeClaim>[3] = {}, author: Actor = reviewer) =>
  makeClaim(author, claimArticle, "crime fell by a third", options);

describe("addEvidence: passages", () => {
  it("has articles with different words at the same offsets", () => {
    const span = spanOf(claimArticle.text, "crime fell by a third");
    expect(sourceArticle.text.slice(span.start, span.end)).toBe("theft rose by a fifth");
  });

  it("adds a passage of another article, checked against that article's text, bumping the claim's version", async () => {
    const claim = await claimOn();
    const before = await rowCounts();
    const auditMark = await lastAuditId();
    const span = spanOf(sourceArticle.text, "theft rose by a fifth");

    const result = await addEvidence(reviewer, passage(claim, "theft rose by a fifth"));

    expect(result).toEqual({ id: expect.any(String), version: 2 });
    const { quote } = describeSpan(sourceArticle.text, span.start, span.end);
    expect(await prisma.evidence.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({
      claimId: claim.id,
      stance: "CONTRADICTS",
      sourceArticleId: sourceArticle.id,
      startOffset: span.start,
      endOffset: span.end,
      exact: "theft rose by a fifth",
      prefix: quote.prefix,
      suffix: quote.suffix,
      anchorStatus: "ANCHORED",
      url: null,
      addedById: reviewer.id,
    });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(2);
    expect(await rowCounts()).toEqual({ ...before, evidence: before.evidence + 1, audit: before.audit + 1 });
    const events = await auditSince(auditMark);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: reviewer.id, action: "evidence.add", entityType: "Claim", entityId: claim.id });
    expect(events[0].before).toEqual({ version: 1 });
    expect(events[0].after).toEqual({
      evidenceId: result.id,
      kind: "PASSAGE",
      stance: "CONTRADICTS",
      sourceArticleId: sourceArticle.id,
      startOffset: span.start,
      endOffset: span.end,
      exact: "theft rose by a fifth",
      version: 2,
    });
  });

  it("shows the passage in the source article's passages, with its claim, and not in the claim's article", async () => {
    const claim = await claimOn({ verdict: "MOSTLY_FALSE", restatement: "Crime fell by a third." });
    const { id } = await addEvidence(reviewer, passage(claim, "Burglary figures", { stance: "CONTEXT" }));
    const span = spanOf(sourceArticle.text, "Burglary figures");

    const passages = await listPassagesInArticle(otherReviewer, sourceArticle.id);
    expect(passages.find((p) => p.id === id)).toEqual({
      id,
      stance: "CONTEXT",
      startOffset: span.start,
      endOffset: span.end,
      exact: "Burglary figures",
      prefix: describeSpan(sourceArticle.text, span.start, span.end).quote.prefix,
      suffix: describeSpan(sourceArticle.text, span.start, span.end).quote.suffix,
      anchorStatus: "ANCHORED",
      claim: {
        id: claim.id,
        restatement: "Crime fell by a third.",
        verdict: "MOSTLY_FALSE",
        state: "DRAFT",
        articleId: claimArticle.id,
        articleTitle: "Mayor Says Crime Fell",
      },
    });
    expect((await listPassagesInArticle(otherReviewer, claimArticle.id)).map((p) => p.id)).not.toContain(id);
    // Passages are in text order.
    const starts = passages.map((p) => p.startOffset);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("refuses text that matches the claim's article but not the source article", async () => {
    const claim = await claimOn();
    const before = await snapshot();
    const atSameOffsets = { ...spanOf(claimArticle.text, "crime fell by a third") };
    const error = await rejection(addEvidence(reviewer, passage(claim, "theft rose by a fifth", atSameOffsets)));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "exact", message: MISMATCH });
    expect(await snapshot()).toEqual(before);
  });

  const badSpans: Array<[string, () => Partial<AddEvidenceInput>, string]> = [
    ["a span past the end", () => ({ start: sourceArticle.text.length - 2, end: sourceArticle.text.length + 2, exact: "o.xx" }), MISMATCH],
    ["a reversed span", () => ({ start: 12, end: 4, exact: "police s" }), MISMATCH],
    ["a span splitting an emoji", () => {
      const at = sourceArticle.text.indexOf("📈");
      return { start: at + 1, end: at + 6, exact: sourceArticle.text.slice(at + 1, at + 6) };
    }, MISMATCH],
    ["a span of whitespace only", () => {
      const at = sourceArticle.text.indexOf(" ");
      return { start: at, end: at + 1, exact: " " };
    }, "Select some words, not only spaces."],
  ];

  it.each(badSpans)("refuses %s as a field error and writes nothing", async (_case, span, message) => {
    const claim = await claimOn();
    const before = await snapshot();
    const error = await rejection(addEvidence(reviewer, passage(claim, "theft", span())));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "exact", message });
    expect(await snapshot()).toEqual(before);
  });

  it("hides a retired source article from reviewers; editors may cite it", async () => {
    const claim = await claimOn();
    const span = spanOf(retiredSource.text, "crime fell by a third");
    const before = await snapshot();
    const error = await rejection(addEvidence(reviewer, passage(claim, "theft", { sourceArticleId: retiredSource.id, ...span })));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);

    const { id } = await addEvidence(editor, passage(claim, "theft", { sourceArticleId: retiredSource.id, ...span }));
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id } })).sourceArticleId).toBe(retiredSource.id);
  });
});

describe("addEvidence: external sources", () => {
  it("adds an external source with its date accessed, audited with the claim", async () => {
    const claim = await claimOn();
    const auditMark = await lastAuditId();

    const { id, version } = await addEvidence(reviewer, external(claim));

    expect(version).toBe(2);
    expect(await prisma.evidence.findUniqueOrThrow({ where: { id } })).toMatchObject({
      stance: "SUPPORTS",
      url: "https://stats.example.org/crime-2024",
      title: "Crime statistics 2024",
      excerpt: "Recorded crime fell by 31%.",
      accessedAt: new Date("2025-01-31T00:00:00Z"),
      sourceArticleId: null,
      exact: null,
    });
    const detail = await getClaimDetail(reviewer, claim.id);
    expect(detail.evidence).toEqual([
      {
        id,
        stance: "SUPPORTS",
        kind: "EXTERNAL",
        createdAt: expect.any(Date),
        addedBy: { id: reviewer.id, name: "Rita Reviewer" },
        external: {
          url: "https://stats.example.org/crime-2024",
          title: "Crime statistics 2024",
          excerpt: "Recorded crime fell by 31%.",
          accessedAt: "2025-01-31",
        },
      },
    ]);
    const events = await auditSince(auditMark);
    expect(events).toHaveLength(1);
    expect(events[0].after).toEqual({
      evidenceId: id,
      kind: "EXTERNAL",
      stance: "SUPPORTS",
      url: "https://stats.example.org/crime-2024",
      title: "Crime statistics 2024",
      excerpt: "Recorded crime fell by 31%.",
      accessedAt: "2025-01-31",
      version: 2,
    });
  });

  it("stores a missing excerpt as null", async () => {
    const claim = await claimOn();
    const { id } = await addEvidence(reviewer, external(claim, { excerpt: undefined }));
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id } })).excerpt).toBeNull();
  });
});

describe("addEvidence: who may", () => {
  it("refuses other reviewers, the author after submission, and everyone once approved; nothing is written", async () => {
    const draft = await claimOn();
    const submitted = await claimOn({ state: "SUBMITTED" });
    const approved = await claimOn({ state: "APPROVED" });
    const before = await snapshot();

    const cases = [
      [otherReviewer, draft, OWN_EVIDENCE],
      [reviewer, submitted, OWN_EVIDENCE],
      [reviewer, approved, OWN_EVIDENCE],
      [editor, approved, "This claim is approved: reopen it before changing its evidence."],
      [admin, approved, "This claim is approved: reopen it before changing its evidence."],
    ] as const;
    for (const [actor, claim, message] of cases) {
      for (const input of [external(claim), passage(claim, "theft rose")]) {
        const error = await rejection(addEvidence(actor, input));
        expect(error).toBeInstanceOf(ForbiddenError);
        expect(error.message).toBe(message);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lets the author add while changes are requested, and editors and admins while submitted", async () => {
    const changes = await claimOn({ state: "CHANGES_REQUESTED" });
    const submitted = await claimOn({ state: "SUBMITTED" });
    expect((await addEvidence(reviewer, external(changes))).version).toBe(2);
    expect((await addEvidence(editor, external(submitted))).version).toBe(2);
    expect((await addEvidence(admin, passage({ ...submitted, version: 2 }, "theft rose"))).version).toBe(3);
  });

  it("refuses a stale version with a ConflictError and writes nothing", async () => {
    const claim = await claimOn();
    await addEvidence(editor, external(claim));
    const before = await snapshot();
    const error = await rejection(addEvidence(reviewer, passage(claim, "theft rose")));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ version: 2, updatedBy: { id: editor.id, name: "Elena Editor" } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses evidence for a claim on a retired article to reviewers as not found", async () => {
    const claim = await makeClaim(editor, retiredSource, "crime fell by a third");
    await prisma.claim.update({ where: { id: claim.id }, data: { authorId: reviewer.id } });
    const before = await snapshot();
    await expect(addEvidence(reviewer, external(claim))).rejects.toThrow(new NotFoundError("That claim"));
    expect(await snapshot()).toEqual(before);
  });
});

describe("removeEvidence", () => {
  it("lets the author remove evidence, bumping the version, with one audit event", async () => {
    const claim = await claimOn();
    const { id, version } = await addEvidence(reviewer, passage(claim, "theft rose by a fifth"));
    const span = spanOf(sourceArticle.text, "theft rose by a fifth");
    const before = await rowCounts();
    const auditMark = await lastAuditId();

    expect(await removeEvidence(reviewer, { evidenceId: id, version })).toEqual({ claimId: claim.id, version: 3 });

    expect(await prisma.evidence.findUnique({ where: { id } })).toBeNull();
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(3);
    expect(await rowCounts()).toEqual({ ...before, evidence: before.evidence - 1, audit: before.audit + 1 });
    const events = await auditSince(auditMark);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: reviewer.id, action: "evidence.remove", entityType: "Claim", entityId: claim.id });
    expect(events[0].before).toEqual({
      evidenceId: id,
      kind: "PASSAGE",
      stance: "CONTRADICTS",
      sourceArticleId: sourceArticle.id,
      startOffset: span.start,
      endOffset: span.end,
      exact: "theft rose by a fifth",
      version: 2,
    });
    expect(events[0].after).toEqual({ version: 3 });
  });

  it("refuses other reviewers and the author after submission; lets an editor remove from a submitted claim", async () => {
    const claim = await claimOn();
    const { id, version } = await addEvidence(reviewer, external(claim));
    const before = await snapshot();
    const error = await rejection(removeEvidence(otherReviewer, { evidenceId: id, version }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.message).toBe(OWN_EVIDENCE);
    expect(await snapshot()).toEqual(before);

    await prisma.claim.update({ where: { id: claim.id }, data: { state: "SUBMITTED" } });
    const refused = await snapshot();
    await expect(removeEvidence(reviewer, { evidenceId: id, version })).rejects.toThrow(new ForbiddenError(OWN_EVIDENCE));
    expect(await snapshot()).toEqual(refused);

    expect(await removeEvidence(editor, { evidenceId: id, version })).toEqual({ claimId: claim.id, version: 3 });
  });

  it("refuses a stale version with a ConflictError and removes nothing", async () => {
    const claim = await claimOn();
    const first = await addEvidence(reviewer, external(claim));
    await addEvidence(editor, external({ id: claim.id, version: first.version }, { title: "Second source" }));
    const before = await snapshot();
    const error = await rejection(removeEvidence(reviewer, { evidenceId: first.id, version: first.version }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ version: 3 });
    expect(await snapshot()).toEqual(before);
  });

  it("reports unknown evidence, and evidence of a claim on a retired article (to reviewers), as not found", async () => {
    const claim = await makeClaim(editor, retiredSource, "crime fell by a third");
    const { id, version } = await addEvidence(editor, external(claim));
    await prisma.claim.update({ where: { id: claim.id }, data: { authorId: reviewer.id } });
    const before = await snapshot();
    await expect(removeEvidence(reviewer, { evidenceId: id, version })).rejects.toThrow(new NotFoundError("That evidence"));
    await expect(removeEvidence(admin, { evidenceId: "no-such-evidence", version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);
  });
});

describe("addComment", () => {
  it("lets another reviewer comment on any visible claim, approved ones included, without bumping the version", async () => {
    for (const state of ["DRAFT", "SUBMITTED", "APPROVED"] as const) {
      const claim = await claimOn({ state });
      const before = await rowCounts();
      const auditMark = await lastAuditId();

      const { id } = await addComment(otherReviewer, { claimId: claim.id, body: `Comment on a ${state} claim.` });

      expect(await prisma.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({
        claimId: claim.id,
        authorId: otherReviewer.id,
        body: `Comment on a ${state} claim.`,
      });
      expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(1);
      expect(await rowCounts()).toEqual({ ...before, comments: before.comments + 1, audit: before.audit + 1 });
      const events = await auditSince(auditMark);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorId: otherReviewer.id,
        action: "comment.add",
        entityType: "Claim",
        entityId: claim.id,
        before: null,
        after: { commentId: id, body: `Comment on a ${state} claim.` },
      });
    }
  });

  it("hides claims on retired articles from reviewers (not found, nothing written); editors may comment", async () => {
    const claim = await makeClaim(editor, retiredSource, "crime fell by a third");
    const before = await snapshot();
    await expect(addComment(reviewer, { claimId: claim.id, body: "Hidden." })).rejects.toThrow(new NotFoundError("That claim"));
    await expect(addComment(reviewer, { claimId: "no-such-claim", body: "Nowhere." })).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);
    expect(await addComment(editor, { claimId: claim.id, body: "Seen." })).toEqual({ id: expect.any(String) });
  });
});
