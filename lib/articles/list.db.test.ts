import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import { ARTICLES_PAGE_SIZE, articleFilterChoices, countArticles, listArticles } from "@/lib/articles/data";
import { articleListQuerySchema } from "@/lib/articles/schemas";
import { parseQuery } from "@/lib/validation/query";
import { makeUser } from "@/lib/claims/test-fixtures";

/** The article list's search, filters, sort and paging, on four articles made to tell them apart. */

useTestDatabase();

let editor: Actor;
let reviewer: Actor;
const ids: Record<"alpha" | "beta" | "gamma" | "delta", string> = { alpha: "", beta: "", gamma: "", delta: "" };

async function article(title: string, data: { outlet: string; language?: string; publicationDate?: string; createdAt: string; publishedAt?: boolean; retiredAt?: boolean; claims?: ClaimState[] }) {
  const text = `${title}. The text of the article says something checkable.`;
  const created = await prisma.article.create({
    data: {
      title,
      outlet: data.outlet,
      language: data.language ?? null,
      publicationDate: data.publicationDate ? new Date(`${data.publicationDate}T00:00:00Z`) : null,
      createdAt: new Date(data.createdAt),
      publishedAt: data.publishedAt ? new Date() : null,
      retiredAt: data.retiredAt ? new Date() : null,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
      canonicalText: text,
      sourceFormat: "TEXT",
    },
  });
  for (const state of data.claims ?? []) {
    await prisma.claim.create({
      data: { articleId: created.id, authorId: reviewer.id, restatement: `A ${state} claim`, state, startOffset: 0, endOffset: 5, exact: text.slice(0, 5), prefix: "", suffix: text.slice(5, 37) },
    });
  }
  return created.id;
}

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  reviewer = await makeUser("REVIEWER");
  ids.alpha = await article("Alpha budget vote", { outlet: "Daily", language: "en", publicationDate: "2025-01-10", createdAt: "2025-03-01", publishedAt: true, claims: ["DRAFT"] });
  ids.beta = await article("Beta election count", { outlet: "Weekly", language: "de", publicationDate: "2024-05-01", createdAt: "2025-03-02", claims: ["SUBMITTED", "APPROVED", "APPROVED"] });
  ids.gamma = await article("Gamma budget", { outlet: "Daily", language: "fr", createdAt: "2025-03-03", retiredAt: true });
  // Published once, then retired: it has no public page, so it is not "published".
  ids.delta = await article("Delta report", { outlet: "Weekly", language: "en", publicationDate: "2025-06-01", createdAt: "2025-03-04", publishedAt: true, retiredAt: true, claims: ["CHANGES_REQUESTED"] });
});

const query = (params: Record<string, string> = {}) => articleListQuerySchema.parse(params);

/** The names of the articles listed, in the list's order. */
async function listed(actor: Actor, params: Record<string, string> = {}) {
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return (await listArticles(actor, query(params))).map((a) => names[a.id]);
}

describe("the article list's filters", () => {
  it("searches titles, ignoring case, within what the viewer may see", async () => {
    expect(await listed(editor, { q: "BUDGET" })).toEqual(["alpha", "gamma"]);
    expect(await listed(reviewer, { q: "budget" })).toEqual(["alpha"]);
    expect(await listed(editor, { q: "no such words" })).toEqual([]);
  });

  it("filters by outlet and by language", async () => {
    expect(await listed(editor, { outlet: "Daily" })).toEqual(["alpha", "gamma"]);
    expect(await listed(editor, { language: "en" })).toEqual(["delta", "alpha"]);
    expect(await listed(editor, { language: "DE" })).toEqual(["beta"]);
  });

  it.each([
    ["DRAFT", ["alpha"]],
    ["SUBMITTED", ["beta"]],
    ["CHANGES_REQUESTED", ["delta"]],
    ["APPROVED", ["beta"]],
    ["RETIRED", ["delta", "gamma"]],
  ])("filters by state %s", async (state, expected) => {
    expect(await listed(editor, { state })).toEqual(expected);
  });

  it("shows a reviewer no retired article, even when asked for retired ones", async () => {
    expect(await listed(reviewer, { state: "RETIRED" })).toEqual([]);
    expect(await listed(reviewer)).toEqual(["alpha", "beta"]);
  });

  it("filters published (a public page now) and not published", async () => {
    expect(await listed(editor, { published: "yes" })).toEqual(["alpha"]);
    expect(await listed(editor, { published: "no" })).toEqual(["delta", "beta", "gamma"]);
  });

  it("filters articles with and without claims", async () => {
    expect(await listed(editor, { claims: "yes" })).toEqual(["delta", "alpha", "beta"]);
    expect(await listed(editor, { claims: "no" })).toEqual(["gamma"]);
  });

  it("combines filters, and counts what they match", async () => {
    const params = { outlet: "Weekly", language: "en", claims: "yes" };
    expect(await listed(editor, params)).toEqual(["delta"]);
    expect(await countArticles(editor, query(params))).toBe(1);
    expect(await countArticles(reviewer, query(params))).toBe(0);
  });

  it("offers the outlets and languages of the articles the viewer may see", async () => {
    expect(await articleFilterChoices(editor)).toEqual({ outlets: ["Daily", "Weekly"], languages: ["de", "en", "fr"] });
    // French is only the retired Gamma's language.
    expect(await articleFilterChoices(reviewer)).toEqual({ outlets: ["Daily", "Weekly"], languages: ["de", "en"] });
  });
});

describe("the article list's sort orders", () => {
  it.each([
    ["newest", ["delta", "alpha", "beta", "gamma"]],
    ["oldest", ["beta", "alpha", "delta", "gamma"]],
    ["title", ["alpha", "beta", "delta", "gamma"]],
    ["claims", ["beta", "delta", "alpha", "gamma"]],
  ])("sorts %s", async (sort, expected) => {
    expect(await listed(editor, { sort })).toEqual(expected);
  });
});

describe("the article list's pages", () => {
  it("pages the filtered, sorted list without repeating or skipping an article", async () => {
    const fillers = Array.from({ length: ARTICLES_PAGE_SIZE + 2 }, (_, i) => `Filler ${String(i).padStart(2, "0")}`);
    for (const title of fillers) await article(title, { outlet: "Filler", createdAt: "2025-01-01" });
    const page = async (n: number) => (await listArticles(editor, query({ outlet: "Filler", sort: "title", page: String(n) }))).map((a) => a.title);

    expect(await countArticles(editor, query({ outlet: "Filler" }))).toBe(fillers.length);
    expect(await page(1)).toEqual(fillers.slice(0, ARTICLES_PAGE_SIZE));
    expect(await page(2)).toEqual(fillers.slice(ARTICLES_PAGE_SIZE));
    expect(await page(3)).toEqual([]);
    await prisma.article.deleteMany({ where: { outlet: "Filler" } });
  });
});

describe("the article list's URL query", () => {
  it("applies the filters it understands and names the ones it does not, with what to do", () => {
    const { query: parsed, problems } = parseQuery(articleListQuerySchema, {
      q: ["budget", "ignored"],
      outlet: "Daily",
      language: "not a language",
      state: "LOST",
      sort: "random",
      page: "0",
      published: "yes",
    });
    expect(parsed).toEqual({ q: "budget", outlet: "Daily", language: null, published: "yes", sort: "newest", page: 1 });
    expect(problems).toEqual({
      language: "Enter a language tag such as en, de or pt-BR.",
      state: "Choose a state from the list.",
      sort: "Choose a sort order from the list.",
      page: "A page is a whole number from 1.",
    });
  });

  it("takes an empty query as the first page of everything, newest first", () => {
    expect(parseQuery(articleListQuerySchema, {})).toEqual({ query: { q: null, outlet: null, language: null, sort: "newest", page: 1 }, problems: {} });
  });
});
