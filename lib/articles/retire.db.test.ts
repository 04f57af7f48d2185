import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { makeArticle, makeUser, type TestArticle } from "@/lib/claims/test-fixtures";
import { claimIn } from "@/lib/export/db-test-fixtures";
import { getArticle, listArticles } from "@/lib/articles/data";
import { articleListQuerySchema } from "@/lib/articles/schemas";
import { restoreArticle, retireArticle } from "@/lib/articles/retire";
import { publishArticle, unpublishArticle } from "@/lib/publishing/data";
import { GET as publicPage } from "@/app/p/[articleId]/route";

/**
 * Taking things down without a silent disappearance: an unpublished or retired article's
 * public address answers 410 with the date it was withdrawn (a page that never existed stays
 * 404); retiring hides the article from reviewers but keeps its claims, and editors find it
 * under the Retired filter; restoring brings it back to reviewers without publishing it.
 */

useTestDatabase();

let reviewer: Actor;
let editor: Actor;

beforeAll(async () => {
  reviewer = await makeUser("REVIEWER", "Rita Reviewer");
  editor = await makeUser("EDITOR", "Elena Editor");
});

const LINES = ["Harbour Plan Approved", "The port authority said the new harbour will create 2,000 jobs."];

async function page(article: TestArticle) {
  const response = await publicPage(new Request(`http://localhost/p/${article.id}`), { params: Promise.resolve({ articleId: article.id }) });
  return { status: response.status, html: await response.text(), policy: response.headers.get("content-security-policy") };
}

const listed = async (actor: Actor, params: Record<string, string> = {}) =>
  (await listArticles(actor, articleListQuerySchema.parse(params))).map((article) => article.id);

describe("a public page taken down", () => {
  it("answers 410 with the date it was withdrawn, not to be indexed; one never published stays 404; publishing again brings it back", async () => {
    const article = await makeArticle(LINES);
    expect((await page(article)).status).toBe(404);
    await publishArticle(editor, article.id);
    expect((await page(article)).status).toBe(200);
    await unpublishArticle(editor, article.id);
    const { unpublishedAt } = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    const gone = await page(article);
    expect(gone.status).toBe(410);
    expect(gone.html).toContain("This fact-check was withdrawn");
    expect(gone.html).toContain(`<time dateTime="${unpublishedAt!.toISOString()}">`);
    expect(gone.html).toContain('<meta name="robots" content="noindex"/>');
    expect(gone.policy).toContain("script-src 'none'");
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityId: article.id, action: "article.unpublish" } })).toMatchObject({
      after: { publishedAt: null, unpublishedAt: unpublishedAt!.toISOString() },
    });
    await publishArticle(editor, article.id);
    expect(await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({ unpublishedAt: null });
    expect((await page(article)).status).toBe(200);
  });
});

describe("retiring and restoring", () => {
  it("retires: reviewers lose it, editors find it under Retired, its claims stay, its public page says withdrawn", async () => {
    const article = await makeArticle(LINES);
    const claim = await claimIn("APPROVED", reviewer, editor, article, "will create 2,000 jobs");
    await publishArticle(editor, article.id);
    await retireArticle(editor, article.id);

    await expect(getArticle(reviewer, article.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listed(reviewer)).not.toContain(article.id);
    expect(await listed(editor, { state: "RETIRED" })).toContain(article.id);
    expect(await prisma.claim.count({ where: { id: claim.id } })).toBe(1);
    expect((await page(article)).status).toBe(410);
    await expect(publishArticle(editor, article.id)).rejects.toThrow("A retired article cannot be published.");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: article.id, action: "article.retire" } });
    expect(audit).toMatchObject({ actorId: editor.id, before: { retiredAt: null, publishedAt: expect.any(String) }, after: { publishedAt: null, retiredAt: expect.any(String) } });
  });

  it("restores: reviewers see it again; it is not published again by itself", async () => {
    const article = await makeArticle(LINES);
    await publishArticle(editor, article.id);
    await retireArticle(editor, article.id);
    await restoreArticle(editor, article.id);
    expect(await getArticle(reviewer, article.id)).toMatchObject({ id: article.id, retiredAt: null });
    expect(await listed(editor, { state: "RETIRED" })).not.toContain(article.id);
    expect((await page(article)).status).toBe(410);
    expect(await prisma.auditEvent.count({ where: { entityId: article.id, action: "article.restore", actorId: editor.id } })).toBe(1);
  });

  it("is for editors only, and a second retire or restore records nothing", async () => {
    const article = await makeArticle(LINES);
    await expect(retireArticle(reviewer, article.id)).rejects.toBeInstanceOf(ForbiddenError);
    await retireArticle(editor, article.id);
    await retireArticle(editor, article.id);
    await expect(restoreArticle(reviewer, article.id)).rejects.toBeInstanceOf(ForbiddenError);
    await restoreArticle(editor, article.id);
    await restoreArticle(editor, article.id);
    expect(await prisma.auditEvent.groupBy({ by: ["action"], where: { entityId: article.id }, _count: { _all: true }, orderBy: { action: "asc" } })).toEqual([
      { action: "article.restore", _count: { _all: 1 } },
      { action: "article.retire", _count: { _all: 1 } },
    ]);
  });
});
