import { useTestDatabase } from "@/test/db";
import { getCurrentUser, type Actor } from "@/lib/auth/current-user";
import { makeArticle, makeClaim, makeUser, type TestArticle } from "@/lib/claims/test-fixtures";
import { checkModel, reportLines, type AssertionResult } from "@/test/w3c-annotation-model";
import * as container from "@/app/annotations/[articleId]/route";
import * as member from "@/app/annotations/[articleId]/[claimId]/route";

/**
 * The Annotation Protocol server's responses against the W3C's official JSON Schemas of the
 * Web Annotation model (test/w3c-annotation-model.ts): the container (an AnnotationCollection
 * with its first page embedded), a page of it, and one annotation. Every MUST passes; SHOULDs
 * are reported by name.
 */

jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: jest.fn(), isSessionUserDisabled: jest.fn(async () => false) }));

useTestDatabase();

const APP = "http://localhost";
let editor: Actor;
let article: TestArticle;
let claimId: string;

beforeAll(async () => {
  const reviewer = await makeUser("REVIEWER");
  editor = await makeUser("EDITOR");
  article = await makeArticle(["Harbour plan", "The mayor said the harbour plan will create 4,000 jobs by 2030 🚢.", "Critics said the cost had doubled since 2019."]);
  claimId = (await makeClaim(reviewer, article, "4,000 jobs")).id;
  await makeClaim(reviewer, article, "the cost had doubled since 2019");
  jest.mocked(getCurrentUser).mockResolvedValue(editor);
});

const params = (extra: Record<string, string> = {}) => ({ params: Promise.resolve<Record<string, string>>({ articleId: article.id, ...extra }) });
const json = async (response: Response) => {
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
};

it("answers with a container, pages and annotations that pass every MUST of the W3C model tests", async () => {
  const base = `${APP}/annotations/${article.id}/`;
  const collection = await json(await container.GET(new Request(base), params()));
  const page = await json(await container.GET(new Request(`${base}?page=0`), params()));
  const annotation = await json(await member.GET(new Request(`${base}${claimId}`), params({ claimId })));
  const items = (collection.first as { items: unknown[] }).items;
  expect(items).toHaveLength(2);

  const results: AssertionResult[] = [
    ...checkModel("collection", [collection]),
    ...checkModel("page", [collection, page]),
    ...checkModel("annotation", [...items, annotation]),
  ];
  console.log(`W3C Web Annotation model assertions (Annotation Protocol responses):\n${reportLines(results).join("\n")}`);
  expect(results.filter((r) => r.type === "must" && !r.passed).map((r) => `${r.subject} ${r.name}: ${r.failure}`)).toEqual([]);
  expect(results.filter((r) => r.type === "must").length).toBeGreaterThan(50);
});
