import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { getCurrentUser, type Actor } from "@/lib/auth/current-user";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { makeArticle, makeUser, type TestArticle } from "@/lib/claims/test-fixtures";
import { publishArticleAction, unpublishArticleAction } from "@/lib/publishing/actions";
import { importAnnotationsAction } from "@/lib/export/actions";
import { loadArticleExport } from "@/lib/export/data";
import { toAnnotationCollection } from "@/lib/export/web-annotation";
import { claimIn } from "@/lib/export/db-test-fixtures";
import { GET as exportRoute } from "@/app/(workbench)/articles/[id]/export/[format]/route";
import { GET as feedRoute } from "@/app/api/claim-reviews/route";

/**
 * Who may publish, import annotations and export: the Server Actions and routes of
 * exporting and publishing, called as each kind of user. Allowed calls make their write;
 * refused ones get a message and change nothing. (The shared authorisation matrix,
 * test/authorization-matrix.db.test.ts, covers the other features' actions.)
 */

jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: jest.fn(), isSessionUserDisabled: jest.fn(async () => false) }));
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

useTestDatabase();

const ROLES = ["anonymous", "reviewer", "editor", "admin", "disabled"] as const;
type RoleName = (typeof ROLES)[number];
const SESSION_ENDED = "Your session has ended. Sign in again.";
const EDITORS_ONLY = "Only editors may do that.";

const users = {} as Record<Exclude<RoleName, "anonymous">, Actor>;
let signedIn: Actor | null = null;
let article: TestArticle;
let annotations: string;

beforeAll(async () => {
  users.reviewer = await makeUser("REVIEWER", "Rita Reviewer");
  users.editor = await makeUser("EDITOR", "Elena Editor");
  users.admin = await makeUser("ADMIN", "Adam Admin");
  users.disabled = await makeUser("ADMIN", "Dora Disabled");
  await prisma.user.update({ where: { id: users.disabled.id }, data: { disabledAt: new Date() } });
  // As the real getCurrentUser: a disabled user is signed out.
  jest.mocked(getCurrentUser).mockImplementation(async () =>
    signedIn && !(await prisma.user.findUniqueOrThrow({ where: { id: signedIn.id } })).disabledAt ? signedIn : null,
  );
  article = await makeArticle(["Harbour Plan Approved", "The port authority said the new harbour will create 2,000 jobs.", "Construction starts next spring."]);
  await claimIn("APPROVED", users.reviewer, users.editor, article, "will create 2,000 jobs", "MOSTLY_FALSE");
  await claimIn("SUBMITTED", users.reviewer, users.editor, article, "Construction starts next spring", "TRUE");
  annotations = JSON.stringify(toAnnotationCollection(await loadArticleExport(users.editor, article.id, { appUrl: "https://verity.example", includePending: true })));
});

function as(role: RoleName) {
  signedIn = role === "anonymous" ? null : users[role];
}

function form(fields: Record<string, string | File>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

async function everything() {
  const [articles, claims, audit] = await Promise.all([
    prisma.article.findMany({ orderBy: { id: "asc" } }),
    prisma.claim.findMany({ orderBy: { id: "asc" } }),
    prisma.auditEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { articles, claims, audit };
}

async function unpublished() {
  await prisma.article.update({ where: { id: article.id }, data: { publishedAt: null, publishedById: null } });
}

async function published() {
  await prisma.article.update({ where: { id: article.id }, data: { publishedAt: new Date(), publishedById: users.editor.id } });
}

// ✓ allowed; otherwise the message the user is given.
const ACTIONS: Array<{
  name: string;
  setup: () => Promise<void>;
  call: () => Promise<FormState>;
  expected: Record<RoleName, true | string>;
  verify: (actor: Actor) => Promise<void>;
}> = [
  {
    name: "publishArticleAction",
    setup: unpublished,
    call: () => publishArticleAction(initialFormState, form({ articleId: article.id })),
    expected: { anonymous: SESSION_ENDED, reviewer: EDITORS_ONLY, editor: true, admin: true, disabled: SESSION_ENDED },
    verify: async (actor) => {
      expect(await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({ publishedById: actor.id, publishedAt: expect.any(Date) });
    },
  },
  {
    name: "unpublishArticleAction",
    setup: published,
    call: () => unpublishArticleAction(initialFormState, form({ articleId: article.id })),
    expected: { anonymous: SESSION_ENDED, reviewer: EDITORS_ONLY, editor: true, admin: true, disabled: SESSION_ENDED },
    verify: async () => {
      expect(await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({ publishedById: null, publishedAt: null });
    },
  },
  {
    name: "importAnnotationsAction",
    setup: async () => undefined,
    call: () =>
      importAnnotationsAction(
        initialFormState,
        form({ articleId: article.id, file: new File([annotations], "harbour.annotations.jsonld", { type: "application/ld+json" }) }),
      ),
    expected: { anonymous: SESSION_ENDED, reviewer: true, editor: true, admin: true, disabled: SESSION_ENDED },
    verify: async (actor) => {
      expect(await prisma.claim.count({ where: { articleId: article.id, authorId: actor.id, state: "DRAFT" } })).toBe(2);
    },
  },
];

describe.each(ACTIONS)("$name", ({ setup, call, expected, verify }) => {
  it.each(ROLES)("as %s", async (role) => {
    await setup();
    as(role);
    const before = await everything();
    const outcome = await call();
    if (expected[role] === true) {
      expect(outcome).toMatchObject({ status: "ok" });
      await verify(users[role as Exclude<RoleName, "anonymous">]);
    } else {
      expect(outcome).toEqual({ status: "error", message: expected[role] });
      expect(await everything()).toEqual(before);
    }
  });
});

describe("importAnnotationsAction's input", () => {
  it.each([
    ["no file", {}, "Choose a .jsonld file (a Web Annotations export)."],
    ["a file that is not JSON", { file: new File(["not json"], "a.jsonld") }, "This file is not JSON: choose a Web Annotations export (.jsonld) or a Hypothesis export (.json)."],
    ["a file of another kind", { file: new File(["{}"], "a.txt") }, "Choose a .jsonld or .json file."],
    ["JSON that is not an export", { file: new File(['{"a":1}'], "a.json") }, expect.stringContaining("not a W3C Web Annotation export")],
  ])("refuses %s on the file field, writing nothing", async (_label, fields, message) => {
    as("reviewer");
    const before = await everything();
    const outcome = await importAnnotationsAction(initialFormState, form({ articleId: article.id, ...fields }));
    expect(outcome).toMatchObject({ status: "error", fieldErrors: { file: [message] } });
    expect(await everything()).toEqual(before);
  });
});

describe("the export route", () => {
  const get = (format: string, query = "") =>
    exportRoute(new Request(`http://localhost/articles/${article.id}/export/${format}${query}`), { params: Promise.resolve({ id: article.id, format }) });

  // Status per role: for an unpublished article, for pending claims, for a published article.
  const EXPECTED: Record<RoleName, [number, number, number]> = {
    anonymous: [404, 403, 200],
    reviewer: [200, 403, 200],
    editor: [200, 200, 200],
    admin: [200, 200, 200],
    disabled: [404, 403, 200],
  };

  it.each(ROLES)("answers %s as it may", async (role) => {
    as(role);
    await unpublished();
    const statuses = [(await get("html")).status, (await get("html", "?pending=1")).status];
    await published();
    const response = await get("claimreview.jsonld");
    statuses.push(response.status);
    expect(statuses).toEqual(EXPECTED[role]);
    expect(response.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="verity-harbour-plan-approved.claimreview.jsonld"; filename*=UTF-8''verity-harbour-plan-approved.claimreview.jsonld`,
    );
    const reviews = (await response.json()) as Array<{ claimReviewed: string }>;
    // Approved claims only, whoever asks without ?pending=1.
    expect(reviews.map((r) => r.claimReviewed)).toEqual(["Claim: will create 2,000 jobs"]);
  });

  it("says which formats exist", async () => {
    as("editor");
    const response = await get("pdf");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "There is no export format “pdf”." });
  });
});

describe("the ClaimReview feed route", () => {
  const get = (query: string) => feedRoute(new Request(`http://localhost/api/claim-reviews${query}`));

  it("answers anyone with the published reviews, and refuses a bad page", async () => {
    as("anonymous");
    await published();
    const response = await get("?page=1&pageSize=10");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ page: 1, pageSize: 10, total: 1, next: null, items: [{ claimReviewed: "Claim: will create 2,000 jobs" }] });
    for (const query of ["?page=0", "?page=abc", "?pageSize=1000", "?page=1.5"]) expect((await get(query)).status).toBe(400);
    await unpublished();
    expect(await (await get("")).json()).toMatchObject({ total: 0, items: [] });
  });
});
