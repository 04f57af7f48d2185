import { useTestDatabase } from "@/test/db";
import { prisma, queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { makeArticle, makeClaim, makeUser } from "@/lib/claims/test-fixtures";
import { isPublicArticle, isVisibleArticle, visibleArticleSql, visibleArticleWhere, visibleClaimWhere, type Viewer } from "@/lib/auth/visibility";

/**
 * The one visibility rule in its two forms: for every role and for anonymous readers, over
 * articles that are published or not and retired or not, the Prisma `where` and the SQL
 * condition select exactly the same articles and claims, and those are the ones the rule says.
 */

useTestDatabase();

const VIEWERS: Array<[string, Viewer]> = [
  ["anonymous", null],
  ["reviewer", { role: "REVIEWER" }],
  ["editor", { role: "EDITOR" }],
  ["admin", { role: "ADMIN" }],
];

describe("visibility", () => {
  const kinds = { draft: { published: false, retired: false }, published: { published: true, retired: false }, retired: { published: false, retired: true }, publishedRetired: { published: true, retired: true } };
  const ids: Record<keyof typeof kinds, { article: string; claim: string }> = {} as never;

  beforeAll(async () => {
    const author = await makeUser("REVIEWER");
    for (const [kind, { published, retired }] of Object.entries(kinds) as Array<[keyof typeof kinds, (typeof kinds)["draft"]]>) {
      const article = await makeArticle([`A ${kind} article`, `Its text says ${kind} things happened in 2024.`]);
      const claim = await makeClaim(author, article, "things happened");
      await prisma.article.update({ where: { id: article.id }, data: { publishedAt: published ? new Date() : null, retiredAt: retired ? new Date() : null } });
      ids[kind] = { article: article.id, claim: claim.id };
    }
  });

  const expected: Record<string, Array<keyof typeof kinds>> = {
    anonymous: ["published"],
    reviewer: ["draft", "published"],
    editor: ["draft", "published", "retired", "publishedRetired"],
    admin: ["draft", "published", "retired", "publishedRetired"],
  };

  it.each(VIEWERS)("selects the same articles and claims in both forms for %s", async (name, viewer) => {
    const ours = Object.values(ids).map((i) => i.article);
    const viaPrisma = await prisma.article.findMany({ where: { id: { in: ours }, ...visibleArticleWhere(viewer) }, select: { id: true } });
    const viaSql = await queryRows<{ id: string }>(
      Prisma.sql`SELECT a.id FROM "Article" a WHERE a.id IN (${Prisma.join(ours)}) ${visibleArticleSql(viewer, Prisma.sql`a.id`)}`,
    );
    const claimsViaPrisma = await prisma.claim.findMany({
      where: { id: { in: Object.values(ids).map((i) => i.claim) }, ...visibleClaimWhere(viewer) },
      select: { articleId: true },
    });
    const claimsViaSql = await queryRows<{ articleId: string }>(
      Prisma.sql`SELECT c."articleId" FROM "Claim" c WHERE c."articleId" IN (${Prisma.join(ours)}) ${visibleArticleSql(viewer, Prisma.sql`c."articleId"`)}`,
    );
    const want = expected[name].map((kind) => ids[kind].article).sort();
    expect(viaPrisma.map((r) => r.id).sort()).toEqual(want);
    expect(viaSql.map((r) => r.id).sort()).toEqual(want);
    expect(claimsViaPrisma.map((r) => r.articleId).sort()).toEqual(want);
    expect(claimsViaSql.map((r) => r.articleId).sort()).toEqual(want);
  });

  it.each(VIEWERS)("agrees with the predicate on articles already read for %s", async (name, viewer) => {
    const articles = await prisma.article.findMany({ where: { id: { in: Object.values(ids).map((i) => i.article) } }, select: { id: true, publishedAt: true, retiredAt: true } });
    const want = expected[name].map((kind) => ids[kind].article).sort();
    expect(articles.filter((article) => isVisibleArticle(viewer, article)).map((a) => a.id).sort()).toEqual(want);
  });

  it("calls an article public only when it is published and not retired", async () => {
    const articles = await prisma.article.findMany({ where: { id: { in: Object.values(ids).map((i) => i.article) } }, select: { id: true, publishedAt: true, retiredAt: true } });
    expect(articles.filter(isPublicArticle).map((a) => a.id)).toEqual([ids.published.article]);
  });
});
