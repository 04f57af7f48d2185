import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { describeSpan } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/current-user";
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ClaimState, Role } from "@/lib/generated/prisma/enums";
import { addComment, addEvidence, createClaim, deleteClaim, getClaimDetail, listClaimants, listClaimsForArticle, updateClaim } from "@/lib/claims/data";
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

/** Marking, editing and deleting claims: who may, what is stored, what is audited, and conflicts. */

useTestDatabase();

const MISMATCH = "The selected text no longer matches the article. Reload and select it again.";
const CONFLICT = "Someone else changed this claim since you opened it. Their version is shown; review it and save again.";
const OWN_EDIT = "You can only edit your own claims while they are drafts or have changes requested.";
const OWN_DELETE = "You can only delete your own claims while they are drafts or have changes requested.";

let reviewer: Actor;
let otherReviewer: Actor;
let editor: Actor;
let admin: Actor;
let article: TestArticle;
let retired: TestArticle;

const LINES = [
  "Council Votes On The Bridge",
  "The council said the bridge cost 40 million euros in 2023.",
  "Officials claimed traffic fell by half after it opened.",
  "Critics say the figures 😀 were never published.",
];

beforeAll(async () => {
  [reviewer, otherReviewer, editor, admin] = await Promise.all([
    makeUser("REVIEWER", "Rita Reviewer"),
    makeUser("REVIEWER", "Otto Other"),
    makeUser("EDITOR", "Elena Editor"),
    makeUser("ADMIN", "Adam Admin"),
  ]);
  article = await makeArticle(LINES);
  retired = await makeArticle(LINES, { retired: true });
});

function byRole(role: Role) {
  return { REVIEWER: reviewer, EDITOR: editor, ADMIN: admin }[role];
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error("Expected the call to be refused, but it succeeded.");
  return error as Error;
}

describe("createClaim", () => {
  it("has the article text the tests rely on", () => {
    expect(article.title).toBe("Council Votes On The Bridge");
    expect(article.text).toBe(LINES.slice(1).join("\n"));
  });

  it.each<Role>(["REVIEWER", "EDITOR", "ADMIN"])("lets the role %s mark a draft claim, with one audit event", async (role) => {
    const actor = byRole(role);
    const before = await rowCounts();
    const auditMark = await lastAuditId();
    const span = spanOf(article.text, "the bridge cost 40 million euros");

    const created = await createClaim(actor, {
      articleId: article.id,
      ...span,
      restatement: "The bridge cost €40m.",
      verdict: "MOSTLY_FALSE",
      rationale: "The audited figure is €52m.",
    });
    const { id } = created;

    // The reader shows the new claim from this answer: it must be the claim as the page lists it.
    expect((await listClaimsForArticle(actor, article.id)).find((listed) => listed.id === id)).toEqual(created);
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id } });
    const { quote } = describeSpan(article.text, span.start, span.end);
    expect(claim).toMatchObject({
      articleId: article.id,
      authorId: actor.id,
      restatement: "The bridge cost €40m.",
      verdict: "MOSTLY_FALSE",
      rationale: "The audited figure is €52m.",
      verdictProposedById: actor.id,
      state: "DRAFT",
      version: 1,
      startOffset: span.start,
      endOffset: span.end,
      exact: span.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      anchorStatus: "ANCHORED",
    });
    expect(await rowCounts()).toEqual({ ...before, claims: before.claims + 1, audit: before.audit + 1 });
    const events = await auditSince(auditMark);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: actor.id,
      action: "claim.create",
      entityType: "Claim",
      entityId: id,
      before: null,
      after: {
        articleId: article.id,
        restatement: "The bridge cost €40m.",
        verdict: "MOSTLY_FALSE",
        rationale: "The audited figure is €52m.",
        startOffset: span.start,
        endOffset: span.end,
        exact: span.exact,
      },
    });
  });

  it("leaves the verdict, its proposer and the rationale empty when none is given", async () => {
    const { id } = await createClaim(reviewer, {
      articleId: article.id,
      ...spanOf(article.text, "traffic fell by half"),
      restatement: "Traffic halved.",
    });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id } })).toMatchObject({
      verdict: null,
      verdictProposedById: null,
      rationale: null,
    });
  });

  it("ignores the prefix and suffix the client sends and stores the server's own", async () => {
    const span = spanOf(article.text, "traffic fell by half");
    const { id } = await createClaim(reviewer, {
      articleId: article.id,
      ...span,
      prefix: "Nothing like the article ",
      suffix: " says this",
      restatement: "Traffic halved.",
    });
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id } });
    expect(claim.prefix).toBe(article.text.slice(span.start - 32, span.start));
    expect(claim.suffix).toBe(article.text.slice(span.end, span.end + 32));
  });

  it("accepts a span across paragraphs whose text arrives with browser line breaks (\\r\\n)", async () => {
    const span = spanOf(article.text, "2023.\nOfficials");
    const { id } = await createClaim(reviewer, {
      articleId: article.id,
      ...span,
      exact: "2023.\r\nOfficials",
      restatement: "Across two paragraphs.",
    });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id } })).exact).toBe("2023.\nOfficials");
  });

  const emoji = () => article.text.indexOf("😀");
  const refusals: Array<[string, () => { start: number; end: number; exact: string }, string]> = [
    ["text that differs from the article", () => ({ ...spanOf(article.text, "40 million"), exact: "50 million" }), MISMATCH],
    ["the right text at the wrong place", () => {
      const span = spanOf(article.text, "40 million");
      return { ...span, start: span.start + 1, end: span.end + 1 };
    }, MISMATCH],
    ["a span past the end of the text", () => ({ start: article.text.length - 3, end: article.text.length + 5, exact: "ed.xxxxx" }), MISMATCH],
    ["a reversed span", () => ({ start: 20, end: 10, exact: "x" }), MISMATCH],
    ["an empty span", () => ({ start: 10, end: 10, exact: "" }), MISMATCH],
    ["a negative start", () => ({ start: -1, end: 5, exact: "xThe c" }), MISMATCH],
    ["a span splitting an emoji", () => ({ start: emoji() + 1, end: emoji() + 10, exact: article.text.slice(emoji() + 1, emoji() + 10) }), MISMATCH],
    ["a span of only the line break between paragraphs", () => ({ start: article.text.indexOf("\n"), end: article.text.indexOf("\n") + 1, exact: "\n" }), "Select some words, not only spaces."],
    ["a span of only a space", () => ({ start: article.text.indexOf(" "), end: article.text.indexOf(" ") + 1, exact: " " }), "Select some words, not only spaces."],
  ];

  it.each(refusals)("refuses %s as a field error on exact and writes nothing", async (_case, span, message) => {
    const before = await snapshot();
    const error = await rejection(createClaim(reviewer, { articleId: article.id, ...span(), restatement: "Refused." }));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "exact", message });
    expect(await snapshot()).toEqual(before);
  });

  it("hides retired articles from reviewers (not found, nothing written) but lets editors mark them", async () => {
    const span = spanOf(retired.text, "traffic fell by half");
    const before = await snapshot();
    const error = await rejection(createClaim(reviewer, { articleId: retired.id, ...span, restatement: "Hidden." }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe("That article was not found.");
    expect(await snapshot()).toEqual(before);

    const { id } = await createClaim(editor, { articleId: retired.id, ...span, restatement: "Editors see it." });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id } })).articleId).toBe(retired.id);
  });

  it("reports an unknown article as not found", async () => {
    await expect(
      createClaim(admin, { articleId: "no-such-article", start: 0, end: 3, exact: "The", restatement: "None." }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("updateClaim", () => {
  const edit = (claim: { id: string; version: number; restatement: string; verdict: string | null; rationale: string | null }) => ({
    claimId: claim.id,
    version: claim.version,
    restatement: claim.restatement,
    verdict: claim.verdict as never,
    rationale: claim.rationale,
  });

  it.each<ClaimState>(["DRAFT", "CHANGES_REQUESTED"])(
    "lets the author edit their claim while %s, recording only the changed fields",
    async (state) => {
      const claim = await makeClaim(reviewer, article, "traffic fell by half", { state });
      const before = await rowCounts();
      const auditMark = await lastAuditId();

      const version = await updateClaim(reviewer, { ...edit(claim), verdict: "FALSE", rationale: "Counts show a 10% fall." });

      expect(version).toBe(2);
      expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
        restatement: claim.restatement,
        verdict: "FALSE",
        rationale: "Counts show a 10% fall.",
        verdictProposedById: reviewer.id,
        version: 2,
        state,
      });
      expect(await rowCounts()).toEqual({ ...before, audit: before.audit + 1 });
      const [event, ...rest] = await auditSince(auditMark);
      expect(rest).toEqual([]);
      expect(event).toMatchObject({ actorId: reviewer.id, action: "claim.update", entityType: "Claim", entityId: claim.id });
      expect(event.before).toEqual({ verdict: null, rationale: null, version: 1 });
      expect(event.after).toEqual({ verdict: "FALSE", rationale: "Counts show a 10% fall.", version: 2 });
    },
  );

  it("refuses the author once the claim is submitted, and any other reviewer; nothing is written", async () => {
    const draft = await makeClaim(reviewer, article, "traffic fell by half");
    const submitted = await makeClaim(reviewer, article, "40 million euros", { state: "SUBMITTED" });
    const before = await snapshot();

    for (const [actor, claim] of [
      [reviewer, submitted],
      [otherReviewer, draft],
      [otherReviewer, submitted],
    ] as const) {
      const error = await rejection(updateClaim(actor, { ...edit(claim), restatement: "Hijacked." }));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.message).toBe(OWN_EDIT);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lets editors and admins edit any claim that is not approved; the proposer changes only with the verdict", async () => {
    const claim = await makeClaim(reviewer, article, "40 million euros", { state: "SUBMITTED", verdict: "MIXED" });
    expect(claim.verdictProposedById).toBe(reviewer.id);

    const v2 = await updateClaim(editor, { ...edit(claim), rationale: "Editor's rationale." });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      version: 2,
      rationale: "Editor's rationale.",
      verdict: "MIXED",
      verdictProposedById: reviewer.id,
    });

    const v3 = await updateClaim(admin, { ...edit(claim), version: v2, rationale: "Editor's rationale.", verdict: "TRUE", note: "The figures were revised." });
    expect(v3).toBe(3);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      version: 3,
      verdict: "TRUE",
      verdictProposedById: admin.id,
    });

    // Back to Unrated: nobody proposes a verdict any more.
    await updateClaim(editor, { ...edit(claim), version: v3, rationale: "Editor's rationale.", verdict: null, note: "Not rateable." });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      version: 4,
      verdict: null,
      verdictProposedById: null,
    });
  });

  it("refuses everyone on an approved claim until it is reopened", async () => {
    const claim = await makeClaim(reviewer, article, "40 million euros", { state: "APPROVED", verdict: "FALSE" });
    const before = await snapshot();
    for (const actor of [reviewer, editor, admin]) {
      const error = await rejection(updateClaim(actor, { ...edit(claim), rationale: "Late change." }));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.message).toBe(actor === reviewer ? OWN_EDIT : "This claim is approved: reopen it before editing it.");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("writes nothing and keeps the version when nothing changed", async () => {
    const claim = await makeClaim(reviewer, article, "traffic fell by half", { verdict: "MIXED", rationale: "Same." });
    const before = await snapshot();
    expect(await updateClaim(reviewer, edit(claim))).toBe(1);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a stale version with a ConflictError carrying the current values, writing nothing", async () => {
    const claim = await makeClaim(reviewer, article, "traffic fell by half");
    await updateClaim(reviewer, { ...edit(claim), restatement: "Reviewer's wording.", verdict: "MIXED" });
    const stored = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const before = await snapshot();

    const error = await rejection(updateClaim(editor, { ...edit(claim), restatement: "Editor's wording." }));

    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(CONFLICT);
    expect((error as ConflictError).current).toEqual({
      version: 2,
      restatement: "Reviewer's wording.",
      verdict: "MIXED",
      rationale: null,
      state: "DRAFT",
      updatedAt: stored.updatedAt,
      updatedBy: { id: reviewer.id, name: "Rita Reviewer" },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("lets exactly one of two concurrent saves of the same version succeed, with one audit event", async () => {
    for (let round = 0; round < 3; round++) {
      const claim = await makeClaim(reviewer, article, "traffic fell by half");
      const auditMark = await lastAuditId();

      const results = await Promise.allSettled([
        updateClaim(reviewer, { ...edit(claim), restatement: "Reviewer's save." }),
        updateClaim(editor, { ...edit(claim), restatement: "Editor's save." }),
      ]);

      const fulfilled = results.filter((r) => r.status === "fulfilled");
      const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
      expect(fulfilled).toEqual([{ status: "fulfilled", value: 2 }]);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]).toBeInstanceOf(ConflictError);

      const winner = results[0].status === "fulfilled" ? "Reviewer's save." : "Editor's save.";
      const stored = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
      expect(stored).toMatchObject({ version: 2, restatement: winner });
      expect((rejected[0] as ConflictError).current).toMatchObject({ version: 2, restatement: winner });
      const events = await auditSince(auditMark);
      expect(events).toHaveLength(1);
      expect(events[0].after).toEqual({ restatement: winner, version: 2 });
    }
  });

  it("hides a claim on a retired article from reviewers, even its author", async () => {
    const claim = await makeClaim(editor, retired, "traffic fell by half");
    await prisma.claim.update({ where: { id: claim.id }, data: { authorId: reviewer.id } });
    const before = await snapshot();
    await expect(updateClaim(reviewer, { ...edit(claim), restatement: "Hidden." })).rejects.toThrow(
      new NotFoundError("That claim"),
    );
    expect(await snapshot()).toEqual(before);
  });

  it("reports an unknown claim as not found", async () => {
    await expect(
      updateClaim(admin, { claimId: "no-such-claim", version: 1, restatement: "x", verdict: null, rationale: null }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("deleteClaim", () => {
  it("lets the author delete their draft with its evidence and comments, auditing what was deleted", async () => {
    const claim = await makeClaim(reviewer, article, "traffic fell by half", { restatement: "Traffic halved." });
    const { version } = await addEvidence(reviewer, {
      kind: "EXTERNAL",
      claimId: claim.id,
      version: 1,
      stance: "CONTRADICTS",
      url: "https://example.org/traffic",
      title: "Traffic counts 2024",
      accessedAt: "2025-01-10",
    });
    await addComment(otherReviewer, { claimId: claim.id, body: "Looks wrong to me." });
    const before = await rowCounts();
    const auditMark = await lastAuditId();

    await deleteClaim(reviewer, { claimId: claim.id, version });

    expect(await prisma.claim.findUnique({ where: { id: claim.id } })).toBeNull();
    expect(await prisma.evidence.count({ where: { claimId: claim.id } })).toBe(0);
    expect(await prisma.comment.count({ where: { claimId: claim.id } })).toBe(0);
    expect(await rowCounts()).toEqual({
      claims: before.claims - 1,
      evidence: before.evidence - 1,
      comments: before.comments - 1,
      audit: before.audit + 1,
    });
    const events = await auditSince(auditMark);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: reviewer.id,
      action: "claim.delete",
      entityType: "Claim",
      entityId: claim.id,
      after: null,
    });
    expect(events[0].before).toEqual({
      articleId: article.id,
      restatement: "Traffic halved.",
      exact: "traffic fell by half",
      verdict: null,
      state: "DRAFT",
      version: 2,
    });
  });

  it("refuses other reviewers, the author after submission, and everyone once approved; nothing is written", async () => {
    const draft = await makeClaim(reviewer, article, "traffic fell by half");
    const submitted = await makeClaim(reviewer, article, "40 million euros", { state: "SUBMITTED" });
    const approved = await makeClaim(reviewer, article, "never published", { state: "APPROVED" });
    const before = await snapshot();

    const cases = [
      [otherReviewer, draft, OWN_DELETE],
      [reviewer, submitted, OWN_DELETE],
      [reviewer, approved, OWN_DELETE],
      [editor, approved, "This claim is approved: reopen it before deleting it."],
      [admin, approved, "This claim is approved: reopen it before deleting it."],
    ] as const;
    for (const [actor, claim, message] of cases) {
      const error = await rejection(deleteClaim(actor, { claimId: claim.id, version: claim.version }));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.message).toBe(message);
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each<Role>(["EDITOR", "ADMIN"])("lets the role %s delete a submitted claim", async (role) => {
    const claim = await makeClaim(reviewer, article, "40 million euros", { state: "SUBMITTED" });
    await deleteClaim(byRole(role), { claimId: claim.id, version: 1 });
    expect(await prisma.claim.findUnique({ where: { id: claim.id } })).toBeNull();
  });

  it("refuses a stale version with a ConflictError and deletes nothing", async () => {
    const claim = await makeClaim(reviewer, article, "traffic fell by half");
    await updateClaim(editor, { claimId: claim.id, version: 1, restatement: "Edited by the editor.", verdict: null, rationale: null });
    const before = await snapshot();

    const error = await rejection(deleteClaim(reviewer, { claimId: claim.id, version: 1 }));

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({
      version: 2,
      restatement: "Edited by the editor.",
      updatedBy: { id: editor.id, name: "Elena Editor" },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("lets exactly one of two concurrent deletes succeed", async () => {
    const claim = await makeClaim(reviewer, article, "traffic fell by half");
    const auditMark = await lastAuditId();
    const results = await Promise.allSettled([
      deleteClaim(reviewer, { claimId: claim.id, version: 1 }),
      deleteClaim(editor, { claimId: claim.id, version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [failure] = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    // The loser finds the claim gone (not found) or, if it read first, a conflict that turns into not found.
    expect(failure).toBeInstanceOf(NotFoundError);
    expect(await auditSince(auditMark)).toHaveLength(1);
  });
});

describe("the claimant (who made the claim, when and where)", () => {
  const mayor = { claimant: "Mayor Jane Holt", claimantKind: "PERSON" as const, claimDate: "2025-03-07", appearanceUrl: "https://council.example/meeting" };

  it("is stored with a new claim and recorded in its audit event", async () => {
    const auditMark = await lastAuditId();
    const created = await createClaim(reviewer, { articleId: article.id, ...spanOf(article.text, "figures"), restatement: "The figures were withheld.", ...mayor });
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: created.id }, select: { claimant: true, claimantKind: true, claimDate: true, appearanceUrl: true } });
    expect({ ...row, claimDate: row.claimDate?.toISOString().slice(0, 10) }).toEqual(mayor);
    const [event] = await auditSince(auditMark);
    expect(event.after).toMatchObject(mayor);
    expect((await getClaimDetail(reviewer, created.id)).history[0].summary).toBe("Marked the claim, made by Mayor Jane Holt");
  });

  it("is changed with the claim's version, audited before and after, and shown in its history", async () => {
    const claim = await makeClaim(reviewer, article, "bridge cost 40 million");
    const auditMark = await lastAuditId();
    const base = { claimId: claim.id, restatement: claim.restatement, verdict: null, rationale: null };
    const version = await updateClaim(reviewer, { ...base, version: claim.version, ...mayor });
    expect(version).toBe(claim.version + 1);
    const [event] = await auditSince(auditMark);
    expect(event).toMatchObject({ action: "claim.update", before: { claimant: null, claimDate: null, version: claim.version }, after: { ...mayor, version } });

    // Only what changed is recorded; a field left out stays as it is.
    const next = await updateClaim(reviewer, { ...base, version, claimant: "Council of Lisbon", claimantKind: "ORGANIZATION" });
    const [second] = await auditSince(auditMark).then((events) => events.slice(1));
    expect(second.before).toEqual({ claimant: "Mayor Jane Holt", claimantKind: "PERSON", version });
    expect(second.after).toEqual({ claimant: "Council of Lisbon", claimantKind: "ORGANIZATION", version: next });
    const detail = await getClaimDetail(reviewer, claim.id);
    expect(detail).toMatchObject({ claimant: "Council of Lisbon", claimantKind: "ORGANIZATION", claimDate: "2025-03-07", appearanceUrl: mayor.appearanceUrl });
    expect(detail.history.at(-1)?.summary).toBe("Claimant: Mayor Jane Holt → Council of Lisbon; claimant is a: person → organisation");
  });

  it("refuses a change to a version someone else already changed, and writes nothing", async () => {
    const claim = await makeClaim(reviewer, article, "Officials claimed");
    const base = { claimId: claim.id, restatement: claim.restatement, verdict: null, rationale: null };
    await updateClaim(reviewer, { ...base, version: claim.version, claimant: "First", claimantKind: "PERSON" });
    const before = await snapshot();
    await expect(updateClaim(editor, { ...base, version: claim.version, claimant: "Second", claimantKind: "PERSON" })).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot()).toEqual(before);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).claimant).toBe("First");
  });

  it("suggests earlier claimants of the claims the user may see, most often named first", async () => {
    const hidden = await makeClaim(editor, retired, "bridge cost 40 million");
    await prisma.claim.update({ where: { id: hidden.id }, data: { claimant: "Only on a retired article" } });
    for (const [phrase, claimant] of [["traffic fell", "Port Authority"], ["never published", "Port Authority"], ["Critics say", "Aardvark Weekly"]] as const) {
      await prisma.claim.update({ where: { id: (await makeClaim(reviewer, article, phrase)).id }, data: { claimant } });
    }
    const names = await listClaimants(reviewer);
    expect(names.indexOf("Port Authority")).toBeLessThan(names.indexOf("Aardvark Weekly"));
    expect(names).toContain("Mayor Jane Holt");
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain("Only on a retired article");
    expect(await listClaimants(editor)).toContain("Only on a retired article");
  });
});
