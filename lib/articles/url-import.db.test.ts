import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { DuplicateArticleError, FieldError, ForbiddenError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { importArticle, previewImport } from "@/lib/articles/data";
import { importArticleSchema, importSourceSchema } from "@/lib/articles/schemas";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { NEWS_PATH, startNewsServer, type NewsServer } from "@/lib/import/url/__fixtures__/news-server";

/**
 * Importing from a web page, leaving site furniture out, and refusing silent duplicates: the
 * data layer against a real database and a local news site on 127.0.0.1.
 */
useTestDatabase();

let editor: Actor;
let reviewer: Actor;
let site: NewsServer;

async function makeActor(role: Role): Promise<Actor> {
  return prisma.user.create({
    data: { name: `An ${role.toLowerCase()}`, email: `${role.toLowerCase()}@url-import.test`, role, passwordHash: "not used" },
    select: { id: true, name: true, email: true, role: true },
  });
}

beforeAll(async () => {
  editor = await makeActor("EDITOR");
  reviewer = await makeActor("REVIEWER");
  site = await startNewsServer();
  process.env.VERITY_FETCH_ALLOW_HOSTS = site.host;
});
afterAll(async () => {
  delete process.env.VERITY_FETCH_ALLOW_HOSTS;
  await site.close();
});

const pageUrl = () => site.origin + NEWS_PATH;
const importFields = (fields: Record<string, unknown>) => importArticleSchema.parse({ outlet: "The Harbour Gazette", title: "", url: "", publicationDate: "", ...fields });

async function counts() {
  const [articles, audit] = await Promise.all([prisma.article.count(), prisma.auditEvent.count()]);
  return { articles, audit };
}

describe("previewImport from a web page", () => {
  it("reads the article and the page's metadata, marks the furniture and lists what the page reader left out", async () => {
    const preview = await previewImport(editor, importSourceSchema.parse({ sourceUrl: pageUrl() }));
    expect(preview.title).toBe("Harbour council approves £12m sea wall");
    expect(preview.page?.metadata).toEqual({
      title: "Harbour council approves £12m sea wall",
      siteName: "The Harbour Gazette",
      authors: ["Jane Marsh", "Tom Okafor"],
      published: "2025-03-04T18:30:00+00:00",
      modified: "2025-03-05T09:12:00+00:00",
      canonicalUrl: `${site.origin}/news/2025/03/04/sea-wall-approved`,
      language: "en-GB",
    });
    const marked = preview.doc.content.map((_, i) => preview.furniture[i]);
    expect(marked).toEqual(["repeated-title", null, null, null, null, null, "subscription", "share"]);
    // Readability left the page's navigation, newsletter box, related links, comments and footer out.
    expect(preview.page?.leftOut).toEqual(expect.arrayContaining(["12 comments", "Another waste of money by this council.", "© 2025 The Harbour Gazette. All rights reserved."]));
    expect(JSON.stringify(preview.doc)).not.toMatch(/newsletter|12 comments|Sport/);
    const kept = canonicalText({ type: "doc", content: preview.doc.content.filter((_, i) => preview.furniture[i] === null) });
    expect(preview.wordCount).toBe(kept.split(/\s+/).length);
    expect(preview.duplicates).toEqual([]);
  });

  it("refuses an address before connecting, as an error on the URL field, and writes nothing", async () => {
    const before = await counts();
    const connections = site.connections();
    await expect(previewImport(editor, importSourceSchema.parse({ sourceUrl: "http://127.0.0.1:1/" }))).rejects.toEqual(
      new FieldError("sourceUrl", "The address 127.0.0.1 is a loopback address (this server itself): Verity fetches only from public addresses."),
    );
    await expect(importArticle(editor, importFields({ sourceUrl: "ftp://example.org/a.html" }))).rejects.toEqual(
      new FieldError("sourceUrl", "Only http:// and https:// pages can be imported, not ftp://."),
    );
    await expect(previewImport(editor, importSourceSchema.parse({ sourceUrl: `${site.origin}/report.pdf` }))).rejects.toThrow("of type application/pdf");
    expect(site.connections()).toBe(connections + 1);
    expect(await counts()).toEqual(before);
  });

  it("is for editors only", async () => {
    const connections = site.connections();
    await expect(previewImport(reviewer, importSourceSchema.parse({ sourceUrl: pageUrl() }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(site.connections()).toBe(connections);
  });
});

describe("importArticle from a web page", () => {
  let firstId: string;

  it("stores the article without its furniture, under the page's canonical URL, and audits where it came from", async () => {
    firstId = await importArticle(editor, importFields({ sourceUrl: pageUrl() }));
    const article = await prisma.article.findUniqueOrThrow({ where: { id: firstId } });
    expect(article.title).toBe("Harbour council approves £12m sea wall");
    expect(article.url).toBe(`${site.origin}/news/2025/03/04/sea-wall-approved`);
    expect(article.canonicalText.startsWith("The harbour council voted seven to two")).toBe(true);
    expect(article.canonicalText).not.toMatch(/Already a subscriber|Share this article/);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: firstId, action: "article.import" } });
    expect(audit.after).toMatchObject({ sourceUrl: pageUrl(), blocksLeftOut: 3, duplicateOf: [] });
  });

  it("does not import the same page again silently: the editor is offered the existing article, or imports anyway", async () => {
    const before = await counts();
    const again = importArticle(editor, importFields({ sourceUrl: `${site.origin}/redirect/1` }));
    await expect(again).rejects.toBeInstanceOf(DuplicateArticleError);
    await expect(importArticle(editor, importFields({ sourceUrl: `${site.origin}/redirect/1` }))).rejects.toMatchObject({
      duplicates: [{ id: firstId, title: "Harbour council approves £12m sea wall", outlet: "The Harbour Gazette", reason: "url" }],
    });
    expect(await counts()).toEqual(before);

    const copyId = await importArticle(editor, importFields({ sourceUrl: pageUrl(), importAnyway: "1" }));
    expect(copyId).not.toBe(firstId);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: copyId, action: "article.import" } });
    expect(audit.after).toMatchObject({ duplicateOf: [firstId] });
  });

  it("finds the same text pasted with other case and spacing, and the same URL written differently", async () => {
    const text = (await prisma.article.findUniqueOrThrow({ where: { id: firstId } })).canonicalText;
    const pasted = `  ${text.toUpperCase().replaceAll(" ", "  \t")}\n\n`;
    await expect(importArticle(editor, importFields({ content: pasted, format: "TEXT", title: "Sea wall" }))).rejects.toMatchObject({ duplicates: expect.arrayContaining([expect.objectContaining({ id: firstId, reason: "text" })]) });
    const preview = await previewImport(editor, importSourceSchema.parse({ content: "A different article entirely.", format: "TEXT" }));
    expect(preview.duplicates).toEqual([]);
    // The URL differs only in scheme, case, "www.", fragment and trailing slash.
    const otherText = importFields({ content: "A different article entirely.", format: "TEXT", url: `https://WWW.${site.host}/news/2025/03/04/sea-wall-approved/#comments` });
    await expect(importArticle(editor, otherText)).rejects.toMatchObject({
      duplicates: expect.arrayContaining([expect.objectContaining({ id: firstId, reason: "url" })]),
    });
  });

  it("applies the preview's edits: blocks left out or kept, and text rewritten", async () => {
    const edits = JSON.stringify({ dropped: [0, 1], texts: { 2: "Councillor Jane Okafor chairs the coastal committee.\nShe welcomed the vote." } });
    const id = await importArticle(editor, importFields({ sourceUrl: pageUrl(), edits, importAnyway: "1", fetched: "" }));
    const article = await prisma.article.findUniqueOrThrow({ where: { id } });
    const lines = article.canonicalText.split("\n");
    expect(lines.slice(0, 3)).toEqual(["Councillor Jane Okafor chairs the coastal committee.", "She welcomed the vote.", expect.stringMatching(/^Opponents argued/)]);
    // Furniture the editor did not drop is kept: here the paywall notice and the share prompt.
    expect(lines.slice(-2)).toEqual(["Already a subscriber? Sign in to keep reading our local coverage.", "Share this article on Facebook, Twitter or WhatsApp"]);
  });

  it("imports the article a preview read without fetching the page again", async () => {
    const connections = site.connections();
    const fetched = "<p>The ferry timetable changes on Monday, the operator said.</p>";
    const id = await importArticle(editor, importFields({ sourceUrl: `${site.origin}/ferry`, fetched, title: "Ferry changes" }));
    expect((await prisma.article.findUniqueOrThrow({ where: { id } })).canonicalText).toBe("The ferry timetable changes on Monday, the operator said.");
    expect(site.connections()).toBe(connections);
  });
});
