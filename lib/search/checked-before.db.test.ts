import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { importArticle } from "@/lib/articles/data";
import { importArticleSchema } from "@/lib/articles/schemas";
import { makeClaim, makeUser } from "@/lib/claims/test-fixtures";
import { NotFoundError } from "@/lib/errors";
import { checkedBefore } from "@/lib/search/checked-before";

/**
 * "Checked before": an imported article's sentences that state a claim approved in another
 * article are flagged with its verdict; a changed detail, a claim not yet approved, a claim
 * the reader may not see, and the article's own claims are not.
 */
useTestDatabase();

const CHECKED = "The city's unemployment rate fell to 4.2 percent in May, the statistics office said.";
const FIRST = `Jobs report\n${CHECKED}\nEconomists had expected a smaller fall.`;
const REWORDED = "The unemployment rate in the city fell to 4.2% in May, the mayor claimed on Tuesday.";
const OTHER_MONTH = "The unemployment rate in the city rose to 4.2% in June, the mayor claimed.";
const SECOND = `Mayor on the economy\n${REWORDED}\n${OTHER_MONTH}\nThe mayor spoke for an hour at the town hall.`;

let editor: Actor;
let reviewer: Actor;
const ids: Record<string, string> = {};

const importText = (content: string) =>
  importArticle(editor, importArticleSchema.parse({ content, format: "TEXT", outlet: "City Gazette", title: "", url: "", publicationDate: "", importAnyway: "" }));
const article = async (id: string) => {
  const row = await prisma.article.findUniqueOrThrow({ where: { id }, select: { id: true, title: true, canonicalText: true } });
  return { id: row.id, title: row.title, text: row.canonicalText };
};

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  reviewer = await makeUser("REVIEWER");
  ids.first = await importText(FIRST);
  const claim = await makeClaim(editor, await article(ids.first), CHECKED.replace(", the statistics office said.", ""), {
    restatement: "Unemployment in the city fell to 4.2% in May",
    verdict: "FALSE",
    state: "APPROVED",
  });
  ids.claim = claim.id;
  ids.second = await importText(SECOND);
});

it("flags the sentence that restates an approved claim, with its verdict and where it was checked", async () => {
  const second = await article(ids.second);
  const flagged = await checkedBefore(reviewer, ids.second);
  expect(flagged).toEqual([
    {
      start: second.text.indexOf(REWORDED),
      end: second.text.indexOf(REWORDED) + REWORDED.length,
      text: REWORDED,
      claimId: ids.claim,
      restatement: "Unemployment in the city fell to 4.2% in May",
      verdict: "FALSE",
      articleId: ids.first,
      articleTitle: "Jobs report",
    },
  ]);
});

it("does not flag the article's own approved claim", async () => {
  expect(await checkedBefore(reviewer, ids.first)).toEqual([]);
});

it("does not flag a claim not yet approved", async () => {
  await prisma.claim.update({ where: { id: ids.claim }, data: { state: "SUBMITTED" } });
  try {
    expect(await checkedBefore(reviewer, ids.second)).toEqual([]);
  } finally {
    await prisma.claim.update({ where: { id: ids.claim }, data: { state: "APPROVED" } });
  }
});

it("does not offer a reviewer a claim in a retired article, nor read an article out of their sight", async () => {
  await prisma.article.update({ where: { id: ids.first }, data: { retiredAt: new Date() } });
  try {
    expect(await checkedBefore(reviewer, ids.second)).toEqual([]);
    expect((await checkedBefore(editor, ids.second)).map((f) => f.claimId)).toEqual([ids.claim]);
    await expect(checkedBefore(reviewer, ids.first)).rejects.toBeInstanceOf(NotFoundError);
  } finally {
    await prisma.article.update({ where: { id: ids.first }, data: { retiredAt: null } });
  }
});
