import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { getCurrentUser, type Actor } from "@/lib/auth/current-user";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { ForbiddenError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { importArticle, previewImport, type ImportPreview } from "@/lib/articles/data";
import { importArticleAction, previewImportAction } from "@/lib/articles/actions";
import { importArticleSchema, importSourceSchema } from "@/lib/articles/schemas";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { importHtml } from "@/lib/import/html";

/**
 * Importing articles: the data layer and its two Server Actions against a real database.
 * The signed-in user (next-auth's session) is a mock; everything after it is real.
 */

jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: jest.fn(), isSessionUserDisabled: jest.fn(async () => false) }));
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));
// Like Next's redirect(): a control-flow error that the action wrapper lets through.
jest.mock("next/navigation", () => ({
  redirect: jest.fn((url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  }),
}));

useTestDatabase();

const HTML = `<!doctype html><html><head><title>Council approves the budget</title>
  <script>window.__xss = 1</script></head><body>
  <p>The council   approved the <b>2025 budget</b> on Tuesday.<img src=x onerror="window.__xss=2"></p>
  <p>Read <a href="javascript:alert(1)">the minutes</a> or <a href="https://example.org/minutes">the summary</a>.</p>
  </body></html>`;

/** The details fields as the import form sends them, left blank but the outlet. */
const DETAILS = { title: "", outlet: "Outlet", url: "", publicationDate: "" };

let editor: Actor;
let reviewer: Actor;

async function makeActor(role: Role): Promise<Actor> {
  return prisma.user.create({
    data: { name: `An ${role.toLowerCase()}`, email: `${role.toLowerCase()}@import.test`, role, passwordHash: "not used" },
    select: { id: true, name: true, email: true, role: true },
  });
}

beforeAll(async () => {
  editor = await makeActor("EDITOR");
  reviewer = await makeActor("REVIEWER");
});

beforeEach(() => {
  jest.mocked(revalidatePath).mockClear();
  jest.mocked(redirect).mockClear();
});

function form(fields: Record<string, string | File>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** What a browser sends for a file input with no file chosen. */
const NO_FILE = new File([], "", { type: "application/octet-stream" });

function signIn(actor: Actor) {
  jest.mocked(getCurrentUser).mockResolvedValue(actor);
}

async function counts() {
  const [articles, audit] = await Promise.all([prisma.article.count(), prisma.auditEvent.count()]);
  return { articles, audit };
}

/** Runs an action that must redirect and returns where to. */
async function redirected(action: Promise<FormState>): Promise<string> {
  const error = await action.then(
    () => null,
    (e: { digest?: string }) => e,
  );
  expect(error?.digest).toMatch(/^NEXT_REDIRECT;/);
  return jest.mocked(redirect).mock.calls[0][0];
}

describe("importArticle", () => {
  it("creates the article with the document and canonical text made on the server, and one audit event", async () => {
    const before = await counts();
    const input = importArticleSchema.parse({ format: "auto", content: HTML, outlet: " City Times ", url: "https://example.org/budget", publicationDate: "2025-03-04", title: "" });
    const id = await importArticle(editor, input);

    const article = await prisma.article.findUniqueOrThrow({ where: { id } });
    const expected = importHtml(HTML).doc;
    expect(article).toMatchObject({
      title: "Council approves the budget",
      outlet: "City Times",
      url: "https://example.org/budget",
      publicationDate: new Date("2025-03-04T00:00:00Z"),
      sourceFormat: "HTML",
      importedById: editor.id,
      body: expected,
      canonicalText: "The council approved the 2025 budget on Tuesday.\nRead the minutes or the summary.",
    });
    expect(article.canonicalText).toBe(canonicalText(expected));
    expect(JSON.stringify(article.body)).not.toMatch(/script|onerror|javascript/i);

    expect(await counts()).toEqual({ articles: before.articles + 1, audit: before.audit + 1 });
    const event = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      actorId: editor.id,
      action: "article.import",
      entityType: "Article",
      entityId: id,
      before: null,
      after: {
        title: "Council approves the budget",
        outlet: "City Times",
        url: "https://example.org/budget",
        publicationDate: "2025-03-04",
        sourceFormat: "HTML",
        fileName: null,
      },
    });
  });

  it("refuses a reviewer and writes nothing", async () => {
    const before = await counts();
    const input = importArticleSchema.parse({ ...DETAILS, format: "TEXT", content: "Title\nBody." });
    await expect(importArticle(reviewer, input)).rejects.toThrow(new ForbiddenError("Only editors may do that."));
    await expect(previewImport(reviewer, importSourceSchema.parse({ content: "Body." }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
  });
});

describe("importArticleAction", () => {
  it("imports an uploaded Markdown file under the editor's title, then opens the new article", async () => {
    signIn(editor);
    const before = await counts();
    const file = new File(["\uFEFF# Heading in the file\n\nSome *Markdown* body.\n"], "story.md", { type: "text/markdown" });
    const url = await redirected(
      importArticleAction(initialFormState, form({ format: "auto", content: "", file, title: "  The editor's title ", outlet: "Wire", url: "", publicationDate: "", $ACTION_ID_1: "" })),
    );

    const id = /^\/articles\/([^/]+)$/.exec(url)![1];
    expect(await prisma.article.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "The editor's title",
      outlet: "Wire",
      url: null,
      publicationDate: null,
      sourceFormat: "MARKDOWN",
      canonicalText: "Some Markdown body.",
    });
    expect(revalidatePath).toHaveBeenCalledWith("/articles");
    expect(await counts()).toEqual({ articles: before.articles + 1, audit: before.audit + 1 });
    expect((await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).after).toMatchObject({ fileName: "story.md", sourceFormat: "MARKDOWN" });
  });

  it("ignores a document or canonical text sent by the client", async () => {
    signIn(editor);
    const url = await redirected(
      importArticleAction(
        initialFormState,
        form({ ...DETAILS, format: "TEXT", content: "Real Title\n\nReal body.", file: NO_FILE, canonicalText: "forged", body: '{"type":"doc","content":[]}', sourceFormat: "HTML" }),
      ),
    );
    const id = url.split("/").pop()!;
    expect(await prisma.article.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "Real Title",
      canonicalText: "Real body.",
      sourceFormat: "TEXT",
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Real body." }] }] },
    });
  });

  it("gives a reviewer the ForbiddenError's message and writes nothing", async () => {
    signIn(reviewer);
    const before = await counts();
    const fields = { ...DETAILS, format: "auto", content: HTML, file: NO_FILE };
    expect(await importArticleAction(initialFormState, form(fields))).toEqual({ status: "error", message: "Only editors may do that." });
    expect(await previewImportAction(initialFormState, form(fields))).toEqual({ status: "error", message: "Only editors may do that." });
    expect(redirect).not.toHaveBeenCalled();
    expect(await counts()).toEqual(before);
  });

  it("returns field errors for invalid input and writes nothing", async () => {
    signIn(editor);
    const before = await counts();
    const cases: Array<[Record<string, string | File>, FormState["fieldErrors"]]> = [
      [
        { format: "PDF", content: "", file: NO_FILE, title: "t".repeat(301), outlet: " ", url: "javascript:alert(1)", publicationDate: "2025-02-30" },
        {
          format: ["Choose a format."],
          content: ["Paste the article, choose a file or enter its web address."],
          title: ["A title has at most 300 characters."],
          outlet: ["Enter the outlet."],
          url: ["Enter a web address starting with http:// or https://."],
          publicationDate: ["Enter a real date (YYYY-MM-DD)."],
        },
      ],
      [{ content: " \n ", file: NO_FILE }, { content: ["Paste the article, choose a file or enter its web address."] }],
      [{ content: "x".repeat(2 * 1024 * 1024 + 1) }, { content: ["The text is larger than 2 MB."] }],
      [{ file: new File(["x".repeat(2 * 1024 * 1024 + 1)], "big.txt") }, { file: ["The file is larger than 2 MB."] }],
      [{ file: new File([], "empty.txt") }, { file: ["The file is empty."] }],
      [{ file: new File(["%PDF"], "report.pdf") }, { file: ["Choose a .txt, .md, .markdown, .html or .htm file."] }],
    ];
    for (const [fields, fieldErrors] of cases) {
      expect(await importArticleAction(initialFormState, form({ ...DETAILS, ...fields }))).toEqual({ status: "error", message: "Please correct the marked fields.", fieldErrors });
    }

    // Problems only reading the source shows: on the field it came from.
    const binary = new File([Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00)], "photo.txt");
    expect(await importArticleAction(initialFormState, form({ ...DETAILS, file: binary }))).toEqual({
      status: "error",
      message: "The file is not text (it contains NUL bytes).",
      fieldErrors: { file: ["The file is not text (it contains NUL bytes)."] },
    });
    expect(await importArticleAction(initialFormState, form({ ...DETAILS, format: "HTML", content: "<script>alert(1)</script>" }))).toEqual({
      status: "error",
      message: "The document is empty.",
      fieldErrors: { content: ["The document is empty."] },
    });

    expect(redirect).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(await counts()).toEqual(before);
  });
});

describe("previewImportAction", () => {
  it("shows the document, title and format an import would make, and writes nothing", async () => {
    signIn(editor);
    const before = await counts();
    const state = await previewImportAction(initialFormState, form({ format: "auto", content: HTML, file: NO_FILE }));
    expect(state).toEqual({
      status: "ok",
      message: "Read as HTML: 14 words. Language: English (detected).",
      data: {
        title: "Council approves the budget",
        titleIsGuess: false,
        doc: importHtml(HTML).doc,
        furniture: importHtml(HTML).doc.content.map(() => null),
        format: "HTML",
        wordCount: 14,
        notices: [],
        language: "en",
        page: null,
        // The first test imported this article already.
        duplicates: [{ id: expect.any(String), title: "Council approves the budget", outlet: "City Times", reason: "text" }],
      } satisfies ImportPreview,
    });

    const guessed = await previewImportAction(initialFormState, form({ format: "MARKDOWN", content: "No heading here. Just text." }));
    expect(guessed.data).toMatchObject({ title: "No heading here.", titleIsGuess: true, format: "MARKDOWN", wordCount: 5 });
    expect(await counts()).toEqual(before);
  });
});
