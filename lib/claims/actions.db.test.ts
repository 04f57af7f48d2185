import { revalidatePath } from "next/cache";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { getCurrentUser, type Actor } from "@/lib/auth/current-user";
import { initialFormState } from "@/lib/actions/form-state";
import {
  addCommentAction,
  addEvidenceAction,
  createClaimAction,
  deleteClaimAction,
  removeEvidenceAction,
  updateClaimAction,
} from "@/lib/claims/actions";
import { makeArticle, makeClaim, makeUser, snapshot, spanOf, type TestArticle } from "@/lib/claims/test-fixtures";
import { getClaimDetail } from "@/lib/claims/data";
import type { ClaimSummary } from "@/lib/claims/types";

/**
 * The claims Server Actions with form data, as the reader submits it: validation, the data
 * layer and the result the form gets: what changed, for the reader to show, with no page
 * revalidated (Next would render the reader's page into the answer). The signed-in user is a mock.
 */

jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: jest.fn(), isSessionUserDisabled: jest.fn(async () => false) }));
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));

useTestDatabase();

let reviewer: Actor;
let otherReviewer: Actor;
let editor: Actor;
let article: TestArticle;
let source: TestArticle;

beforeAll(async () => {
  [reviewer, otherReviewer, editor] = await Promise.all([
    makeUser("REVIEWER", "Rita Reviewer"),
    makeUser("REVIEWER", "Otto Other"),
    makeUser("EDITOR", "Elena Editor"),
  ]);
  article = await makeArticle([
    "Harbour Plan Approved",
    "The port authority said the new harbour will create 2,000 jobs.",
    "Construction starts next spring.",
  ]);
  source = await makeArticle(["Port Jobs Study", "An independent study expects about 600 jobs."]);
});

beforeEach(() => {
  jest.mocked(revalidatePath).mockClear();
  signIn(reviewer);
});

function signIn(actor: Actor | null) {
  jest.mocked(getCurrentUser).mockResolvedValue(actor);
}

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, String(value));
  return data;
}


function markForm(phrase: string, extra: Record<string, string | number> = {}) {
  const { start, end, exact } = spanOf(article.text, phrase);
  return form({ articleId: article.id, start, end, exact, restatement: `Claim: ${phrase}`, verdict: "", rationale: "", ...extra });
}

describe("createClaimAction", () => {
  it("marks the claim and returns it as the reader lists it, without rendering the page again", async () => {
    const state = await createClaimAction(initialFormState, markForm("create 2,000 jobs", { verdict: "MISLEADING", $ACTION_ID_1: "" }));

    expect(state).toMatchObject({ status: "ok", message: "Claim marked." });
    const { claim } = state.data as { claim: ClaimSummary };
    expect(claim).toMatchObject({ restatement: expect.any(String), verdict: "MISLEADING", state: "DRAFT", version: 1, author: { id: reviewer.id } });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      authorId: reviewer.id,
      verdict: "MISLEADING",
      rationale: null,
      exact: "create 2,000 jobs",
    });
    // The reader adds the claim from the answer; the page is not rendered into it.
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("returns field errors for malformed input and writes nothing", async () => {
    const before = await snapshot();
    const state = await createClaimAction(
      initialFormState,
      form({ articleId: article.id, start: "ten", end: "", exact: "   ", restatement: " ", verdict: "MAYBE" }),
    );
    expect(state).toMatchObject({ status: "error", message: "Please correct the marked fields." });
    // An unknown verdict ("MAYBE") is refused by the data layer, once the form itself is well formed (lib/ratings/ratings.db.test.ts).
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(["end", "exact", "restatement", "start"]);
    expect(await snapshot()).toEqual(before);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("returns a field error on exact when the text no longer matches the article", async () => {
    const before = await snapshot();
    const state = await createClaimAction(initialFormState, markForm("create 2,000 jobs", { exact: "create 3,000 jobs" }));
    const message = "The selected text no longer matches the article. Reload and select it again.";
    expect(state).toEqual({ status: "error", message, fieldErrors: { exact: [message] } });
    expect(await snapshot()).toEqual(before);
  });

  it("asks a signed-out caller to sign in and writes nothing", async () => {
    signIn(null);
    const before = await snapshot();
    const state = await createClaimAction(initialFormState, markForm("create 2,000 jobs"));
    expect(state).toEqual({ status: "error", message: "Your session has ended. Sign in again." });
    expect(await snapshot()).toEqual(before);
  });
});

describe("updateClaimAction", () => {
  it("saves and returns the claim as its panel shows it, revalidating no page", async () => {
    const claim = await makeClaim(reviewer, article, "create 2,000 jobs");
    await addEvidenceAction(
      initialFormState,
      form({ kind: "PASSAGE", claimId: claim.id, version: 1, stance: "CONTRADICTS", sourceArticleId: source.id, ...spanOf(source.text, "about 600 jobs") }),
    );
    jest.mocked(revalidatePath).mockClear();

    const state = await updateClaimAction(
      initialFormState,
      form({ claimId: claim.id, version: 2, restatement: "2,000 new jobs.", verdict: "MOSTLY_FALSE", rationale: "The study expects 600.\r\nSee the study." }),
    );

    // The claim as its panel loads it (GET /api/claims/:id).
    expect(state).toEqual({ status: "ok", message: "Claim saved.", data: { version: 3, claim: await getClaimDetail(reviewer, claim.id) } });
    expect(state.data?.claim).toMatchObject({ restatement: "2,000 new jobs.", verdict: "MOSTLY_FALSE", version: 3, evidenceCount: 1 });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      restatement: "2,000 new jobs.",
      verdict: "MOSTLY_FALSE",
      rationale: "The study expects 600.\nSee the study.",
      version: 3,
    });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("returns the current values on a conflicting edit and writes nothing", async () => {
    const claim = await makeClaim(reviewer, article, "Construction starts next spring");
    signIn(editor);
    await updateClaimAction(initialFormState, form({ claimId: claim.id, version: 1, restatement: "Editor's words.", verdict: "TRUE", rationale: "" }));
    signIn(reviewer);
    const before = await snapshot();

    const state = await updateClaimAction(
      initialFormState,
      form({ claimId: claim.id, version: 1, restatement: "Reviewer's words.", verdict: "", rationale: "" }),
    );

    expect(state).toEqual({
      status: "error",
      message: "Someone else changed this claim since you opened it. Their version is shown; review it and save again.",
      current: {
        version: 2,
        restatement: "Editor's words.",
        verdict: "TRUE",
        rationale: null,
        state: "DRAFT",
        updatedAt: expect.any(Date),
        updatedBy: { id: editor.id, name: "Elena Editor" },
      },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("tells another reviewer they may not edit the claim, writing nothing", async () => {
    const claim = await makeClaim(reviewer, article, "create 2,000 jobs");
    signIn(otherReviewer);
    const before = await snapshot();
    const state = await updateClaimAction(
      initialFormState,
      form({ claimId: claim.id, version: 1, restatement: "Hijacked.", verdict: "", rationale: "" }),
    );
    expect(state).toEqual({
      status: "error",
      message: "You can only edit your own claims while they are drafts or have changes requested.",
    });
    expect(await snapshot()).toEqual(before);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});

describe("evidence, comment and delete actions", () => {
  it("add and remove evidence, comment and delete, each returning what the reader needs", async () => {
    const claim = await makeClaim(reviewer, article, "create 2,000 jobs");

    const added = await addEvidenceAction(
      initialFormState,
      form({
        kind: "EXTERNAL",
        claimId: claim.id,
        version: 1,
        stance: "CONTRADICTS",
        url: "https://example.org/port-study",
        title: "Port jobs study",
        excerpt: "",
        accessedAt: "2025-03-01",
      }),
    );
    expect(added).toEqual({ status: "ok", message: "Evidence added.", data: { id: expect.any(String), version: 2, claim: await getClaimDetail(reviewer, claim.id) } });
    const evidenceId = added.data!.id;
    expect(added.data?.claim).toMatchObject({ version: 2, evidenceCount: 1, evidence: [{ id: evidenceId, external: { title: "Port jobs study" } }] });
    expect(await prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).toMatchObject({ excerpt: null, title: "Port jobs study" });

    // The claim as the commenter may see it (another reviewer may not remove this evidence).
    signIn(otherReviewer);
    const commented = await addCommentAction(initialFormState, form({ claimId: claim.id, body: "  Which study?  " }));
    expect(commented).toEqual({ status: "ok", message: "Comment added.", data: { id: expect.any(String), claim: await getClaimDetail(otherReviewer, claim.id) } });
    expect(commented.data?.claim).toMatchObject({ version: 2, commentCount: 1, comments: [{ id: commented.data!.id, body: "Which study?" }] });
    expect(commented.data?.claim.permissions.canAddEvidence).toBe(false);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: commented.data!.id } })).body).toBe("Which study?");

    signIn(reviewer);
    const removed = await removeEvidenceAction(initialFormState, form({ evidenceId, version: 2 }));
    expect(removed).toEqual({ status: "ok", message: "Evidence removed.", data: { version: 3, claim: await getClaimDetail(reviewer, claim.id) } });
    expect(removed.data?.claim).toMatchObject({ id: claim.id, version: 3, evidenceCount: 0, evidence: [] });

    const deleted = await deleteClaimAction(initialFormState, form({ claimId: claim.id, version: 3 }));
    expect(deleted).toEqual({ status: "ok", message: "Claim deleted.", data: { id: claim.id } });
    expect(await prisma.claim.findUnique({ where: { id: claim.id } })).toBeNull();
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("returns the claim with a new passage from another article, revalidating no page", async () => {
    const claim = await makeClaim(reviewer, article, "create 2,000 jobs");
    const state = await addEvidenceAction(
      initialFormState,
      form({ kind: "PASSAGE", claimId: claim.id, version: 1, stance: "CONTRADICTS", sourceArticleId: source.id, ...spanOf(source.text, "about 600 jobs") }),
    );
    expect(state.data?.claim).toMatchObject({ version: 2, evidence: [{ stance: "CONTRADICTS", passage: { articleId: source.id, exact: "about 600 jobs" } }] });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("returns field errors for a bad external source and writes nothing", async () => {
    const claim = await makeClaim(reviewer, article, "create 2,000 jobs");
    const before = await snapshot();
    const state = await addEvidenceAction(
      initialFormState,
      form({ kind: "EXTERNAL", claimId: claim.id, version: 1, stance: "SUPPORTS", url: "javascript:alert(1)", title: "", accessedAt: "2999-01-01" }),
    );
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: {
        url: ["Enter a web address starting with http:// or https://."],
        title: ["Enter the source's title."],
        accessedAt: ["The date accessed cannot be in the future."],
      },
    });
    expect(await snapshot()).toEqual(before);
  });
});
