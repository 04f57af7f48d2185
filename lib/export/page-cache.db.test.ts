import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { makeArticle, makeClaim, makeUser, spanOf, type TestArticle } from "@/lib/claims/test-fixtures";
import { claimIn } from "@/lib/export/db-test-fixtures";
import { addEvidence, updateClaim } from "@/lib/claims/data";
import { linkSameClaim } from "@/lib/claims/same-claim";
import { transitionClaim } from "@/lib/workflow/data";
import { publishArticle, unpublishArticle } from "@/lib/publishing/data";
import { retireArticle } from "@/lib/articles/retire";
import { updateArticleDetails } from "@/lib/articles/data";
import { confirmVersion, previewVersion } from "@/lib/versions/data";
import { saveOrganisation } from "@/lib/organisation/data";
import { readOrganisation } from "@/lib/organisation/store";
import { resolvePublicUrl } from "@/lib/organisation/data";
import { loadArticleExport } from "@/lib/export/data";
import { renderClaimPage, renderPublicPage } from "@/lib/export/public-page";
import type { ExportModel } from "@/lib/export/model";
import { PageCache, PUBLIC_PAGE_CACHE_BYTES } from "@/lib/export/page-cache";
import { publicArticlePage } from "@/lib/export/public-route";
import { NotFoundError } from "@/lib/errors";

/**
 * The public pages' cache against a real database: it serves exactly what an uncached render
 * would, renders again after every kind of change a public page shows (each test fails if the
 * stamp, lib/export/page-stamp.ts, misses its change: the old page would be served), never
 * serves a stale page from a second process's cache, and answers If-None-Match with 304.
 */

useTestDatabase();

const ORIGIN = "http://localhost";

let reviewer: Actor;
let editor: Actor;
let otherEditor: Actor;
let admin: Actor;

beforeAll(async () => {
  [reviewer, editor, otherEditor, admin] = await Promise.all([
    makeUser("REVIEWER", "Rita Reviewer"),
    makeUser("EDITOR", "Elena Editor"),
    makeUser("EDITOR", "Ben Editor"),
    makeUser("ADMIN", "Ada Admin"),
  ]);
});

const HARBOUR = [
  "Harbour Plan Approved",
  "The port authority said the new harbour will create 2,000 jobs.",
  "Construction starts next spring and ends in 2027.",
  "Critics said the budget had doubled since 2019.",
];

/** A published article with two approved claims and one submitted. */
async function publishedHarbour() {
  const article = await makeArticle(HARBOUR);
  const jobs = await claimIn("APPROVED", reviewer, editor, article, "will create 2,000 jobs", "MOSTLY_FALSE");
  const budget = await claimIn("APPROVED", reviewer, editor, article, "the budget had doubled since 2019", "TRUE");
  const pending = await claimIn("SUBMITTED", reviewer, editor, article, "ends in 2027", "FALSE");
  await publishArticle(editor, article.id);
  return { article, jobs, budget, pending };
}

/** A server process's view: its own cache, and how many pages it rendered. */
function server(cache = new PageCache(PUBLIC_PAGE_CACHE_BYTES)) {
  let renders = 0;
  const get = async (article: TestArticle, options: { claim?: number; headers?: HeadersInit } = {}) => {
    const path = options.claim ? `/p/${article.id}/claims/${options.claim}` : `/p/${article.id}`;
    const render = (model: ExportModel) => {
      renders += 1;
      return options.claim ? renderClaimPage(model, options.claim) : renderPublicPage(model);
    };
    const response = await publicArticlePage(new Request(`${ORIGIN}${path}`, { headers: options.headers }), article.id, render, cache);
    return { status: response.status, html: await response.text(), etag: response.headers.get("etag") };
  };
  return { get, cache, renders: () => renders };
}

/** The organisation's admin form as it stands: its text, the logo kept. */
async function organisationText() {
  const { name, url, publicBaseUrl, contactEmail, policyUrl } = await readOrganisation();
  return { name, url, publicBaseUrl, contactEmail, policyUrl, logo: undefined, removeLogo: false };
}

/** The page rendered now, with no cache at all. */
async function uncached(article: TestArticle) {
  return renderPublicPage(await loadArticleExport(null, article.id, { appUrl: await resolvePublicUrl(ORIGIN) }));
}

/** Serves the page once (cached), makes the change, and expects a new render, equal to an uncached one. */
async function expectChangeShown(article: TestArticle, change: () => Promise<unknown>, shown: (html: string) => void) {
  const app = server();
  const before = await app.get(article);
  expect((await app.get(article)).html).toBe(before.html);
  expect(app.renders()).toBe(1);
  await change();
  const after = await app.get(article);
  expect(app.renders()).toBe(2);
  expect(after.status).toBe(200);
  expect(after.html).not.toBe(before.html);
  expect(after.html).toBe(await uncached(article));
  expect(after.etag).not.toBe(before.etag);
  shown(after.html);
}

describe("the public page cache", () => {
  it("serves the bytes an uncached render gives, rendering once while nothing changes", async () => {
    const { article } = await publishedHarbour();
    const app = server();
    const first = await app.get(article);
    const second = await app.get(article);
    expect(first.status).toBe(200);
    expect(first.html).toBe(await uncached(article));
    expect(second).toEqual(first);
    expect(app.renders()).toBe(1);
    expect(first.etag).toMatch(/^"[\w-]{43}"$/);
  });

  it("renders a page once for readers who ask for it at the same time", async () => {
    const { article } = await publishedHarbour();
    const app = server();
    const pages = await Promise.all([1, 2, 3, 4].map(() => app.get(article)));
    expect(new Set(pages.map((p) => p.html)).size).toBe(1);
    expect(app.renders()).toBe(1);
  });

  it("answers 304 with no body to a reader whose copy has the ETag, and the page to one whose copy is older", async () => {
    const { article } = await publishedHarbour();
    const app = server();
    const { etag } = await app.get(article);
    for (const ifNoneMatch of [etag!, `W/${etag}`, `"older", ${etag}`, "*"]) {
      const answer = await app.get(article, { headers: { "If-None-Match": ifNoneMatch } });
      expect(answer).toEqual({ status: 304, html: "", etag });
    }
    const stale = await app.get(article, { headers: { "If-None-Match": '"older"' } });
    expect(stale.status).toBe(200);
    expect(stale.html).toBe(await uncached(article));
    // A process that has not rendered the page yet answers 304 to the same copy (the ETag is the bytes' hash).
    expect((await server().get(article, { headers: { "If-None-Match": etag! } })).status).toBe(304);
  });

  it("keeps each claim's page apart and renders it again after a change", async () => {
    const { article, budget } = await publishedHarbour();
    const app = server();
    const one = await app.get(article, { claim: 1 });
    const two = await app.get(article, { claim: 2 });
    expect(one.html).toContain("Claim: will create 2,000 jobs");
    expect(two.html).toContain("Claim: the budget had doubled since 2019");
    expect((await app.get(article, { claim: 2 })).html).toBe(two.html);
    expect(app.renders()).toBe(2);
    await transitionClaim(editor, { claimId: budget.id, version: budget.version, action: "reopen", note: "Check again.", correctionNote: "The budget figure is being rechecked." });
    await expect(app.get(article, { claim: 2 })).rejects.toThrow(NotFoundError);
    expect(app.renders()).toBe(3);
  });

  describe("renders again after", () => {
    it("a claim is approved", async () => {
      const { article, pending } = await publishedHarbour();
      await expectChangeShown(
        article,
        () => transitionClaim(otherEditor, { claimId: pending.id, version: pending.version, action: "approve", note: null }),
        (html) => expect(html).toContain("Claim: ends in 2027"),
      );
    });

    it("an approved claim is reopened (a public correction opened)", async () => {
      const { article, jobs } = await publishedHarbour();
      await expectChangeShown(
        article,
        () => transitionClaim(editor, { claimId: jobs.id, version: jobs.version, action: "reopen", note: "Recheck.", correctionNote: "A newer study counts 900 jobs." }),
        (html) => expect(html).toContain("A newer study counts 900 jobs."),
      );
    });

    it("a claim is edited and approved again (the correction published)", async () => {
      const { article, jobs } = await publishedHarbour();
      // Reopened, it is submitted again: an editor changes it, and another approves it.
      let version = await transitionClaim(editor, { claimId: jobs.id, version: jobs.version, action: "reopen", note: "Recheck.", correctionNote: "A newer study counts 900 jobs." });
      version = await updateClaim(otherEditor, { claimId: jobs.id, version, restatement: "Claim: will create 2,000 jobs", verdict: "FALSE", rationale: "The newer study counts 900.", note: "A newer study." });
      await expectChangeShown(
        article,
        () => transitionClaim(editor, { claimId: jobs.id, version, action: "approve", note: null }),
        (html) => expect(html).toContain("The newer study counts 900."),
      );
    });

    it("an approved claim is changed in the database (however it is written)", async () => {
      const { article, jobs } = await publishedHarbour();
      await expectChangeShown(
        article,
        () => prisma.$executeRaw`UPDATE "Claim" SET rationale = 'Checked again: 600 jobs.' WHERE id = ${jobs.id}`,
        (html) => expect(html).toContain("Checked again: 600 jobs."),
      );
    });

    it("an approved claim's evidence is changed in the database (however it is written)", async () => {
      const { article, jobs } = await publishedHarbour();
      await expectChangeShown(
        article,
        () => prisma.$executeRaw`UPDATE "Evidence" SET title = 'Jobs study, revised' WHERE "claimId" = ${jobs.id}`,
        (html) => expect(html).toContain("Jobs study, revised"),
      );
    });

    it("a correction's note is changed in the database (however it is written)", async () => {
      const { article, jobs } = await publishedHarbour();
      await transitionClaim(editor, { claimId: jobs.id, version: jobs.version, action: "reopen", note: "Recheck.", correctionNote: "A newer study counts 900 jobs." });
      await expectChangeShown(
        article,
        () => prisma.correction.updateMany({ where: { claimId: jobs.id }, data: { note: "A newer study counts 901 jobs." } }),
        (html) => expect(html).toContain("A newer study counts 901 jobs."),
      );
    });

    it("the article's text is revised (a new version, its claims re-anchored)", async () => {
      const { article } = await publishedHarbour();
      const content = [HARBOUR[0], "Update: figures revised.", ...HARBOUR.slice(1)].join("\n");
      const input = { articleId: article.id, sourceUrl: null, format: "TEXT" as const, content, file: null, outletUpdatedOn: new Date("2026-12-01T00:00:00Z") };
      await expectChangeShown(
        article,
        async () => {
          const review = await previewVersion(editor, input);
          await confirmVersion(editor, { ...input, basedOn: review.basedOn, digest: review.digest });
        },
        (html) => expect(html).toContain("Update: figures revised."),
      );
    });

    it("the article's details are edited", async () => {
      const { article } = await publishedHarbour();
      await expectChangeShown(
        article,
        () => updateArticleDetails(editor, { articleId: article.id, title: "Harbour Plan Approved at Last", outlet: "Test Outlet", url: null, publicationDate: null, language: null }),
        (html) => expect(html).toContain("Harbour Plan Approved at Last"),
      );
    });

    it("the organisation's name or logo changes", async () => {
      const { article } = await publishedHarbour();
      const logo = new File(['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'], "logo.svg", { type: "image/svg+xml" });
      await expectChangeShown(
        article,
        async () => saveOrganisation(admin, { ...(await organisationText()), name: "Harbour Checkers", logo }),
        (html) => {
          expect(html).toContain("Harbour Checkers");
          expect(html).toContain('class="public-bar__logo" src="data:image/svg+xml');
        },
      );
    });

    it("a rating's label or colour changes (the scales are data)", async () => {
      const { article, jobs } = await publishedHarbour();
      const rating = await prisma.rating.findUniqueOrThrow({ where: { id: (await prisma.claim.findUniqueOrThrow({ where: { id: jobs.id } })).verdict! } });
      try {
        await expectChangeShown(
          article,
          () => prisma.$executeRaw`UPDATE "Rating" SET label = 'Quite wrong', color = '#8f1d12' WHERE id = ${rating.id}`,
          (html) => {
            expect(html).toContain("Quite wrong");
            expect(html).toContain("--v:#8f1d12");
          },
        );
      } finally {
        await prisma.rating.update({ where: { id: rating.id }, data: { label: rating.label, color: rating.color } });
      }
    });

    it("a rating scale's numbers change (a claim's page: its ClaimReview)", async () => {
      const { article } = await publishedHarbour();
      const app = server();
      const before = await app.get(article, { claim: 1 });
      try {
        await prisma.$executeRaw`UPDATE "RatingScale" SET "bestRating" = 9 WHERE id = 'verity'`;
        const after = await app.get(article, { claim: 1 });
        expect(app.renders()).toBe(2);
        expect(after.html).not.toBe(before.html);
        expect(after.html).toContain('"bestRating":9');
      } finally {
        await prisma.ratingScale.update({ where: { id: "verity" }, data: { bestRating: 5 } });
      }
    });

    it("the organisation's public address changes", async () => {
      const { article } = await publishedHarbour();
      const current = await organisationText();
      await expectChangeShown(
        article,
        () => saveOrganisation(admin, { ...current, publicBaseUrl: "https://checks.example" }),
        (html) => expect(html).toContain(`https://checks.example/p/${article.id}`),
      );
      await saveOrganisation(admin, current);
    });

    it("a passage cited as evidence is in an article that is then retired", async () => {
      const { article } = await publishedHarbour();
      const report = await makeArticle(["Fleet Report", "Fishers say the budget doubled twice."]);
      await publishArticle(editor, report.id);
      const claim = await makeClaim(reviewer, article, "Critics said the budget", { verdict: "MIXED", rationale: "Partly." });
      const { version } = await addEvidence(reviewer, { kind: "PASSAGE", claimId: claim.id, version: claim.version, stance: "SUPPORTS", sourceArticleId: report.id, ...spanOf(report.text, "the budget doubled twice") });
      const submitted = await transitionClaim(reviewer, { claimId: claim.id, version, action: "submit", note: null });
      await transitionClaim(editor, { claimId: claim.id, version: submitted, action: "approve", note: null });
      expect(await uncached(article)).toContain("the budget doubled twice");
      await expectChangeShown(
        article,
        () => retireArticle(editor, report.id),
        (html) => expect(html).not.toContain("the budget doubled twice"),
      );
    });

    describe("the same claim in another article", () => {
      /** The harbour's jobs claim, linked with the same claim approved in a published bridge article. */
      async function linked() {
        const { article } = await publishedHarbour();
        const bridge = await makeArticle(["Bridge Reopens", "The council said the bridge will reopen in May.", "The harbour will create 2,000 jobs, it said."]);
        const theirs = await claimIn("APPROVED", reviewer, editor, bridge, "The harbour will create 2,000 jobs", "FALSE");
        await publishArticle(editor, bridge.id);
        const ours = await claimIn("SUBMITTED", reviewer, editor, article, "Construction starts next spring", "MIXED");
        await linkSameClaim(editor, { claimId: ours.id, otherClaimId: theirs.id });
        await transitionClaim(otherEditor, { claimId: ours.id, version: ours.version, action: "approve", note: null });
        expect(await uncached(article)).toContain(`/p/${bridge.id}/claims/1`);
        return { article, bridge, theirs };
      }

      it("is reopened", async () => {
        const { article, bridge, theirs } = await linked();
        await expectChangeShown(
          article,
          () => transitionClaim(editor, { claimId: theirs.id, version: theirs.version, action: "reopen", note: "Recheck.", correctionNote: "Being rechecked." }),
          (html) => expect(html).not.toContain(`/p/${bridge.id}/claims/1`),
        );
      });

      it("is in an article that is unpublished", async () => {
        const { article, bridge } = await linked();
        await expectChangeShown(
          article,
          () => unpublishArticle(editor, bridge.id),
          (html) => expect(html).not.toContain(`/p/${bridge.id}/claims`),
        );
      });

      it("gets another number there (a claim before it approved)", async () => {
        const { article, bridge } = await linked();
        await expectChangeShown(
          article,
          () => claimIn("APPROVED", reviewer, editor, bridge, "the bridge will reopen in May", "TRUE"),
          (html) => expect(html).toContain(`/p/${bridge.id}/claims/2`),
        );
      });
    });
  });

  it("answers 410 once the article is unpublished or retired, and the page again once republished", async () => {
    const { article } = await publishedHarbour();
    const app = server();
    expect((await app.get(article)).status).toBe(200);
    await unpublishArticle(editor, article.id);
    expect((await app.get(article)).status).toBe(410);
    await publishArticle(editor, article.id);
    const again = await app.get(article);
    expect(again.status).toBe(200);
    expect(again.html).toBe(await uncached(article));
    await retireArticle(editor, article.id);
    expect((await app.get(article)).status).toBe(410);
  });

  it("never serves a stale page from one server after a change made through another", async () => {
    const { article, pending } = await publishedHarbour();
    const [a, b] = [server(), server()];
    const before = await b.get(article);
    expect((await a.get(article)).html).toBe(before.html);
    // The change is made through server A: B hears nothing of it but its next stamp.
    await transitionClaim(otherEditor, { claimId: pending.id, version: pending.version, action: "approve", note: null });
    const [fromA, fromB] = [await a.get(article), await b.get(article)];
    expect(fromB.html).not.toBe(before.html);
    expect(fromB.html).toBe(await uncached(article));
    expect(fromA.html).toBe(fromB.html);
    expect(fromA.etag).toBe(fromB.etag);
    // B's reader with the old copy gets the new page, not 304.
    expect((await b.get(article, { headers: { "If-None-Match": before.etag! } })).status).toBe(200);
  });

  it("keeps pages within its byte limit, dropping the least recently served first", async () => {
    const articles = await Promise.all([0, 1, 2].map(() => publishedHarbour()));
    const size = Buffer.byteLength(await uncached(articles[0].article));
    const app = server(new PageCache(size * 2.5));
    await app.get(articles[0].article);
    await app.get(articles[1].article);
    await app.get(articles[0].article);
    await app.get(articles[2].article);
    expect(app.renders()).toBe(3);
    expect(app.cache.size.pages).toBe(2);
    expect(app.cache.size.bytes).toBeLessThanOrEqual(size * 2.5);
    await app.get(articles[0].article);
    await app.get(articles[2].article);
    expect(app.renders()).toBe(3);
    await app.get(articles[1].article);
    expect(app.renders()).toBe(4);
  });
});
