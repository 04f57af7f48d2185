import { z } from "zod";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { seed } from "@/lib/seed/seed";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import { getArticle, listArticleChoices, listArticles, updateArticleDetails } from "@/lib/articles/data";
import { articleDetailsSchema } from "@/lib/articles/schemas";

/** Articles' data layer against a database holding the seed articles and demo users. */

 
useTestDatabase();

const SEED_TITLES = [
  "Ukraine advocates tear into Hegseth for giving Russia ‘concessions’ at start of peace talks: ‘Biggest gift’",
  "Trump’s Early Concessions to Russia Raise Concerns Amid Ukraine Peace Talks",
  "Unsettling Clarity in Trump's Ukraine Strategy Raises Concerns Among Allies",
];

let admin: Actor;
let editor: Actor;
let reviewer: Actor;

async function actor(email: string): Promise<Actor> {
  return prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true, role: true } });
}

beforeAll(async () => {
  await seed(prisma);
  [admin, editor, reviewer] = await Promise.all([
    actor("admin@verity.test"),
    actor("editor@verity.test"),
    actor("reviewer@verity.test"),
  ]);
});

async function addClaim(articleId: string, state: ClaimState) {
  const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { canonicalText: true } });
  const exact = article.canonicalText.slice(10, 30);
  return prisma.claim.create({
    data: {
      articleId,
      authorId: reviewer.id,
      restatement: `A ${state} claim`,
      state,
      startOffset: 10,
      endOffset: 30,
      exact,
      prefix: article.canonicalText.slice(0, 10),
      suffix: article.canonicalText.slice(30, 62),
    },
  });
}

async function snapshot(articleId: string) {
  const [article, audit] = await Promise.all([
    prisma.article.findUniqueOrThrow({ where: { id: articleId } }),
    prisma.auditEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { article, audit };
}

const details = (input: Record<string, string>) => articleDetailsSchema.parse(input);

const zero = { DRAFT: 0, SUBMITTED: 0, CHANGES_REQUESTED: 0, APPROVED: 0, total: 0 };

// Tests that change articles work on an article of their own, so the seed articles stay as seeded.
async function scratchArticle(title: string) {
  const source = await prisma.article.findFirstOrThrow({ where: { title: SEED_TITLES[0] } });
  return prisma.article.create({
    data: {
      title,
      outlet: "Scratch Outlet",
      body: source.body as object,
      canonicalText: source.canonicalText,
      sourceFormat: "TEXT",
      importedById: editor.id,
    },
  });
}

describe("listArticles", () => {
  it("lists the seed articles with zero claim counts, then counts claims by state", async () => {
    const listed = await listArticles(reviewer);
    expect(listed).toHaveLength(4);
    expect(listed.map((a) => a.title)).toEqual(expect.arrayContaining(SEED_TITLES));
    for (const article of listed) {
      expect(article.claimCounts).toEqual(zero);
      expect(article.outlet).toBe("Unattributed");
    }

    const [first, second] = listed;
    for (const state of ["DRAFT", "DRAFT", "SUBMITTED", "APPROVED", "APPROVED", "APPROVED"] as const) {
      await addClaim(first.id, state);
    }
    await addClaim(second.id, "CHANGES_REQUESTED");

    const counted = new Map((await listArticles(reviewer)).map((a) => [a.id, a.claimCounts]));
    expect(counted.get(first.id)).toEqual({ DRAFT: 2, SUBMITTED: 1, CHANGES_REQUESTED: 0, APPROVED: 3, total: 6 });
    expect(counted.get(second.id)).toEqual({ ...zero, CHANGES_REQUESTED: 1, total: 1 });
    for (const article of listed.slice(2)) expect(counted.get(article.id)).toEqual(zero);

    await prisma.claim.deleteMany();
  });

  it("puts dated articles first, newest first, then undated ones by newest import", async () => {
    const older = await scratchArticle("Dated 2024");
    const newer = await scratchArticle("Dated 2025");
    await prisma.article.update({ where: { id: older.id }, data: { publicationDate: new Date("2024-05-01T00:00:00Z") } });
    await prisma.article.update({ where: { id: newer.id }, data: { publicationDate: new Date("2025-01-15T00:00:00Z") } });

    const listed = await listArticles(editor);
    expect(listed.slice(0, 2).map((a) => a.id)).toEqual([newer.id, older.id]);
    // The reader's article choices: the same articles in the same order, ids and titles only.
    expect(await listArticleChoices(editor)).toEqual(listed.map(({ id, title }) => ({ id, title })));
    const undated = listed.slice(2);
    expect(undated.every((a) => a.publicationDate === null)).toBe(true);
    const created = undated.map((a) => a.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));

    await prisma.article.deleteMany({ where: { id: { in: [older.id, newer.id] } } });
  });

  it("hides retired articles from reviewers but not from editors", async () => {
    const retired = await scratchArticle("Retired article");
    await prisma.article.update({ where: { id: retired.id }, data: { retiredAt: new Date() } });

    expect((await listArticles(reviewer)).map((a) => a.id)).not.toContain(retired.id);
    expect((await listArticles(editor)).map((a) => a.id)).toContain(retired.id);
    expect((await listArticleChoices(reviewer)).map((a) => a.id)).not.toContain(retired.id);
    expect((await listArticleChoices(editor)).map((a) => a.id)).toContain(retired.id);
    await expect(getArticle(reviewer, retired.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getArticle(editor, retired.id)).toMatchObject({ id: retired.id, retiredAt: expect.any(Date) });

    await prisma.article.delete({ where: { id: retired.id } });
  });
});

describe("getArticle", () => {
  it("returns the article's details, body and importer", async () => {
    const summary = (await listArticles(reviewer)).find((a) => a.title === SEED_TITLES[1])!;
    const article = await getArticle(reviewer, summary.id);
    expect(article).toMatchObject({
      id: summary.id,
      title: SEED_TITLES[1],
      outlet: "Unattributed",
      url: null,
      publicationDate: null,
      retiredAt: null,
      importedBy: { name: "Elena Editor" },
    });
    expect(article.body.type).toBe("doc");
    expect(article.body.content.length).toBeGreaterThan(1);
  });

  it("throws NotFoundError for an unknown id", async () => {
    const error = await getArticle(admin, "no-such-article").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe("That article was not found.");
  });
});

describe("updateArticleDetails", () => {
  it("refuses a reviewer and writes nothing", async () => {
    const article = await scratchArticle("Reviewer may not edit");
    const before = await snapshot(article.id);
    const input = details({ articleId: article.id, title: "Hijacked", outlet: "Nope", url: "", publicationDate: "" });

    await expect(updateArticleDetails(reviewer, input)).rejects.toThrow(new ForbiddenError("Only editors may do that."));
    expect(await snapshot(article.id)).toEqual(before);
  });

  it("lets an editor update the details and audits before and after", async () => {
    const article = await scratchArticle("Original title");
    const auditBefore = await prisma.auditEvent.count();

    const after = await updateArticleDetails(
      editor,
      details({
        articleId: article.id,
        title: "  New title  ",
        outlet: "The Daily Check",
        url: "https://example.com/news/1",
        publicationDate: "2025-02-13",
      }),
    );

    expect(after).toEqual({
      title: "New title",
      outlet: "The Daily Check",
      url: "https://example.com/news/1",
      publicationDate: new Date("2025-02-13T00:00:00Z"),
      language: null,
    });
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored).toMatchObject(after);
    // Only the details change: the text every anchor points into stays as it was.
    expect(stored.canonicalText).toBe(article.canonicalText);
    expect(stored.body).toEqual(article.body);

    expect(await prisma.auditEvent.count()).toBe(auditBefore + 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      actorId: editor.id,
      action: "article.update_details",
      entityType: "Article",
      entityId: article.id,
      before: { title: "Original title", outlet: "Scratch Outlet", url: null, publicationDate: null },
      after: { title: "New title", outlet: "The Daily Check", url: "https://example.com/news/1", publicationDate: "2025-02-13" },
    });

    // Clearing the optional fields stores nulls.
    const cleared = await updateArticleDetails(
      admin,
      details({ articleId: article.id, title: "New title", outlet: "The Daily Check", url: " ", publicationDate: "" }),
    );
    expect(cleared).toMatchObject({ url: null, publicationDate: null });
    expect((await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).after).toMatchObject({
      url: null,
      publicationDate: null,
    });
  });

  it("reports an unknown article as not found and writes nothing", async () => {
    const auditBefore = await prisma.auditEvent.count();
    await expect(
      updateArticleDetails(editor, details({ articleId: "no-such-article", title: "T", outlet: "O", url: "", publicationDate: "" })),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);
  });
});

describe("articleDetailsSchema", () => {
  const valid = { articleId: "a1", title: "A title", outlet: "An outlet", url: "", publicationDate: "" };

  function fieldErrors(input: unknown) {
    const result = articleDetailsSchema.safeParse(input);
    expect(result.success).toBe(false);
    return z.flattenError(result.error!).fieldErrors as Record<string, string[] | undefined>;
  }

  it("accepts empty optional fields as null and keeps real ones", () => {
    expect(articleDetailsSchema.parse(valid)).toEqual({ ...valid, url: null, publicationDate: null, language: null });
    expect(articleDetailsSchema.parse({ ...valid, url: "http://example.org/a?b=c", publicationDate: "2024-02-29" })).toMatchObject({
      url: "http://example.org/a?b=c",
      publicationDate: new Date("2024-02-29T00:00:00Z"),
    });
  });

  it.each(["javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "ftp://example.com", "example.com", "https://exa mple.com"])(
    "rejects the URL %j with a field error",
    (url) => {
      expect(fieldErrors({ ...valid, url })).toEqual({ url: ["Enter a web address starting with http:// or https://."] });
    },
  );

  it.each(["2025-02-30", "2025-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-32", "13/02/2025", "yesterday"])(
    "rejects the impossible date %j with a field error",
    (publicationDate) => {
      expect(fieldErrors({ ...valid, publicationDate })).toEqual({ publicationDate: ["Enter a real date (YYYY-MM-DD)."] });
    },
  );

  it("stores a language in its canonical BCP 47 spelling, and refuses what is not one tag", () => {
    expect(articleDetailsSchema.parse({ ...valid, language: "EN-gb" }).language).toBe("en-GB");
    expect(articleDetailsSchema.parse({ ...valid, language: " pt-br " }).language).toBe("pt-BR");
    expect(articleDetailsSchema.parse({ ...valid, language: "" }).language).toBeNull();
    for (const language of ["en,fr", "english please", "e", "en_GB!", "x".repeat(36)]) {
      expect(fieldErrors({ ...valid, language })).toEqual({ language: ["Enter a language tag such as en, de or pt-BR."] });
    }
  });

  it("rejects a too-long date string, a blank title and a blank outlet on their fields", () => {
    expect(fieldErrors({ ...valid, publicationDate: "2025-02-130" })).toEqual({ publicationDate: ["Use the form YYYY-MM-DD."] });
    expect(fieldErrors({ ...valid, title: "  ", outlet: "" })).toEqual({ title: ["Enter a title."], outlet: ["Enter the outlet."] });
    expect(fieldErrors({ ...valid, title: "t".repeat(301) })).toEqual({ title: ["A title has at most 300 characters."] });
  });
});
