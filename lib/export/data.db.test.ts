import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { addComment, addEvidence } from "@/lib/claims/data";
import { makeArticle, makeClaim, makeUser, spanOf, type TestArticle } from "@/lib/claims/test-fixtures";
import { transitionClaim } from "@/lib/workflow/data";
import { publishArticle } from "@/lib/publishing/data";
import { listPublishedClaimReviews, loadArticleExport } from "@/lib/export/data";
import { linkSameClaim } from "@/lib/claims/same-claim";
import { EXPORT_FORMAT_NAMES } from "@/lib/export/formats";
import { renderExport } from "@/lib/export/render";
import { claimIn, readyClaim } from "@/lib/export/db-test-fixtures";

/**
 * Who may export what: anonymous readers only published articles, reviewers no pending
 * claims, editors everything; approved claims only unless an editor asks; claims in
 * text order with their evidence; and no comment, review note or email address in any
 * format, whoever asks.
 */

useTestDatabase();

const APP = "https://verity.example";
const SECRET_COMMENT = "SECRET-COMMENT do not publish";
const SECRET_NOTE = "SECRET-NOTE cite the study";

let reviewer: Actor;
let editorA: Actor;
let editorB: Actor;
let article: TestArticle;
let source: TestArticle;
const ids: Record<string, string> = {};

const LINES = [
  "Harbour Plan Approved",
  "The port authority said the new harbour will create 2,000 jobs.",
  "Construction starts next spring and ends in 2027.",
  "The mayor called it the largest investment in the city's history.",
  "Critics said the budget had doubled since 2019.",
];

beforeAll(async () => {
  [reviewer, editorA, editorB] = await Promise.all([
    makeUser("REVIEWER", "Rita Reviewer"),
    makeUser("EDITOR", "Elena Editor"),
    makeUser("EDITOR", "Ben Editor"),
  ]);
  article = await makeArticle(LINES);
  // An emoji before the passage: its W3C position (in code points) is one less than its offsets.
  source = await makeArticle(["Jobs Study", "An independent study 📊 expects about 600 permanent jobs at the harbour."]);

  // Made out of text order on purpose.
  ids.budget = (await claimIn("APPROVED", reviewer, editorA, article, "the budget had doubled since 2019", "FALSE")).id;
  const jobs = await readyClaim(reviewer, article, "will create 2,000 jobs", "MOSTLY_FALSE");
  const { version } = await addEvidence(reviewer, {
    kind: "PASSAGE",
    claimId: jobs.id,
    version: jobs.version,
    stance: "CONTRADICTS",
    sourceArticleId: source.id,
    ...spanOf(source.text, "about 600 permanent jobs"),
  });
  const submitted = await transitionClaim(reviewer, { claimId: jobs.id, version, action: "submit", note: null });
  await transitionClaim(editorB, { claimId: jobs.id, version: submitted, action: "approve", note: null });
  ids.jobs = jobs.id;
  ids.nested = (await claimIn("APPROVED", reviewer, editorA, article, "2,000 jobs", "FALSE")).id;
  ids.submitted = (await claimIn("SUBMITTED", reviewer, editorA, article, "Construction starts next spring")).id;
  ids.draft = (await makeClaim(reviewer, article, "the largest investment")).id;
  // Changes requested, with the editor's note; and a comment on an approved claim.
  const asked = await claimIn("SUBMITTED", reviewer, editorA, article, "ends in 2027", "TRUE");
  await transitionClaim(editorA, { claimId: asked.id, version: asked.version, action: "request_changes", note: SECRET_NOTE });
  ids.asked = asked.id;
  await addComment(editorA, { claimId: ids.jobs, body: SECRET_COMMENT });
});

describe("loadArticleExport", () => {
  it("refuses an anonymous reader an unpublished article, as not found", async () => {
    await expect(loadArticleExport(null, article.id, { appUrl: APP })).rejects.toThrow(NotFoundError);
  });

  it("refuses pending claims to anyone but an editor, even on a published article", async () => {
    await expect(loadArticleExport(reviewer, article.id, { appUrl: APP, includePending: true })).rejects.toThrow(ForbiddenError);
    await expect(loadArticleExport(null, article.id, { appUrl: APP, includePending: true })).rejects.toThrow(ForbiddenError);
  });

  it("gives approved claims only, in text order, with evidence, approver and approval time", async () => {
    const model = await loadArticleExport(reviewer, article.id, { appUrl: APP, now: new Date("2025-03-20T08:30:00Z") });
    expect(model.generatedAt).toBe("2025-03-20T08:30:00.000Z");
    expect(model.includesPending).toBe(false);
    expect(model.article).toMatchObject({ id: article.id, title: "Harbour Plan Approved", outlet: "Test Outlet", publishedAt: null, text: article.text });
    expect(model.claims.map((c) => [c.number, c.exact, c.state])).toEqual([
      [1, "will create 2,000 jobs", "APPROVED"],
      [2, "2,000 jobs", "APPROVED"],
      [3, "the budget had doubled since 2019", "APPROVED"],
    ]);
    const jobs = model.claims[0];
    expect(jobs.approvedBy).toEqual({ name: "Ben Editor" });
    expect(jobs.approvedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(jobs.author).toEqual({ name: "Rita Reviewer" });
    expect(jobs.evidence).toEqual([
      expect.objectContaining({ kind: "EXTERNAL", stance: "CONTRADICTS", external: expect.objectContaining({ url: "https://example.org/source", accessedAt: "2025-01-15" }) }),
      expect.objectContaining({
        kind: "PASSAGE",
        passage: expect.objectContaining({ articleId: source.id, articleTitle: "Jobs Study", exact: "about 600 permanent jobs", articlePublished: false }),
      }),
    ]);
    const passage = jobs.evidence[1].kind === "PASSAGE" ? jobs.evidence[1].passage : null;
    const start = source.text.indexOf("about 600 permanent jobs");
    expect(passage).toMatchObject({ startOffset: start, endOffset: start + 24, codePoints: { start: start - 1, end: start + 23 } });
  });

  it("gives an editor who asks the pending claims too, numbered among the others in text order", async () => {
    const model = await loadArticleExport(editorA, article.id, { appUrl: APP, includePending: true });
    expect(model.includesPending).toBe(true);
    expect(model.claims.map((c) => [c.number, c.exact, c.state])).toEqual([
      [1, "will create 2,000 jobs", "APPROVED"],
      [2, "2,000 jobs", "APPROVED"],
      [3, "Construction starts next spring", "SUBMITTED"],
      [4, "ends in 2027", "CHANGES_REQUESTED"],
      [5, "the largest investment", "DRAFT"],
      [6, "the budget had doubled since 2019", "APPROVED"],
    ]);
    expect(model.claims.find((c) => c.id === ids.draft)).toMatchObject({ rating: null, approvedBy: null, approvedAt: null });
  });

  it("shows a published article to an anonymous reader with its approved claims only", async () => {
    await publishArticle(editorA, article.id);
    const model = await loadArticleExport(null, article.id, { appUrl: APP });
    expect(model.article.publishedAt).toMatch(/^\d{4}-/);
    expect(model.claims.map((c) => c.id)).toEqual([ids.jobs, ids.nested, ids.budget]);
  });

  it("withholds a cited passage's source and words from whoever may not see its article, in every format", async () => {
    await publishArticle(editorA, article.id);
    const passageOf = async (viewer: Actor | null) => {
      const model = await loadArticleExport(viewer, article.id, { appUrl: APP });
      return { model, evidence: model.claims.find((c) => c.id === ids.jobs)!.evidence.find((e) => e.kind !== "EXTERNAL")! };
    };
    // The source article is not published: the public sees that a passage exists, not its title or words.
    const anonymous = await passageOf(null);
    expect(anonymous.evidence).toEqual({ kind: "WITHHELD", id: expect.any(String), stance: "CONTRADICTS", createdAt: expect.any(String) });
    for (const format of EXPORT_FORMAT_NAMES) {
      const output = renderExport(anonymous.model, format);
      expect(output).not.toContain("Jobs Study");
      expect(output).not.toContain("about 600 permanent jobs");
      expect(output).not.toContain(source.id);
    }
    expect(renderExport(anonymous.model, "html")).toContain("A passage of an article that is not public.");
    // Signed-in readers see it while the source is live; once it is retired, only editors do.
    expect((await passageOf(reviewer)).evidence.kind).toBe("PASSAGE");
    await prisma.article.update({ where: { id: source.id }, data: { retiredAt: new Date() } });
    try {
      expect((await passageOf(reviewer)).evidence.kind).toBe("WITHHELD");
      expect((await passageOf(editorA)).evidence).toMatchObject({ kind: "PASSAGE", passage: { articleTitle: "Jobs Study" } });
    } finally {
      await prisma.article.update({ where: { id: source.id }, data: { retiredAt: null } });
    }
  });

  it("writes no comment, review note or email address into any format, for anyone", async () => {
    const users = await prisma.user.findMany({ select: { email: true } });
    expect(users.length).toBeGreaterThan(2);
    const readers: Array<[Actor | null, boolean]> = [
      [null, false],
      [reviewer, false],
      [editorA, false],
      [editorA, true],
    ];
    for (const [actor, includePending] of readers) {
      const model = await loadArticleExport(actor, article.id, { appUrl: APP, includePending });
      const serialised = JSON.stringify(model);
      for (const output of [serialised, ...EXPORT_FORMAT_NAMES.map((format) => renderExport(model, format))]) {
        expect(output).not.toContain(SECRET_COMMENT);
        expect(output).not.toContain(SECRET_NOTE);
        for (const { email } of users) expect(output).not.toContain(email);
      }
    }
    // The note and the comment are there to leak: they are in the database.
    expect(await prisma.claim.count({ where: { reviewNote: SECRET_NOTE } })).toBe(1);
    expect(await prisma.comment.count({ where: { body: SECRET_COMMENT } })).toBe(1);
  });

  it("hides a retired article from anonymous readers and reviewers even while published; editors still export it", async () => {
    const retired = await makeArticle(["Retired Report", "The council said the bridge will open in May."]);
    await claimIn("APPROVED", reviewer, editorA, retired, "the bridge will open in May", "TRUE");
    await publishArticle(editorA, retired.id);
    await prisma.article.update({ where: { id: retired.id }, data: { retiredAt: new Date() } });
    await expect(loadArticleExport(null, retired.id, { appUrl: APP })).rejects.toThrow(NotFoundError);
    await expect(loadArticleExport(reviewer, retired.id, { appUrl: APP })).rejects.toThrow(NotFoundError);
    const model = await loadArticleExport(editorA, retired.id, { appUrl: APP });
    // It has no public page while retired, so nothing links there.
    expect(model.article.publishedAt).toBeNull();
    expect(model.claims).toHaveLength(1);
  });

  it("names the same claim in other articles: to the public only approved in a published article, to an editor's internal export every one", async () => {
    const gazette = await makeArticle(["Gazette Report", "Officials claim the harbour will create 2,000 jobs."]);
    const radio = await makeArticle(["Radio Notes", "The mayor repeated that the harbour will create 2,000 jobs."]);
    const unpublished = await makeArticle(["Blog Post", "A blogger wrote the harbour will create 2,000 jobs."]);
    // The gazette claim is its article's second approved claim in text order: its public page is /claims/2.
    await claimIn("APPROVED", reviewer, editorA, gazette, "Officials claim", "TRUE");
    const published = await claimIn("APPROVED", reviewer, editorA, gazette, "the harbour will create 2,000 jobs", "FALSE");
    await publishArticle(editorA, gazette.id);
    await publishArticle(editorA, radio.id);
    const pending = await claimIn("SUBMITTED", reviewer, editorA, radio, "the harbour will create 2,000 jobs");
    const hidden = await claimIn("APPROVED", reviewer, editorA, unpublished, "the harbour will create 2,000 jobs", "FALSE");
    // Linking needs a claim the linker may still edit: the pending one.
    for (const other of [ids.jobs, published.id, hidden.id]) await linkSameClaim(editorA, { claimId: pending.id, otherClaimId: other });

    const publicModel = await loadArticleExport(null, article.id, { appUrl: APP });
    const jobs = publicModel.claims.find((c) => c.id === ids.jobs)!;
    expect(jobs.sameClaim).toEqual([
      {
        id: published.id,
        restatement: "Claim: the harbour will create 2,000 jobs",
        rating: expect.objectContaining({ id: "FALSE", label: "False", worstRating: 1, bestRating: 5 }),
        state: "APPROVED",
        article: expect.objectContaining({ id: gazette.id, title: "Gazette Report", publishedAt: expect.stringMatching(/^\d{4}-/) }),
        publicNumber: 2,
      },
    ]);
    expect(renderExport(publicModel, "html")).toContain(`${APP}/p/${gazette.id}/claims/2`);
    expect(publicModel.claims.filter((c) => c.id !== ids.jobs).every((c) => c.sameClaim.length === 0)).toBe(true);

    const internal = await loadArticleExport(editorA, article.id, { appUrl: APP, includePending: true });
    const all = internal.claims.find((c) => c.id === ids.jobs)!.sameClaim;
    expect(all.map((c) => [c.id, c.state, c.publicNumber])).toEqual([
      [published.id, "APPROVED", 2],
      [pending.id, "SUBMITTED", null],
      [hidden.id, "APPROVED", null],
    ]);

    // The other side of the link: the gazette's public export names this article's approved jobs claim.
    const gazetteModel = await loadArticleExport(null, gazette.id, { appUrl: APP });
    expect(gazetteModel.claims.find((c) => c.id === published.id)!.sameClaim.map((c) => c.id)).toEqual([ids.jobs]);

    const feed = await listPublishedClaimReviews({ appUrl: APP, page: 1, pageSize: 100 });
    const review = feed.items.find((item) => item.claimReviewed === jobs.restatement) as { itemReviewed: { appearance: Array<{ headline: string }> } };
    expect(review.itemReviewed.appearance.map((a) => a.headline)).toEqual(["Harbour Plan Approved", "Gazette Report"]);
  });

  it("reports an unknown article as not found", async () => {
    await expect(loadArticleExport(editorA, "no-such-article", { appUrl: APP })).rejects.toThrow(NotFoundError);
  });
});
