import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { makeArticle, makeUser } from "@/lib/claims/test-fixtures";
import { countQueue, listQueue, QUEUE_PAGE_SIZE } from "@/lib/workflow/data";

/** The review queue in pages: the count says how many claims wait, however many pages they take. */

useTestDatabase();

it("counts every submitted claim and shows them a page at a time, oldest first, each once", async () => {
  const [reviewer, editor] = [await makeUser("REVIEWER"), await makeUser("EDITOR")];
  const article = await makeArticle(["Queue article", "The harbour will create 2,000 jobs, the port authority said."]);
  const total = QUEUE_PAGE_SIZE + 7;
  const start = Date.UTC(2025, 0, 1);
  await prisma.claim.createMany({
    data: Array.from({ length: total }, (_, i) => ({
      articleId: article.id,
      authorId: reviewer.id,
      restatement: `Claim ${i}`,
      state: "SUBMITTED" as const,
      submittedAt: new Date(start + i * 60_000),
      startOffset: 0,
      endOffset: 7,
      exact: "The har",
      prefix: "",
      suffix: "bour",
    })),
  });
  const filters = { articleId: article.id };
  expect(await countQueue(editor, filters)).toBe(total);
  const first = await listQueue(editor, { ...filters, page: 1 });
  const second = await listQueue(editor, { ...filters, page: 2 });
  expect(first).toHaveLength(QUEUE_PAGE_SIZE);
  expect(second).toHaveLength(7);
  expect([...first, ...second].map((c) => c.restatement)).toEqual(Array.from({ length: total }, (_, i) => `Claim ${i}`));
  expect(await listQueue(editor, { ...filters, page: 3 })).toEqual([]);
});
