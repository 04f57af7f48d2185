import { readOrganisation } from "@/lib/organisation/store";
import { parseFeed } from "@rowanmanning/feed-parser";
import { useTestDatabase } from "@/test/db";
import { databaseState } from "@/test/db-snapshot";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { FieldError } from "@/lib/errors";
import { makeArticle, makeUser, type TestArticle } from "@/lib/claims/test-fixtures";
import { claimIn } from "@/lib/export/db-test-fixtures";
import { publishArticle } from "@/lib/publishing/data";
import { transitionClaim } from "@/lib/workflow/data";
import { undoApproval } from "@/lib/workflow/undo-approval";
import { deleteClaim, updateClaim } from "@/lib/claims/data";
import { GET as publicPage } from "@/app/p/[articleId]/route";
import { GET as claimPage } from "@/app/p/[articleId]/claims/[n]/route";
import { GET as correctionsLog } from "@/app/p/corrections/route";
import { GET as atomFeed } from "@/app/p/feed.atom/route";
import { GET as claimReviewFeed } from "@/app/api/claim-reviews/route";

/**
 * Corrections after publication, end to end through the data layer and the public routes:
 * reopening a published verdict needs a public note and leaves a withdrawn notice; approving
 * the new verdict publishes "Corrected on …" with the earlier verdict, in the ClaimReview
 * (dateModified, CorrectionComment), the Atom feed (read with a third-party feed parser) and
 * the corrections log; undoing that approval and deleting the claim never make it vanish.
 */

useTestDatabase();

let reviewer: Actor;
let editor: Actor;
let otherEditor: Actor;

beforeAll(async () => {
  reviewer = await makeUser("REVIEWER", "Rita Reviewer");
  editor = await makeUser("EDITOR", "Elena Editor");
  otherEditor = await makeUser("EDITOR", "Omar Editor");
});

const LINES = ["Harbour Plan Approved", "The port authority said the new harbour will create 2,000 jobs.", "Construction starts next spring."];
const NOTE = "A newer council study counts 900 jobs, so the verdict is revised.";

async function page(article: TestArticle) {
  const response = await publicPage(new Request(`http://localhost/p/${article.id}`), { params: Promise.resolve({ articleId: article.id }) });
  return { status: response.status, html: await response.text() };
}

/** The ClaimReview on the page of the article's approved claim number n; null when there is no such page. */
async function claimReview(article: TestArticle, n: number) {
  const response = await claimPage(new Request(`http://localhost/p/${article.id}/claims/${n}`), { params: Promise.resolve({ articleId: article.id, n: String(n) }) });
  if (response.status === 404) return null;
  const html = await response.text();
  return JSON.parse(html.match(/<script id="claim-review" type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]) as Record<string, unknown>;
}

async function feed() {
  const response = await atomFeed(new Request("http://localhost/p/feed.atom"));
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  return parseFeed(await response.text());
}

/** A published article with one approved claim (verdict TRUE, proposed by the reviewer). */
async function publishedClaim() {
  const article = await makeArticle(LINES);
  const claim = await claimIn("APPROVED", reviewer, editor, article, "will create 2,000 jobs", "TRUE");
  await publishArticle(editor, article.id);
  return { article, claim };
}

describe("reopening an approved claim of a published article", () => {
  it("is refused without a public correction note, on that field, writing nothing", async () => {
    const { claim } = await publishedClaim();
    const before = await databaseState();
    const attempt = transitionClaim(editor, { claimId: claim.id, version: claim.version, action: "reopen", note: "Recheck the figure." });
    await expect(attempt).rejects.toBeInstanceOf(FieldError);
    await expect(attempt).rejects.toMatchObject({ field: "correctionNote", message: expect.stringContaining("correction note readers will see") });
    expect(await databaseState()).toEqual(before);
  });

  it("is no correction while the article is not published", async () => {
    const article = await makeArticle(LINES);
    const claim = await claimIn("APPROVED", reviewer, editor, article, "will create 2,000 jobs", "TRUE");
    await transitionClaim(editor, { claimId: claim.id, version: claim.version, action: "reopen", note: "Recheck." });
    expect(await prisma.correction.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("withdraws the fact check publicly until approved again, then publishes the correction everywhere", async () => {
    const { article, claim } = await publishedClaim();
    const firstApproval = (await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).approvedAt!;
    let version = await transitionClaim(editor, { claimId: claim.id, version: claim.version, action: "reopen", note: "Recheck the figure.", correctionNote: NOTE });
    expect(await prisma.auditEvent.findMany({ where: { entityId: claim.id, action: { in: ["claim.reopen", "claim.correction_opened"] } }, select: { action: true, actorId: true } })).toEqual([
      { action: "claim.reopen", actorId: editor.id },
      { action: "claim.correction_opened", actorId: editor.id },
    ]);

    // Withdrawn: a notice in its place, no ClaimReview, an entry in the log and the feed.
    let shown = await page(article);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain("A fact check of this claim was withdrawn on");
    expect(shown.html).toContain(NOTE);
    expect(await claimReview(article, 1)).toBeNull();
    expect((await feed()).items.map((item) => item.title)).toContain("Withdrawn: Claim: will create 2,000 jobs");

    // The editor sends it back to the reviewer, who changes the verdict and submits; another editor approves.
    version = await transitionClaim(editor, { claimId: claim.id, version, action: "request_changes", note: "Use the council's figure." });
    version = await updateClaim(reviewer, { claimId: claim.id, version, restatement: "Claim: will create 2,000 jobs", verdict: "MOSTLY_FALSE", rationale: "The council counts 900.", note: "Newer study." });
    version = await transitionClaim(reviewer, { claimId: claim.id, version, action: "submit", note: null });
    await transitionClaim(otherEditor, { claimId: claim.id, version, action: "approve", note: null });
    const approvedAt = (await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).approvedAt!;
    expect(await prisma.correction.findFirstOrThrow({ where: { claimId: claim.id } })).toMatchObject({
      note: NOTE,
      previousVerdict: "True",
      previousRationale: "Checked: will create 2,000 jobs.",
      previousApprovedAt: firstApproval,
      createdById: editor.id,
      publishedAt: approvedAt,
    });

    shown = await page(article);
    expect(shown.html).not.toContain("was withdrawn");
    expect(shown.html).toMatch(/Corrected on <time[^>]*>[^<]+<\/time>:<\/strong> A newer council study counts 900 jobs/);
    expect(shown.html).toContain("Earlier verdict: <strong>True</strong>");
    const review = (await claimReview(article, 1))!;
    expect(review).toMatchObject({
      reviewRating: expect.objectContaining({ alternateName: "Mostly false" }),
      datePublished: firstApproval.toISOString(),
      dateModified: approvedAt.toISOString(),
      correction: [{ "@type": "CorrectionComment", text: NOTE, datePublished: approvedAt.toISOString() }],
    });
    // The JSON feed of ClaimReviews says the same.
    const reviews = (await (await claimReviewFeed(new Request("http://localhost/api/claim-reviews"))).json()) as { items: Array<Record<string, unknown>> };
    expect(reviews.items.find((item) => item.url === review.url)).toMatchObject({ dateModified: approvedAt.toISOString() });

    // The feed lists it as updated, under the same entry id as when it was first published.
    const parsed = await feed();
    const entry = parsed.items.find((item) => item.id?.endsWith(`/annotations/${article.id}/${claim.id}`));
    expect(entry).toMatchObject({
      title: "Corrected. Mostly false: Claim: will create 2,000 jobs",
      published: firstApproval,
      updated: approvedAt,
      url: expect.stringMatching(new RegExp(`/p/${article.id}/claims/1$`)),
    });
    expect(entry!.description).toContain(NOTE);

    // The corrections log lists it, linked to the claim's page.
    const log = await (await correctionsLog(new Request("http://localhost/p/corrections"))).text();
    expect(log).toContain(NOTE);
    expect(log).toContain(`/p/${article.id}/claims/1"`);
    expect(log).toContain("Verdict: True → Mostly false");
  });

  it("undoing the approval withdraws it again; deleting the claim keeps the notice", async () => {
    const { article, claim } = await publishedClaim();
    let version = await transitionClaim(editor, { claimId: claim.id, version: claim.version, action: "reopen", note: "Recheck.", correctionNote: NOTE });
    version = await transitionClaim(otherEditor, { claimId: claim.id, version, action: "approve", note: null });
    expect((await page(article)).html).toContain("Corrected on");
    version = await undoApproval(otherEditor, { claimId: claim.id, version });
    expect(await prisma.correction.findFirstOrThrow({ where: { claimId: claim.id } })).toMatchObject({ publishedAt: null });
    expect((await page(article)).html).toContain("A fact check of this claim was withdrawn on");

    await deleteClaim(editor, { claimId: claim.id, version });
    const shown = await page(article);
    expect(shown.html).toContain("A fact check of this claim was withdrawn on");
    expect(shown.html).toContain(NOTE);
    expect(await prisma.correction.findFirstOrThrow({ where: { articleId: article.id } })).toMatchObject({ claimId: null, restatement: "Claim: will create 2,000 jobs" });
  });
});

describe("the Atom feed", () => {
  it("is a valid Atom 1.0 feed with the fields RFC 4287 requires, newest update first", async () => {
    const first = await publishedClaim();
    const second = await publishedClaim();
    const text = await (await atomFeed(new Request("http://localhost/p/feed.atom"))).text();
    const parsed = parseFeed(text);
    expect(parsed.meta).toEqual({ type: "atom", version: "1.0" });
    // Published by the organisation (lib/organisation), not by the software.
    const { name } = await readOrganisation();
    expect(parsed).toMatchObject({ title: `${name} fact checks`, url: expect.stringMatching(/\/p\/corrections$/), self: expect.stringMatching(/\/p\/feed\.atom$/) });
    expect(parsed.authors).toEqual([expect.objectContaining({ name })]);
    expect(text).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">\s*<id>[^<]+\/p\/feed\.atom<\/id>/);
    const ids = parsed.items.map((item) => item.id);
    expect(ids.indexOf(`${new URL(parsed.self!).origin}/annotations/${second.article.id}/${second.claim.id}`)).toBeLessThan(
      ids.indexOf(`${new URL(parsed.self!).origin}/annotations/${first.article.id}/${first.claim.id}`),
    );
    for (const item of parsed.items) expect(item).toMatchObject({ id: expect.any(String), title: expect.any(String), updated: expect.any(Date), url: expect.any(String) });
    expect(parsed.updated).toEqual(parsed.items[0].updated);
  });

  it("keeps text as text: markup in a restatement is escaped, not read as HTML", async () => {
    const article = await makeArticle(LINES);
    const claim = await claimIn("APPROVED", reviewer, editor, article, "Construction starts", "FALSE");
    await prisma.claim.update({ where: { id: claim.id }, data: { restatement: "<b>Work</b> & starts" } });
    await publishArticle(editor, article.id);
    const parsed = await feed();
    expect(parsed.items.map((item) => item.title)).toContain("False: <b>Work</b> & starts");
  });
});
