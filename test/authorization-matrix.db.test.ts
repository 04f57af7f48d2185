import { existsSync, readdirSync } from "node:fs";
import { revalidatePath } from "next/cache";
import { useTestDatabase } from "@/test/db";
import { databaseState, type DatabaseState } from "@/test/db-snapshot";
import { prisma } from "@/lib/db/client";
import { getCurrentUser, type Actor } from "@/lib/auth/current-user";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import type { ClaimState } from "@/lib/generated/prisma/enums";
import * as userActions from "@/lib/users/actions";
import * as articleActions from "@/lib/articles/actions";
import * as claimActions from "@/lib/claims/actions";
import * as workflowActions from "@/lib/workflow/actions";
import * as publishingActions from "@/lib/publishing/actions";
import * as exportActions from "@/lib/export/actions";
import * as searchActions from "@/lib/search/actions";
import * as notificationActions from "@/lib/notifications/actions";
import * as assignmentActions from "@/lib/assignments/actions";
import * as apiTokenActions from "@/lib/api-tokens/actions";
import { createApiToken } from "@/lib/api-tokens/data";
import * as annotationContainerRoute from "@/app/annotations/[articleId]/route";
import * as annotationRoute from "@/app/annotations/[articleId]/[claimId]/route";
import * as organisationActions from "@/lib/organisation/actions";
import * as ratingActions from "@/lib/ratings/actions";
import { copyScale, setRatingRetired } from "@/lib/ratings/data";
import * as versionActions from "@/lib/versions/actions";
import * as roundActions from "@/lib/rounds/actions";
import { openRound } from "@/lib/rounds/open-round";
import { submitIndependentVerdict } from "@/lib/rounds/submit-verdict";
import * as markingActions from "@/lib/marking/actions";
import { addBlindMark, finishMarking, openMarking } from "@/lib/marking/writes";
import { previewVersion } from "@/lib/versions/data";
import { GET as getClaimRoute } from "@/app/api/claims/[id]/route";
import { GET as getExportRoute } from "@/app/(workbench)/articles/[id]/export/[format]/route";
import { GET as getPublicPageRoute } from "@/app/p/[articleId]/route";
import { GET as getClaimReviewsRoute } from "@/app/api/claim-reviews/route";
import { GET as getCorrectionsLogRoute } from "@/app/p/corrections/route";
import { GET as getFeedRoute } from "@/app/p/feed.atom/route";
import { GET as getClaimPageRoute } from "@/app/p/[articleId]/claims/[n]/route";
import { GET as getClaimReviewMarkupRoute } from "@/app/p/claimreviews.json/route";
import { parseFeed } from "@rowanmanning/feed-parser";
import { GET as getSuggestedClaimsRoute } from "@/app/(workbench)/search/api/claims/route";
import { GET as getEvidenceRoute } from "@/app/(workbench)/search/api/evidence/route";
import { GET as getPassagesRoute } from "@/app/(workbench)/search/api/passages/route";
import { GET as getSameClaimRoute } from "@/app/(workbench)/search/api/same-claim/route";
import { GET as getOrganisationLogoRoute } from "@/app/api/organisation/logo/route";
import { GET as getProgressRoute } from "@/app/api/progress/[id]/route";
import { UnauthenticatedError } from "@/lib/errors";
import { GET as getAgreementCsvRoute } from "@/app/(workbench)/agreement/csv/route";
import { GET as getMarksCsvRoute } from "@/app/(workbench)/agreement/marks.csv/route";
import { parse } from "csv-parse/sync";
import { GET as getLiveRoute } from "@/app/api/live/route";
import { liveHub } from "@/lib/live/hub";
import { saveOrganisation } from "@/lib/organisation/data";
import { saveOrganisationSchema } from "@/lib/organisation/schemas";
import { publishArticle } from "@/lib/publishing/data";
import { addEvidence, createClaim, updateClaim } from "@/lib/claims/data";
import { transitionClaim } from "@/lib/workflow/data";
import { linkSameClaim } from "@/lib/claims/same-claim";
import { dismissSuggestion } from "@/lib/search/suggested-claims";
import { splitPassages } from "@/lib/search/passages";
import { indexPassages } from "@/lib/search/index-passages";
import { makeArticle, makeUser, spanOf, type TestArticle } from "@/lib/claims/test-fixtures";

/**
 * Who may do what: every Server Action and route, called as each kind of user
 * (anonymous, the reviewer who owns the claim, another reviewer, an editor, the editor who
 * proposed the claim's verdict, an admin, a disabled user) with valid form data on fresh
 * fixtures. Allowed calls succeed and make their write; refused calls get a message for the
 * user and change nothing in any table.
 *
 * Only the session is replaced: `getCurrentUser` is a mock that reads the signed-in user from
 * the database, and returns null for nobody or a disabled user, as the real one does.
 */

jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: jest.fn(), isSessionUserDisabled: jest.fn(async () => false) }));
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));
jest.mock("next/navigation", () => ({
  redirect: jest.fn((url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  }),
}));

useTestDatabase();

// ------------------------------------------------------------------ the expected matrix

const ROLES = ["anonymous", "owner", "otherReviewer", "editor", "proposer", "admin", "disabled"] as const;
type RoleName = (typeof ROLES)[number];

const ROLE_DESCRIPTIONS: Record<RoleName, string> = {
  anonymous: "anonymous (no session)",
  owner: "reviewer who owns the claim",
  otherReviewer: "another reviewer",
  editor: "editor",
  proposer: "the editor who proposed the verdict",
  admin: "admin",
  disabled: "disabled user (an admin, disabled)",
};

/**
 * ✓ allowed, ✗ refused. One row per action (and, where the claim's state decides, per state).
 * DESIGN.md: reviewers create claims and evidence, edit and submit their own claims while
 * they are drafts or have changes requested, and comment on any claim; editors also edit any
 * claim that is not approved, import articles and approve / request changes / reopen; admins
 * also manage users. Nobody changes an approved claim before it is reopened; nobody approves
 * a verdict they proposed (four-eyes). Editors publish and unpublish articles and export
 * pending claims; anyone signed in exports an article's approved claims and imports Web
 * Annotations as their own drafts. Anonymous and disabled users may do nothing, except
 * read what is public: a published article's page and the ClaimReview feed (PUBLIC_ROWS).
 *
 * Search (lib/search, lib/claims/same-claim.ts): anyone signed in searches, reads suggested
 * evidence, suggested claims and a claim's same claims elsewhere, and dismisses or restores a
 * suggested claim. Linking a claim with a claim in another article as the same claim, unlinking
 * it and adopting a linked claim's approved verdict are changes of the claim: whoever may edit
 * it (and nobody while it is approved). Settled claims (approved, or on a published article)
 * are public through their group, so joining a settled claim's group with another settled
 * claim's, and unlinking a claim on a published article, are editors' decisions. The rows:
 *   linkSameClaimAction@DRAFT            the owner's draft with a draft in another article
 *   linkSameClaimAction@DRAFT+settled    the owner's draft with an approved claim of a published article
 *   linkSameClaimAction@settled+settled  the owner's draft, grouped with an approved claim of a published
 *                                        article, with an approved claim of another published article
 *   linkSameClaimAction@DRAFT+published+settled  the owner's draft on a published article (settled itself)
 *                                        with an approved claim of another published article
 *   linkSameClaimAction@grouped+grouped  the owner's draft, grouped with a draft elsewhere, with a draft
 *                                        grouped with another draft elsewhere: the groups merge
 *   linkSameClaimAction@APPROVED         the approved claim with a draft in another article
 *   unlinkSameClaimAction@DRAFT          the owner's draft, linked with a draft in another article
 *   unlinkSameClaimAction@DRAFT+published  the same, the draft's article published
 *   unlinkSameClaimAction@APPROVED       the approved claim, linked with a draft in another article
 *   adoptVerdictAction@DRAFT             the owner's draft adopts the verdict of a linked approved claim
 *   adoptVerdictAction@SUBMITTED         the same, the owner's claim submitted (only editors change it then)
 * Bulk actions on the claim list (lib/claims/organise.ts, submitClaimsAction): "Submit my drafts"
 * submits only the caller's own drafts, so nobody else may bulk-submit the owner's draft, editors
 * included (they submit it one claim at a time). Assigning a claim to oneself and tagging it:
 * its author while it is a draft, editors and admins any claim, approved ones too (neither
 * changes what the claim publishes). A refused bulk action names each claim it refused.
 * Personal API tokens (lib/api-tokens): anyone signed in makes and revokes their own. The W3C
 * Annotation Protocol routes (app/annotations/…) are the claims' data layer over HTTP: anyone
 * signed in reads a container (a reviewer sees approved claims and their own) and creates a
 * draft in it; an annotation is read, replaced and deleted by whoever may see and change its
 * claim, so another reviewer's draft is not found.
 * Notifications (lib/notifications): anyone signed in opens, marks read and marks all read their own
 * notifications, and chooses their email digest. Assigning an article (with a due date) is an
 * editor's decision (lib/assignments).
 * Blind rounds (lib/rounds): editors ask a panel for independent verdicts on a claim (or on every
 * claim of an article), close a round early and reconcile a revealed one. Only a reviewer on the
 * panel gives a verdict: the @panel row's panel is the editor, the proposer and the admin, so the
 * owner and the other reviewer are refused as not on it.
 * Blind marking (lib/marking): editors ask a panel to mark an article's claims, close the marking
 * early and reconcile the revealed marks. Only a reviewer on the panel marks, takes back their own
 * mark and says they finished: the @panel rows' panel is again the editor, the proposer and the
 * admin, each with a mark of their own, so the owner and the other reviewer are refused as not on
 * it (or, taking back the editor's mark, as not finding it: nobody else's mark is theirs to read).
 * A retired article (and its claims) is there for editors only (lib/auth/visibility.ts): the
 * @retired rows (the article retired after its claim was made) are refused to reviewers as not found.
 */
const MATRIX = `
  action                            anonymous owner otherReviewer editor proposer admin disabled
  createUserAction                      ✗       ✗        ✗          ✗       ✗       ✓      ✗
  changeRoleAction                      ✗       ✗        ✗          ✗       ✗       ✓      ✗
  resetPasswordAction                   ✗       ✗        ✗          ✗       ✗       ✓      ✗
  setDisabledAction                     ✗       ✗        ✗          ✗       ✗       ✓      ✗
  updateArticleDetailsAction            ✗       ✗        ✗          ✓       ✓       ✓      ✗
  previewImportAction                   ✗       ✗        ✗          ✓       ✓       ✓      ✗
  importArticleAction                   ✗       ✗        ✗          ✓       ✓       ✓      ✗
  previewVersionAction@SUBMITTED        ✗       ✗        ✗          ✓       ✓       ✓      ✗
  confirmVersionAction@SUBMITTED        ✗       ✗        ✗          ✓       ✓       ✓      ✗
  createClaimAction                     ✗       ✓        ✓          ✓       ✓       ✓      ✗
  updateClaimAction@DRAFT               ✗       ✓        ✗          ✓       ✓       ✓      ✗
  updateClaimAction@SUBMITTED           ✗       ✗        ✗          ✓       ✓       ✓      ✗
  updateClaimAction@APPROVED            ✗       ✗        ✗          ✗       ✗       ✗      ✗
  deleteClaimAction@DRAFT               ✗       ✓        ✗          ✓       ✓       ✓      ✗
  deleteClaimAction@APPROVED            ✗       ✗        ✗          ✗       ✗       ✗      ✗
  addEvidenceAction@DRAFT               ✗       ✓        ✗          ✓       ✓       ✓      ✗
  addEvidenceAction@APPROVED            ✗       ✗        ✗          ✗       ✗       ✗      ✗
  removeEvidenceAction@DRAFT            ✗       ✓        ✗          ✓       ✓       ✓      ✗
  removeEvidenceAction@APPROVED         ✗       ✗        ✗          ✗       ✗       ✗      ✗
  addCommentAction@SUBMITTED            ✗       ✓        ✓          ✓       ✓       ✓      ✗
  addCommentAction@APPROVED             ✗       ✓        ✓          ✓       ✓       ✓      ✗
  transitionClaimAction:submit@DRAFT    ✗       ✓        ✗          ✓       ✓       ✓      ✗
  transitionClaimAction:submit@CHANGES_REQUESTED ✗ ✓     ✗          ✓       ✓       ✓      ✗
  transitionClaimAction:approve@SUBMITTED ✗     ✗        ✗          ✓       ✗       ✓      ✗
  transitionClaimAction:request_changes@SUBMITTED ✗ ✗    ✗          ✓       ✓       ✓      ✗
  transitionClaimAction:reopen@APPROVED ✗       ✗        ✗          ✓       ✓       ✓      ✗
  transitionClaimAction:reopen@APPROVED+published ✗ ✗    ✗          ✓       ✓       ✓      ✗
  GET/api/claims/[id]@SUBMITTED         ✗       ✓        ✓          ✓       ✓       ✓      ✗
  publishArticleAction                  ✗       ✗        ✗          ✓       ✓       ✓      ✗
  unpublishArticleAction@published      ✗       ✗        ✗          ✓       ✓       ✓      ✗
  retireArticleAction@published         ✗       ✗        ✗          ✓       ✓       ✓      ✗
  restoreArticleAction@retired          ✗       ✗        ✗          ✓       ✓       ✓      ✗
  importAnnotationsAction               ✗       ✓        ✓          ✓       ✓       ✓      ✗
  GET/articles/[id]/export/html@APPROVED ✗      ✓        ✓          ✓       ✓       ✓      ✗
  GET/articles/[id]/export/html?pending=1@SUBMITTED ✗ ✗  ✗          ✓       ✓       ✓      ✗
  GET/p/[articleId]@published           ✓       ✓        ✓          ✓       ✓       ✓      ✓
  GET/api/claim-reviews@published       ✓       ✓        ✓          ✓       ✓       ✓      ✓
  GET/p/corrections@published           ✓       ✓        ✓          ✓       ✓       ✓      ✓
  GET/p/feed.atom@published             ✓       ✓        ✓          ✓       ✓       ✓      ✓
  GET/p/[articleId]/claims/[n]@published ✓      ✓        ✓          ✓       ✓       ✓      ✓
  GET/p/claimreviews.json@published     ✓       ✓        ✓          ✓       ✓       ✓      ✓
  linkSameClaimAction@DRAFT             ✗       ✓        ✗          ✓       ✓       ✓      ✗
  linkSameClaimAction@DRAFT+settled     ✗       ✓        ✗          ✓       ✓       ✓      ✗
  linkSameClaimAction@settled+settled   ✗       ✗        ✗          ✓       ✓       ✓      ✗
  linkSameClaimAction@DRAFT+published+settled ✗ ✗        ✗          ✓       ✓       ✓      ✗
  linkSameClaimAction@grouped+grouped   ✗       ✓        ✗          ✓       ✓       ✓      ✗
  linkSameClaimAction@APPROVED          ✗       ✗        ✗          ✗       ✗       ✗      ✗
  unlinkSameClaimAction@DRAFT           ✗       ✓        ✗          ✓       ✓       ✓      ✗
  unlinkSameClaimAction@DRAFT+published ✗       ✗        ✗          ✓       ✓       ✓      ✗
  unlinkSameClaimAction@APPROVED        ✗       ✗        ✗          ✗       ✗       ✗      ✗
  adoptVerdictAction@DRAFT              ✗       ✓        ✗          ✓       ✓       ✓      ✗
  adoptVerdictAction@SUBMITTED          ✗       ✗        ✗          ✓       ✓       ✓      ✗
  dismissSuggestionAction               ✗       ✓        ✓          ✓       ✓       ✓      ✗
  restoreSuggestionAction               ✗       ✓        ✓          ✓       ✓       ✓      ✗
  GET/search/api/claims                 ✗       ✓        ✓          ✓       ✓       ✓      ✗
  GET/search/api/evidence@SUBMITTED     ✗       ✓        ✓          ✓       ✓       ✓      ✗
  GET/search/api/passages               ✗       ✓        ✓          ✓       ✓       ✓      ✗
  GET/search/api/same-claim@DRAFT       ✗       ✓        ✓          ✓       ✓       ✓      ✗
  dismissSuggestionAction@retired       ✗       ✗        ✗          ✓       ✓       ✓      ✗
  GET/search/api/claims@retired         ✗       ✗        ✗          ✓       ✓       ✓      ✗
  GET/search/api/evidence@retired       ✗       ✗        ✗          ✓       ✓       ✓      ✗
  GET/search/api/same-claim@retired     ✗       ✗        ✗          ✓       ✓       ✓      ✗
  undoApprovalAction@APPROVED           ✗       ✗        ✗          ✓       ✗       ✓      ✗
  markNotificationReadAction            ✗       ✓        ✓          ✓       ✓       ✓      ✗
  openNotificationAction                ✗       ✓        ✓          ✓       ✓       ✓      ✗
  markAllNotificationsReadAction        ✗       ✓        ✓          ✓       ✓       ✓      ✗
  setDigestAction                       ✗       ✓        ✓          ✓       ✓       ✓      ✗
  assignArticleAction                   ✗       ✗        ✗          ✓       ✓       ✓      ✗
  submitClaimsAction@DRAFT              ✗       ✓        ✗          ✗       ✗       ✗      ✗
  assignClaimsAction@DRAFT              ✗       ✓        ✗          ✓       ✓       ✓      ✗
  assignClaimsAction@APPROVED           ✗       ✗        ✗          ✓       ✓       ✓      ✗
  tagClaimsAction@DRAFT                 ✗       ✓        ✗          ✓       ✓       ✓      ✗
  tagClaimsAction@APPROVED              ✗       ✗        ✗          ✓       ✓       ✓      ✗
  createApiTokenAction                  ✗       ✓        ✓          ✓       ✓       ✓      ✗
  revokeApiTokenAction                  ✗       ✓        ✓          ✓       ✓       ✓      ✗
  GET/annotations/[articleId]@SUBMITTED ✗       ✓        ✓          ✓       ✓       ✓      ✗
  GET/annotations/[articleId]/[claimId]@SUBMITTED ✗ ✓    ✗          ✓       ✓       ✓      ✗
  POST/annotations/[articleId]          ✗       ✓        ✓          ✓       ✓       ✓      ✗
  PUT/annotations/[articleId]/[claimId]@DRAFT ✗ ✓        ✗          ✓       ✓       ✓      ✗
  DELETE/annotations/[articleId]/[claimId]@DRAFT ✗ ✓     ✗          ✓       ✓       ✓      ✗
  saveOrganisationAction                ✗       ✗        ✗          ✗       ✗       ✓      ✗
  copyScaleAction                       ✗       ✗        ✗          ✗       ✗       ✓      ✗
  updateScaleAction@copy                ✗       ✗        ✗          ✗       ✗       ✓      ✗
  saveRatingAction@copy                 ✗       ✗        ✗          ✗       ✗       ✓      ✗
  moveRatingAction@copy                 ✗       ✗        ✗          ✗       ✗       ✓      ✗
  retireRatingAction@copy               ✗       ✗        ✗          ✗       ✗       ✓      ✗
  restoreRatingAction@retired           ✗       ✗        ✗          ✗       ✗       ✓      ✗
  deleteRatingAction@copy               ✗       ✗        ✗          ✗       ✗       ✓      ✗
  switchScaleAction                     ✗       ✗        ✗          ✗       ✗       ✓      ✗
  GET/api/organisation/logo@logo        ✓       ✓        ✓          ✓       ✓       ✓      ✓
  GET/api/progress/[id]@owner           ✗       ✓        ✗          ✗       ✗       ✗      ✗
  openRoundAction@DRAFT                 ✗       ✗        ✗          ✓       ✓       ✓      ✗
  openArticleRoundsAction@DRAFT         ✗       ✗        ✗          ✓       ✓       ✓      ✗
  submitIndependentVerdictAction@panel  ✗       ✗        ✗          ✓       ✓       ✓      ✗
  closeRoundAction@DRAFT                ✗       ✗        ✗          ✓       ✓       ✓      ✗
  reconcileRoundAction@revealed         ✗       ✗        ✗          ✓       ✓       ✓      ✗
  openMarkingAction                     ✗       ✗        ✗          ✓       ✓       ✓      ✗
  addBlindMarkAction@panel              ✗       ✗        ✗          ✓       ✓       ✓      ✗
  removeBlindMarkAction@panel           ✗       ✗        ✗          ✓       ✓       ✓      ✗
  finishMarkingAction@panel             ✗       ✗        ✗          ✓       ✓       ✓      ✗
  closeMarkingAction@open               ✗       ✗        ✗          ✓       ✓       ✓      ✗
  reconcileMarksAction@revealed         ✗       ✗        ✗          ✓       ✓       ✓      ✗
  GET/agreement/csv@revealed            ✗       ✗        ✗          ✓       ✓       ✓      ✗
  GET/agreement/marks.csv@revealed      ✗       ✗        ✗          ✓       ✓       ✓      ✗
  GET/api/live@SUBMITTED                ✗       ✓        ✓          ✓       ✓       ✓      ✗
  GET/api/live@retired                  ✗       ✗        ✗          ✓       ✓       ✓      ✗
`;

/** Rows for what is public: everyone may, anonymous and disabled users included. */
const PUBLIC_ROWS = new Set([
  "GET/p/[articleId]@published",
  "GET/p/[articleId]/claims/[n]@published",
  "GET/api/claim-reviews@published",
  "GET/p/claimreviews.json@published",
  "GET/p/corrections@published",
  "GET/p/feed.atom@published",
  "GET/api/organisation/logo@logo",
]);

function parseMatrix(text: string) {
  const [header, ...lines] = text.trim().split("\n").map((line) => line.trim().split(/\s+/));
  expect(header.slice(1)).toEqual([...ROLES]);
  const matrix = new Map<string, Record<RoleName, boolean>>();
  for (const [name, ...cells] of lines) {
    expect(cells).toHaveLength(ROLES.length);
    expect(cells.every((c) => c === "✓" || c === "✗")).toBe(true);
    expect(matrix.has(name)).toBe(false);
    matrix.set(name, Object.fromEntries(ROLES.map((role, i) => [role, cells[i] === "✓"])) as Record<RoleName, boolean>);
  }
  return matrix;
}

const EXPECTED = parseMatrix(MATRIX);

// ------------------------------------------------------------------ fixtures

const LINES = [
  "Harbour Plan Approved",
  "The port authority said the new harbour will create 2,000 jobs.",
  "Construction starts next spring.",
];

/** Another article reporting the same sentence (not an identical copy, which suggestions leave out). */
const ELSEWHERE_LINES = ["Harbour Jobs Promised", LINES[1], "The council backs the plan."];

const SESSION_ENDED = "Your session has ended. Sign in again.";
const GENERIC = "Something went wrong and nothing was saved. Please try again.";
const ADMINS_ONLY = "Only administrators may do that.";
const ADMINS_ONLY_REFUSAL = { reviewer: ADMINS_ONLY, editor: ADMINS_ONLY };

/** A copy of the Verity preset for the rating rows to edit, made by an admin through the data layer. */
async function scaleCopy(): Promise<Record<string, string>> {
  const scaleId = await copyScale(users.admin, { scaleId: "verity", name: `Desk scale ${serial}` });
  const [first, second] = await prisma.rating.findMany({ where: { scaleId }, orderBy: { position: "asc" } });
  return { scaleId, firstRatingId: first.id, secondRatingId: second.id };
}
const EDITORS_ONLY = "Only editors may do that.";
const OWN_EDIT = "You can only edit your own claims while they are drafts or have changes requested.";
const OWN_DELETE = "You can only delete your own claims while they are drafts or have changes requested.";
const OWN_EVIDENCE = "You can only change the evidence of your own claims while they are drafts or have changes requested.";
const EDITOR_STEPS = "Only editors can approve, request changes or reopen claims.";
const FOUR_EYES = "You proposed this verdict, so another editor must approve it (four-eyes rule).";
const UNDO_NOT_YOURS = "Only the editor who just approved this claim can undo the approval. Reopen it with a note instead.";
const BULK_REFUSED = "One of the chosen claims cannot be changed, so none was. See the claim marked below.";

let users: Record<Exclude<RoleName, "anonymous">, Actor>;
let editorForSetup: Actor;
/** Writes the claims of other articles that search rows link with (none of the roles under test). */
let reviewerForSetup: Actor;

/** Whose session the mocked getCurrentUser sees. */
let sessionUserId: string | null = null;

beforeAll(async () => {
  const [owner, otherReviewer, editor, proposer, admin, disabled, setup, setupReviewer] = await Promise.all([
    makeUser("REVIEWER", "Olivia Owner"),
    makeUser("REVIEWER", "Otto Other"),
    makeUser("EDITOR", "Elena Editor"),
    makeUser("EDITOR", "Paul Proposer"),
    makeUser("ADMIN", "Adam Admin"),
    makeUser("ADMIN", "Dora Disabled"),
    makeUser("EDITOR", "Sam Setup"),
    makeUser("REVIEWER", "Rex Setup"),
  ]);
  users = { owner, otherReviewer, editor, proposer, admin, disabled };
  editorForSetup = setup;
  reviewerForSetup = setupReviewer;
  await prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date(), sessionVersion: { increment: 1 } } });
});

let consoleError: jest.SpyInstance;

beforeEach(() => {
  // As the real getCurrentUser: the user is read from the database on every request; a disabled one is signed out.
  jest.mocked(getCurrentUser).mockImplementation(async () => {
    if (!sessionUserId) return null;
    const user = await prisma.user.findUnique({
      where: { id: sessionUserId },
      select: { id: true, name: true, email: true, role: true, disabledAt: true },
    });
    if (!user || user.disabledAt) return null;
    return { id: user.id, name: user.name, email: user.email, role: user.role };
  });
  jest.mocked(revalidatePath).mockClear();
  consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
});

afterEach(() => {
  consoleError.mockRestore();
});

interface Fixtures {
  target: Actor;
  article: TestArticle;
  claim: { id: string; version: number; evidenceId: string } | null;
  /** What the row's own setup made (other articles, their claims, a sentence), by name. */
  more: Record<string, string>;
}

let serial = 0;

/**
 * Fresh records for one cell: a user to manage, an article, and (when the row needs one) a
 * claim by the owner, with a rationale and one evidence item, whose verdict the proposing
 * editor set, moved through the real workflow to `state`.
 */
async function makeFixtures(state: ClaimState | null, published = false): Promise<Fixtures> {
  serial += 1;
  const target = await makeUser("REVIEWER", `Target ${serial}`);
  const article = await makeArticle(LINES);
  if (published) await publishArticle(editorForSetup, article.id);
  if (!state) return { target, article, claim: null, more: {} };

  // Made through the data layer, not through the actions under test.
  const { owner, proposer } = users;
  const created = await createClaim(owner, {
    articleId: article.id,
    ...spanOf(article.text, "create 2,000 jobs"),
    restatement: "The harbour will create 2,000 jobs.",
    rationale: "An independent study expects about 600 jobs.",
  });
  const evidence = await addEvidence(owner, {
    kind: "EXTERNAL",
    claimId: created.id,
    version: 1,
    stance: "CONTRADICTS",
    url: "https://example.org/study",
    title: "Independent jobs study",
    accessedAt: "2025-01-15",
  });
  let version = await updateClaim(proposer, {
    claimId: created.id,
    version: evidence.version,
    restatement: "The harbour will create 2,000 jobs.",
    verdict: "MOSTLY_FALSE",
    rationale: "An independent study expects about 600 jobs.",
  });
  const step = async (actor: Actor, action: "submit" | "approve" | "request_changes", note: string | null = null) => {
    version = await transitionClaim(actor, { claimId: created.id, version, action, note });
  };
  if (state !== "DRAFT") await step(owner, "submit");
  if (state === "APPROVED") await step(editorForSetup, "approve");
  if (state === "CHANGES_REQUESTED") await step(editorForSetup, "request_changes", "Cite the study's figure.");

  const row = await prisma.claim.findUniqueOrThrow({ where: { id: created.id } });
  expect(row).toMatchObject({ state, verdictProposedById: proposer.id, authorId: owner.id, version });
  return { target, article, claim: { id: created.id, version, evidenceId: evidence.id }, more: {} };
}

function newAuditEvents(sinceId: bigint) {
  return prisma.auditEvent.findMany({ where: { id: { gt: sinceId } }, orderBy: { id: "asc" } });
}

async function lastAuditId() {
  return (await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? BigInt(0);
}

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, String(value));
  return data;
}

// ------------------------------------------------------------------ the rows

// The W3C Annotation Protocol routes (app/annotations/…), called as a client does.
const SIGN_IN_OR_TOKEN = "Sign in, or send a personal API token (Authorization: Bearer …) made on your account page.";
const NO_ANNOTATION = "That annotation was not found.";
const NO_PROGRESS = "That work in progress was not found.";
const protocolParams = (f: Fixtures, claimId?: string) => ({ params: Promise.resolve<Record<string, string>>(claimId ? { articleId: f.article.id, claimId } : { articleId: f.article.id }) });
function protocolRequest(method: string, f: Fixtures, claimId: string | null = null, body?: object, headers: Record<string, string> = {}) {
  const url = `http://localhost/annotations/${f.article.id}/${claimId ?? ""}`;
  return new Request(url, { method, headers: { ...(body ? { "Content-Type": "application/ld+json" } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined });
}
/** The matrix claim's span, restated, keeping its verdict and rationale (changing the proposer's verdict would need a note). */
const protocolAnnotation = (f: Fixtures) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "Annotation",
  body: [
    { type: "TextualBody", purpose: "describing", value: "Restated over the Annotation Protocol." },
    { type: "TextualBody", purpose: "assessing", value: "Mostly false" },
    { type: "TextualBody", purpose: "commenting", value: "An independent study expects about 600 jobs." },
  ],
  target: { source: `http://localhost/articles/${f.article.id}`, selector: { type: "TextQuoteSelector", exact: "create 2,000 jobs" } },
});
async function protocolCall(pending: Promise<Response>): Promise<Outcome> {
  const response = await pending;
  const text = await response.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  return { ok: response.status < 300, status: response.status, body, message: typeof body?.error === "string" ? body.error : undefined };
}
/** A new version of the fixture article: the claim's figure corrected. */
const NEW_VERSION_LINES = [LINES[0], "The port authority said the new harbour will create 1,500 jobs.", LINES[2]];
const newVersionFields = (f: Fixtures) => ({ articleId: f.article.id, format: "auto", content: NEW_VERSION_LINES.join("\n"), outletUpdatedOn: "2026-12-01" });

/** What a call produced, whatever its kind (form state, Next redirect, route response). */
interface Outcome {
  ok: boolean;
  message?: string;
  fieldErrors?: FormState["fieldErrors"];
  data?: unknown;
  redirect?: string;
  status?: number;
  body?: Record<string, unknown>;
}

type FormActionFn = (previous: FormState, data: FormData) => Promise<FormState>;

async function callForm(action: FormActionFn, data: FormData): Promise<Outcome> {
  try {
    const state = await action(initialFormState, data);
    return { ok: state.status === "ok", message: state.message, fieldErrors: state.fieldErrors, data: state.data };
  } catch (error) {
    // importArticleAction redirects to the new article on success.
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return { ok: true, redirect: digest.split(";")[2] };
    throw error;
  }
}

interface Row {
  state: ClaimState | null;
  /** The fixture article is published (by an editor, through the data layer) before the call. */
  published?: boolean;
  /** More fixtures for this row, made through the data layer after the others (into `f.more`). */
  setup?(f: Fixtures): Promise<Record<string, string>>;
  /** Fixtures that depend on who calls (an approval by the calling editor), made last. */
  prepareFor?(f: Fixtures, role: RoleName): Promise<void>;
  call(f: Fixtures): Promise<Outcome>;
  /** The audit events an allowed call writes, in order; null: an allowed call writes nothing at all. */
  audit: string | string[] | null;
  /** Checks the intended effect of an allowed call. */
  verify(f: Fixtures, outcome: Outcome, actor: Actor): Promise<void>;
  /**
   * The refusal message for a signed-in user refused by role (reviewers, the owner where it is
   * not the reviewers', editors/admins, the proposer), and for anonymous and disabled users
   * where it is not the default.
   */
  refusal?: { reviewer?: string; owner?: string; editor?: string; proposer?: string; signedOut?: string };
  /** The HTTP status of a refused route call (default 401). */
  refusedStatus?: number;
  /** The HTTP status of a refused route call by a signed-in user, where it is not refusedStatus. */
  refusedStatusSignedIn?: number;
  /** Tables an allowed read with no audit event may still change (a live stream: its presence, announced). */
  ephemeral?: string[];
}

const claimOf = (f: Fixtures) => {
  if (!f.claim) throw new Error("This row needs a claim.");
  return f.claim;
};

const editClaim = (f: Fixtures) =>
  callForm(
    claimActions.updateClaimAction,
    form({
      claimId: claimOf(f).id,
      version: claimOf(f).version,
      restatement: "Edited in the authorization matrix.",
      verdict: "MOSTLY_FALSE",
      rationale: "An independent study expects about 600 jobs.",
    }),
  );
const verifyEdit = async (f: Fixtures, outcome: Outcome) => {
  // The claim as its panel shows it after the edit, for the reader to take in.
  expect(outcome.data).toEqual({ version: claimOf(f).version + 1, claim: expect.objectContaining({ id: claimOf(f).id, restatement: "Edited in the authorization matrix.", version: claimOf(f).version + 1 }) });
  expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimOf(f).id } })).toMatchObject({
    restatement: "Edited in the authorization matrix.",
    version: claimOf(f).version + 1,
  });
};

const deleteClaimRow = (f: Fixtures) =>
  callForm(claimActions.deleteClaimAction, form({ claimId: claimOf(f).id, version: claimOf(f).version }));
const verifyDelete = async (f: Fixtures) => {
  expect(await prisma.claim.count({ where: { id: claimOf(f).id } })).toBe(0);
};

const addEvidenceRow = (f: Fixtures) =>
  callForm(
    claimActions.addEvidenceAction,
    form({
      kind: "EXTERNAL",
      claimId: claimOf(f).id,
      version: claimOf(f).version,
      stance: "SUPPORTS",
      url: "https://example.org/second-source",
      title: "A second source",
      excerpt: "",
      accessedAt: "2025-02-01",
    }),
  );
const verifyAddEvidence = async (f: Fixtures, outcome: Outcome, actor: Actor) => {
  const evidence = await prisma.evidence.findMany({ where: { claimId: claimOf(f).id }, orderBy: { createdAt: "asc" } });
  expect(evidence.map((e) => e.title)).toEqual(["Independent jobs study", "A second source"]);
  expect(evidence[1].addedById).toBe(actor.id);
  expect(outcome.data).toEqual({ id: evidence[1].id, version: claimOf(f).version + 1, claim: expect.objectContaining({ id: claimOf(f).id, evidenceCount: 2, version: claimOf(f).version + 1 }) });
};

const removeEvidenceRow = (f: Fixtures) =>
  callForm(claimActions.removeEvidenceAction, form({ evidenceId: claimOf(f).evidenceId, version: claimOf(f).version }));
const verifyRemoveEvidence = async (f: Fixtures, outcome: Outcome) => {
  expect(await prisma.evidence.count({ where: { claimId: claimOf(f).id } })).toBe(0);
  expect(outcome.data).toEqual({ version: claimOf(f).version + 1, claim: expect.objectContaining({ id: claimOf(f).id, evidence: [], version: claimOf(f).version + 1 }) });
};

const commentRow = (f: Fixtures) =>
  callForm(claimActions.addCommentAction, form({ claimId: claimOf(f).id, body: "A comment from the matrix." }));
const verifyComment = async (f: Fixtures, outcome: Outcome, actor: Actor) => {
  expect(await prisma.comment.findMany({ where: { claimId: claimOf(f).id }, select: { authorId: true, body: true } })).toEqual([
    { authorId: actor.id, body: "A comment from the matrix." },
  ]);
  expect(outcome.data).toMatchObject({ claim: { id: claimOf(f).id, commentCount: 1, comments: [{ author: { id: actor.id }, body: "A comment from the matrix." }] } });
};

const transition = (action: "submit" | "approve" | "request_changes" | "reopen", note?: string) => (f: Fixtures) =>
  callForm(
    workflowActions.transitionClaimAction,
    form({ claimId: claimOf(f).id, version: claimOf(f).version, action, ...(note ? { note } : {}) }),
  );
/**
 * The claim is in state `to` at its next version (with `extra`), and the answer is the claim as its
 * panel shows it now, for the reader to take in; no page is revalidated (Next would render the
 * page the step was taken on into the answer).
 */
const verifyTransition = (to: ClaimState, extra: (actor: Actor) => Record<string, unknown> = () => ({})) =>
  async (f: Fixtures, outcome: Outcome, actor: Actor) => {
    expect(outcome.data).toEqual({ version: claimOf(f).version + 1, claim: expect.objectContaining({ id: claimOf(f).id, state: to, version: claimOf(f).version + 1 }) });
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimOf(f).id } })).toMatchObject({
      state: to,
      version: claimOf(f).version + 1,
      ...extra(actor),
    });
  };

/** The bulk actions' one field: the cell's claim at the version it has. */
const claimRefsOf = (f: Fixtures) => JSON.stringify([{ id: claimOf(f).id, version: claimOf(f).version }]);

/** Assigns the cell's claim to whoever is signed in (the one assignment every role may ask for). */
const assignToMe = (f: Fixtures) => callForm(claimActions.assignClaimsAction, form({ claims: claimRefsOf(f), assigneeId: sessionUserId ?? "" }));
const verifyAssignedToMe = async (f: Fixtures, _outcome: Outcome, actor: Actor) => {
  expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimOf(f).id } })).toMatchObject({
    assigneeId: actor.id,
    version: claimOf(f).version + 1,
  });
};

const tagRow = (f: Fixtures) => callForm(claimActions.tagClaimsAction, form({ claims: claimRefsOf(f), tags: "Jobs, harbour", mode: "add" }));
const verifyTagged = async (f: Fixtures) => {
  expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimOf(f).id } })).toMatchObject({
    tags: ["jobs", "harbour"],
    version: claimOf(f).version + 1,
  });
};

/** A route's response as an outcome: the body as text (and its `error` when JSON), the headers that matter. */
async function routeOutcome(response: Response): Promise<Outcome & { text: string; contentType: string | null; headers: Headers }> {
  const text = await response.text();
  const contentType = response.headers.get("content-type");
  let body: Record<string, unknown> | undefined;
  if (contentType?.startsWith("application/json")) body = JSON.parse(text) as Record<string, unknown>;
  return {
    ok: response.status === 200,
    status: response.status,
    body,
    message: typeof body?.error === "string" ? body.error : undefined,
    text,
    contentType,
    headers: response.headers,
  };
}

const LIVE_SIGNED_OUT = "Sign in to follow changes.";
// A stream makes its viewer present while it is open, and announces their coming and going.
const LIVE_TABLES = ["Presence", "LiveEvent"];

/**
 * Opens the article's live stream (GET /api/live) and closes it at once: allowed, it is an
 * event stream that made the viewer present while it was open, and left nothing behind.
 */
async function liveStream(f: Fixtures): Promise<Outcome> {
  const abort = new AbortController();
  const response = await getLiveRoute(new Request(`http://localhost/api/live?article=${f.article.id}`, { signal: abort.signal }));
  if (response.status !== 200) return routeOutcome(response);
  const present = await prisma.presence.count({ where: { articleId: f.article.id } });
  abort.abort();
  await response.body?.cancel();
  // The stream's presence goes as it closes (so the next row's snapshot does not see it go).
  for (let waited = 0; (await prisma.presence.count({ where: { articleId: f.article.id } })) > 0 && waited < 2_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const left = await prisma.presence.count({ where: { articleId: f.article.id } });
  // The hub would go on tidying old events every 15 s, changing the rows later cells compare.
  await liveHub.close();
  return { ok: true, status: 200, data: { contentType: response.headers.get("content-type"), present, left } };
}

async function verifyLiveStream(_f: Fixtures, outcome: Outcome) {
  expect(outcome.data).toEqual({ contentType: "text/event-stream; charset=utf-8", present: 1, left: 0 });
}

const exportRoute = (format: string, query = "") => async (f: Fixtures) =>
  routeOutcome(
    await getExportRoute(new Request(`http://localhost/articles/${f.article.id}/export/${format}${query}`), {
      params: Promise.resolve({ id: f.article.id, format }),
    }),
  );

type RouteOutcome = Awaited<ReturnType<typeof routeOutcome>>;

/** The small W3C AnnotationCollection importAnnotationsAction is given: one claim on the fixture article's text. */
function annotationFile(f: Fixtures) {
  const exact = "create 2,000 jobs";
  const start = f.article.text.indexOf(exact);
  const collection = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: "https://elsewhere.example/annotations/1",
    type: "AnnotationCollection",
    total: 1,
    first: {
      type: "AnnotationPage",
      items: [
        {
          id: "https://elsewhere.example/annotations/1/claim-1",
          type: "Annotation",
          motivation: "assessing",
          body: [
            { type: "TextualBody", purpose: "describing", value: "Imported: the harbour will create 2,000 jobs." },
            { type: "TextualBody", purpose: "assessing", value: "Mostly false" },
            { type: "TextualBody", purpose: "commenting", value: "An independent study expects about 600 jobs." },
          ],
          target: {
            source: "https://elsewhere.example/articles/harbour",
            selector: [
              { type: "TextQuoteSelector", exact, prefix: "the new harbour will ", suffix: "." },
              { type: "TextPositionSelector", start, end: start + exact.length },
            ],
          },
        },
      ],
    },
  };
  return new File([JSON.stringify(collection)], "harbour.annotations.jsonld", { type: "application/ld+json" });
}


// ------------------------------------------------------------------ search fixtures and calls

const ELSEWHERE_RESTATEMENT = "The new harbour brings 2,000 jobs.";
const ELSEWHERE_RATIONALE = "The port's own plan counts 600 permanent jobs.";
const SETTLED_ONLY_BY_EDITORS =
  "Linking claims that are approved or on published articles with each other is an editor's decision: ask an editor to link them.";
const UNLINK_SETTLED_BY_EDITORS = "This claim is on a published article: ask an editor to unlink it.";

/**
 * A claim on a new article (another article than the cell's), by the setup reviewer, with the
 * verdict FALSE: a draft, or submitted and approved by the setup editor; its article published if asked.
 */
async function claimElsewhere(state: "DRAFT" | "APPROVED", published = false) {
  const article = await makeArticle(ELSEWHERE_LINES);
  const { id } = await createClaim(reviewerForSetup, {
    articleId: article.id,
    ...spanOf(article.text, "create 2,000 jobs"),
    restatement: ELSEWHERE_RESTATEMENT,
    verdict: "FALSE",
    rationale: ELSEWHERE_RATIONALE,
  });
  if (state === "APPROVED") {
    const evidence = await addEvidence(reviewerForSetup, {
      kind: "EXTERNAL",
      claimId: id,
      version: 1,
      stance: "CONTRADICTS",
      url: "https://example.org/port-plan",
      title: "The port's plan",
      accessedAt: "2025-01-20",
    });
    const version = await transitionClaim(reviewerForSetup, { claimId: id, version: evidence.version, action: "submit", note: null });
    await transitionClaim(editorForSetup, { claimId: id, version, action: "approve", note: null });
  }
  if (published) await publishArticle(editorForSetup, article.id);
  expect(await prisma.claim.findUniqueOrThrow({ where: { id } })).toMatchObject({ state, groupId: null });
  return { otherArticleId: article.id, otherClaimId: id };
}

/** The group a claim is in (null: none). */
const groupOf = async (claimId: string) => (await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { groupId: true } })).groupId;

const linkRow = (f: Fixtures) => callForm(searchActions.linkSameClaimAction, form({ claimId: claimOf(f).id, otherClaimId: f.more.otherClaimId }));
/** The cell's claim and the other claim share a group (the given one, or a new one the actor made), and both articles are revalidated. */
const verifyLink = (existingGroup?: (f: Fixtures) => string) => async (f: Fixtures, outcome: Outcome, actor: Actor) => {
  expect(outcome.message).toBe("Linked as the same claim.");
  const { groupId } = outcome.data as { groupId: string };
  expect(await groupOf(claimOf(f).id)).toBe(groupId);
  expect(await groupOf(f.more.otherClaimId)).toBe(groupId);
  if (existingGroup) expect(groupId).toBe(existingGroup(f));
  else expect(await prisma.claimGroup.findUniqueOrThrow({ where: { id: groupId } })).toMatchObject({ createdById: actor.id });
  // Linking is not a change of the claim's content: its version stays.
  expect((await prisma.claim.findUniqueOrThrow({ where: { id: claimOf(f).id } })).version).toBe(claimOf(f).version);
  expect(revalidatePath).toHaveBeenCalledWith(`/articles/${f.article.id}`);
  expect(revalidatePath).toHaveBeenCalledWith(`/articles/${f.more.otherArticleId}`);
};

/** Setup: a claim in another article (a draft), linked by an editor with the cell's claim, the editable one first. */
const linkedWithDraftElsewhere = async (f: Fixtures) => {
  const other = await claimElsewhere("DRAFT");
  // Nobody links from an approved claim (it is reopened first): then the draft is the claim linked from.
  const approved = (await prisma.claim.findUniqueOrThrow({ where: { id: claimOf(f).id } })).state === "APPROVED";
  const [claimId, otherClaimId] = approved ? [other.otherClaimId, claimOf(f).id] : [claimOf(f).id, other.otherClaimId];
  const groupId = await linkSameClaim(editorForSetup, { claimId, otherClaimId });
  return { ...other, groupId };
};

const unlinkRow = (f: Fixtures) => callForm(searchActions.unlinkSameClaimAction, form({ claimId: claimOf(f).id }));
/** Both claims of the two-claim group leave it, and the group is gone. */
const verifyUnlink = async (f: Fixtures, outcome: Outcome) => {
  expect(outcome.message).toBe("Unlinked.");
  expect(await groupOf(claimOf(f).id)).toBeNull();
  expect(await groupOf(f.more.otherClaimId)).toBeNull();
  expect(await prisma.claimGroup.count({ where: { id: f.more.groupId } })).toBe(0);
  expect(revalidatePath).toHaveBeenCalledWith(`/articles/${f.article.id}`);
};

/** The sentence of the cell's article that "Suggest claims" offers (it has a number and an attribution). */
const jobsSentence = (f: Fixtures) => {
  const sentence = splitPassages(f.article.text).find((s) => s.text.includes("2,000 jobs"));
  if (!sentence) throw new Error("The fixture article has no sentence about 2,000 jobs.");
  return sentence;
};
const suggestionForm = (f: Fixtures) => {
  const { start, end } = jobsSentence(f);
  return form({ articleId: f.article.id, start, end });
};
const dismissals = (f: Fixtures) =>
  prisma.dismissedSuggestion.findMany({ where: { articleId: f.article.id }, select: { startOffset: true, endOffset: true, dismissedById: true } });

/** Lower-case letters for a number: a word no other article has (the search's stemmer leaves it as it is). */
function uniqueWord(n: number) {
  let word = "";
  for (let rest = n; rest > 0 || word === ""; rest = Math.floor(rest / 26)) word = String.fromCharCode(97 + (rest % 26)) + word;
  return `zyq${word}x`;
}

/** Calls a search route (GET, no path parameters) as the session's user. */
const searchRoute = (get: (request: Request) => Promise<Response>, path: string, query: (f: Fixtures) => Record<string, string>) => async (f: Fixtures) =>
  routeOutcome(await get(new Request(`http://localhost${path}?${new URLSearchParams(query(f)).toString()}`)));
/** Setup: the cell's article is retired (the data layer has no retiring yet: directly, as lib/claims/test-fixtures.ts does). */
const retire = async (f: Fixtures) => {
  await prisma.article.update({ where: { id: f.article.id }, data: { retiredAt: new Date() } });
  return {};
};
const NO_ARTICLE = "That article was not found.";
const NO_CLAIM = "That claim was not found.";

/** What every search route's successful answer has: JSON, never stored. */
const expectJsonNoStore = (o: RouteOutcome) => {
  expect(o.status).toBe(200);
  expect(o.contentType).toMatch(/^application\/json/);
  expect(o.headers.get("cache-control")).toBe("no-store");
};

const dismissRow = (f: Fixtures) => callForm(searchActions.dismissSuggestionAction, suggestionForm(f));
const verifyDismiss = async (f: Fixtures, outcome: Outcome, actor: Actor) => {
  const { start, end } = jobsSentence(f);
  expect(outcome.message).toBe("Dismissed: it will not be suggested again.");
  expect(outcome.data).toEqual({ start, end });
  expect(await dismissals(f)).toEqual([{ startOffset: start, endOffset: end, dismissedById: actor.id }]);
};

const suggestedClaimsRoute = searchRoute(getSuggestedClaimsRoute, "/search/api/claims", (f) => ({ article: f.article.id }));
const verifySuggestedClaims = async (f: Fixtures, outcome: Outcome) => {
  const o = outcome as RouteOutcome;
  expectJsonNoStore(o);
  const { start, end, text } = jobsSentence(f);
  expect(o.body).toEqual({
    suggestions: expect.arrayContaining([expect.objectContaining({ start, end, text })]),
    dismissed: [],
    // The fixture's article has no language: read as English, by the word rules.
    language: null,
    wordRules: true,
  });
};

const evidenceRoute = searchRoute(getEvidenceRoute, "/search/api/evidence", (f) => ({ claim: claimOf(f).id }));
const verifyEvidence = async (f: Fixtures, outcome: Outcome) => {
  const o = outcome as RouteOutcome;
  expectJsonNoStore(o);
  const { suggestions } = o.body as { suggestions: Array<{ articleId: string; text: string }> };
  expect(suggestions.length).toBeGreaterThan(0);
  // Passages of other articles only.
  for (const s of suggestions) expect(s.articleId).not.toBe(f.article.id);
  expect(suggestions.some((s) => s.text.includes("2,000 jobs"))).toBe(true);
};

const sameClaimRoute = searchRoute(getSameClaimRoute, "/search/api/same-claim", (f) => ({ claim: claimOf(f).id }));
const verifySameClaim = async (f: Fixtures, outcome: Outcome) => {
  const o = outcome as RouteOutcome;
  expectJsonNoStore(o);
  const view = o.body as { group: Array<Record<string, unknown>>; candidates: Array<{ id: string; articleId: string }> };
  expect(view.group).toEqual([
    expect.objectContaining({ id: f.more.otherClaimId, articleId: f.more.otherArticleId, restatement: ELSEWHERE_RESTATEMENT, verdict: "FALSE", state: "DRAFT" }),
  ]);
  // Candidates are claims of other articles, not in the group.
  for (const c of view.candidates) {
    expect(c.articleId).not.toBe(f.article.id);
    expect(c.id).not.toBe(f.more.otherClaimId);
  }
};

/**
 * Adopting: the owner's claim (MOSTLY_FALSE, proposed by the proposer) in `state` is linked with an
 * approved claim (FALSE) in another article, and takes its verdict and rationale; the adopter proposed them.
 */
const adoptRow = (state: "DRAFT" | "SUBMITTED"): Row => ({
  state,
  setup: async (f) => {
    const other = await claimElsewhere("APPROVED");
    const groupId = await linkSameClaim(editorForSetup, { claimId: claimOf(f).id, otherClaimId: other.otherClaimId });
    return { ...other, groupId };
  },
  call: (f) => callForm(searchActions.adoptVerdictAction, form({ claimId: claimOf(f).id, version: claimOf(f).version, fromClaimId: f.more.otherClaimId })),
  audit: "verdict.adopted",
  verify: async (f, outcome, actor) => {
    expect(outcome.message).toBe("Verdict adopted as your proposal: submit the claim for approval as usual.");
    expect(outcome.data).toEqual({ version: claimOf(f).version + 1 });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimOf(f).id } })).toMatchObject({
      state,
      verdict: "FALSE",
      rationale: ELSEWHERE_RATIONALE,
      verdictProposedById: actor.id,
      contentChangedById: actor.id,
      version: claimOf(f).version + 1,
      groupId: f.more.groupId,
    });
    expect(revalidatePath).toHaveBeenCalledWith(`/articles/${f.article.id}`);
  },
  refusal: { reviewer: OWN_EDIT },
});

const APPROVED_CHANGE = {
  edit: "This claim is approved: reopen it before editing it.",
  delete: "This claim is approved: reopen it before deleting it.",
  evidence: "This claim is approved: reopen it before changing its evidence.",
};

const NOT_ON_MARKING_PANEL = "You are not on this article's blind marking panel.";

/**
 * A marking round on the cell's article with the editor, the proposer and the admin on its
 * panel, each with a mark of their own (its id: `editorMark`, `proposerMark`, `adminMark`).
 */
async function markingPanel(f: Fixtures): Promise<Record<string, string>> {
  const { editor, proposer, admin } = users;
  const { roundId } = await openMarking(editorForSetup, { articleId: f.article.id, size: 3, reviewerIds: [editor.id, proposer.id, admin.id] });
  const more: Record<string, string> = { roundId };
  for (const [role, actor] of Object.entries({ editor, proposer, admin })) {
    more[`${role}Mark`] = (await addBlindMark(actor, { roundId, ...spanOf(f.article.text, "Construction starts next spring"), restatement: "Building starts in spring." })).markId;
  }
  return more;
}

const ROWS: Record<string, Row> = {
  createUserAction: {
    state: null,
    call: () =>
      callForm(
        userActions.createUserAction,
        form({ name: `New Person ${serial}`, email: `new.person.${serial}@matrix.test`, role: "REVIEWER", password: "a long password" }),
      ),
    audit: "user.create",
    verify: async () => {
      expect(await prisma.user.findUnique({ where: { email: `new.person.${serial}@matrix.test` }, select: { role: true } })).toEqual({
        role: "REVIEWER",
      });
    },
    refusal: { reviewer: ADMINS_ONLY, editor: ADMINS_ONLY },
  },
  changeRoleAction: {
    state: null,
    call: (f) => callForm(userActions.changeRoleAction, form({ userId: f.target.id, role: "EDITOR" })),
    audit: "user.change_role",
    verify: async (f) => {
      expect(await prisma.user.findUniqueOrThrow({ where: { id: f.target.id } })).toMatchObject({ role: "EDITOR", sessionVersion: 1 });
    },
    refusal: { reviewer: ADMINS_ONLY, editor: ADMINS_ONLY },
  },
  resetPasswordAction: {
    state: null,
    call: (f) => callForm(userActions.resetPasswordAction, form({ userId: f.target.id, password: "another long password" })),
    audit: "user.reset_password",
    verify: async (f) => {
      const user = await prisma.user.findUniqueOrThrow({ where: { id: f.target.id }, select: { passwordHash: true, sessionVersion: true } });
      expect(user.sessionVersion).toBe(1);
      expect(user.passwordHash).not.toBe("unused");
    },
    refusal: { reviewer: ADMINS_ONLY, editor: ADMINS_ONLY },
  },
  setDisabledAction: {
    state: null,
    call: (f) => callForm(userActions.setDisabledAction, form({ userId: f.target.id, disabled: "true" })),
    audit: "user.disable",
    verify: async (f) => {
      expect((await prisma.user.findUniqueOrThrow({ where: { id: f.target.id } })).disabledAt).toBeInstanceOf(Date);
    },
    refusal: { reviewer: ADMINS_ONLY, editor: ADMINS_ONLY },
  },
  updateArticleDetailsAction: {
    state: null,
    call: (f) =>
      callForm(
        articleActions.updateArticleDetailsAction,
        form({ articleId: f.article.id, title: "A Better Title", outlet: "Harbour Times", url: "https://example.org/a", publicationDate: "2025-03-01" }),
      ),
    audit: "article.update_details",
    verify: async (f) => {
      expect(await prisma.article.findUniqueOrThrow({ where: { id: f.article.id } })).toMatchObject({
        title: "A Better Title",
        outlet: "Harbour Times",
        url: "https://example.org/a",
      });
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  previewImportAction: {
    state: null,
    call: () => callForm(articleActions.previewImportAction, form({ format: "auto", content: "Harbour News\nThe harbour opens in May." })),
    audit: null,
    verify: async (_f, outcome) => {
      expect(outcome.message).toBe("Read as plain text: 5 words. Language: English (detected).");
      expect(outcome.data).toMatchObject({ title: "Harbour News", format: "TEXT", wordCount: 5 });
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  importArticleAction: {
    state: null,
    call: () =>
      callForm(
        articleActions.importArticleAction,
        // Each role imports the same article: "Import anyway" keeps the row about who may import, not about copies.
        form({ format: "auto", content: "Imported Harbour News\nThe harbour opens in May.", title: "", outlet: "Harbour Times", url: "", publicationDate: "", importAnyway: "1" }),
      ),
    audit: "article.import",
    verify: async (_f, outcome, actor) => {
      expect(outcome.redirect).toMatch(/^\/articles\/[^/]+$/);
      const id = outcome.redirect!.split("/")[2];
      expect(await prisma.article.findUniqueOrThrow({ where: { id } })).toMatchObject({
        title: "Imported Harbour News",
        importedById: actor.id,
      });
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  "previewVersionAction@SUBMITTED": {
    state: "SUBMITTED",
    call: (f) => callForm(versionActions.previewVersionAction, form(newVersionFields(f))),
    audit: null,
    verify: async (f, outcome) => {
      expect(outcome.message).toBe("Version 2: 15 words. 1 claim goes back to the reviewer.");
      expect(outcome.data).toMatchObject({ basedOn: 1, number: 2, claims: [{ id: claimOf(f).id, kind: "changed", stateAfter: "CHANGES_REQUESTED" }] });
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  "confirmVersionAction@SUBMITTED": {
    state: "SUBMITTED",
    // The review the confirming editor saw, made through the data layer.
    setup: async (f) => {
      const { digest } = await previewVersion(editorForSetup, { ...newVersionFields(f), format: "auto", file: null, sourceUrl: null, outletUpdatedOn: new Date("2026-12-01T00:00:00Z") });
      return { digest };
    },
    call: (f) => callForm(versionActions.confirmVersionAction, form({ ...newVersionFields(f), basedOn: 1, digest: f.more.digest })),
    audit: ["article.new_version", "claim.reanchored"],
    verify: async (f, outcome) => {
      expect(outcome.redirect).toBe(`/articles/${f.article.id}/versions/2?confirmed=1`);
      expect(await prisma.article.findUniqueOrThrow({ where: { id: f.article.id } })).toMatchObject({ canonicalText: NEW_VERSION_LINES.slice(1).join("\n") });
      expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimOf(f).id } })).toMatchObject({ state: "CHANGES_REQUESTED", exact: "create 1,500 jobs" });
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  createClaimAction: {
    state: null,
    call: (f) =>
      callForm(
        claimActions.createClaimAction,
        form({ articleId: f.article.id, ...spanOf(f.article.text, "Construction starts"), restatement: "Work begins in spring.", verdict: "", rationale: "" }),
      ),
    audit: "claim.create",
    verify: async (f, outcome, actor) => {
      const { id } = (outcome.data as { claim: { id: string } }).claim;
      expect(await prisma.claim.findUniqueOrThrow({ where: { id } })).toMatchObject({
        articleId: f.article.id,
        authorId: actor.id,
        state: "DRAFT",
        version: 1,
      });
    },
  },
  "updateClaimAction@DRAFT": { state: "DRAFT", call: editClaim, audit: "claim.update", verify: verifyEdit, refusal: { reviewer: OWN_EDIT } },
  "updateClaimAction@SUBMITTED": { state: "SUBMITTED", call: editClaim, audit: "claim.update", verify: verifyEdit, refusal: { reviewer: OWN_EDIT } },
  "updateClaimAction@APPROVED": {
    state: "APPROVED",
    call: editClaim,
    audit: "claim.update",
    verify: verifyEdit,
    refusal: { reviewer: OWN_EDIT, editor: APPROVED_CHANGE.edit },
  },
  "deleteClaimAction@DRAFT": { state: "DRAFT", call: deleteClaimRow, audit: "claim.delete", verify: verifyDelete, refusal: { reviewer: OWN_DELETE } },
  "deleteClaimAction@APPROVED": {
    state: "APPROVED",
    call: deleteClaimRow,
    audit: "claim.delete",
    verify: verifyDelete,
    refusal: { reviewer: OWN_DELETE, editor: APPROVED_CHANGE.delete },
  },
  "addEvidenceAction@DRAFT": {
    state: "DRAFT",
    call: addEvidenceRow,
    audit: "evidence.add",
    verify: verifyAddEvidence,
    refusal: { reviewer: OWN_EVIDENCE },
  },
  "addEvidenceAction@APPROVED": {
    state: "APPROVED",
    call: addEvidenceRow,
    audit: "evidence.add",
    verify: verifyAddEvidence,
    refusal: { reviewer: OWN_EVIDENCE, editor: APPROVED_CHANGE.evidence },
  },
  "removeEvidenceAction@DRAFT": {
    state: "DRAFT",
    call: removeEvidenceRow,
    audit: "evidence.remove",
    verify: verifyRemoveEvidence,
    refusal: { reviewer: OWN_EVIDENCE },
  },
  "removeEvidenceAction@APPROVED": {
    state: "APPROVED",
    call: removeEvidenceRow,
    audit: "evidence.remove",
    verify: verifyRemoveEvidence,
    refusal: { reviewer: OWN_EVIDENCE, editor: APPROVED_CHANGE.evidence },
  },
  "addCommentAction@SUBMITTED": { state: "SUBMITTED", call: commentRow, audit: "comment.add", verify: verifyComment },
  "addCommentAction@APPROVED": { state: "APPROVED", call: commentRow, audit: "comment.add", verify: verifyComment },
  "submitClaimsAction@DRAFT": {
    state: "DRAFT",
    call: (f) => callForm(workflowActions.submitClaimsAction, form({ claims: claimRefsOf(f) })),
    audit: "claim.submit",
    verify: async (f, outcome) => {
      expect(outcome.data).toEqual({ changed: [{ id: claimOf(f).id, version: claimOf(f).version + 1 }], articleIds: [f.article.id] });
      expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimOf(f).id } })).toMatchObject({ state: "SUBMITTED" });
    },
    refusal: { reviewer: BULK_REFUSED, editor: BULK_REFUSED },
  },
  "assignClaimsAction@DRAFT": { state: "DRAFT", call: assignToMe, audit: "claim.assign", verify: verifyAssignedToMe, refusal: { reviewer: BULK_REFUSED } },
  "assignClaimsAction@APPROVED": {
    state: "APPROVED",
    call: assignToMe,
    audit: "claim.assign",
    verify: verifyAssignedToMe,
    refusal: { reviewer: BULK_REFUSED },
  },
  "tagClaimsAction@DRAFT": { state: "DRAFT", call: tagRow, audit: "claim.tag", verify: verifyTagged, refusal: { reviewer: BULK_REFUSED } },
  "tagClaimsAction@APPROVED": { state: "APPROVED", call: tagRow, audit: "claim.tag", verify: verifyTagged, refusal: { reviewer: BULK_REFUSED } },
  "transitionClaimAction:submit@DRAFT": {
    state: "DRAFT",
    call: transition("submit"),
    audit: "claim.submit",
    verify: verifyTransition("SUBMITTED"),
    refusal: { reviewer: "Only the claim's author or an editor can submit it." },
  },
  "transitionClaimAction:submit@CHANGES_REQUESTED": {
    state: "CHANGES_REQUESTED",
    call: transition("submit"),
    audit: "claim.submit",
    verify: verifyTransition("SUBMITTED"),
    refusal: { reviewer: "Only the claim's author or an editor can submit it." },
  },
  "transitionClaimAction:approve@SUBMITTED": {
    state: "SUBMITTED",
    call: transition("approve"),
    audit: "claim.approve",
    verify: verifyTransition("APPROVED", (actor) => ({ approvedById: actor.id, approvedAt: expect.any(Date) })),
    refusal: { reviewer: EDITOR_STEPS, proposer: FOUR_EYES },
  },
  "transitionClaimAction:request_changes@SUBMITTED": {
    state: "SUBMITTED",
    call: transition("request_changes", "Please cite the study's own figure."),
    audit: "claim.request_changes",
    verify: verifyTransition("CHANGES_REQUESTED", () => ({ reviewNote: "Please cite the study's own figure." })),
    refusal: { reviewer: EDITOR_STEPS },
  },
  "transitionClaimAction:reopen@APPROVED": {
    state: "APPROVED",
    call: transition("reopen", "A newer study revises the figure."),
    audit: "claim.reopen",
    verify: verifyTransition("SUBMITTED", () => ({ reviewNote: "A newer study revises the figure.", approvedAt: null, approvedById: null })),
    refusal: { reviewer: EDITOR_STEPS },
  },
  "transitionClaimAction:reopen@APPROVED+published": {
    state: "APPROVED",
    published: true,
    call: (f) =>
      callForm(
        workflowActions.transitionClaimAction,
        form({ claimId: claimOf(f).id, version: claimOf(f).version, action: "reopen", note: "A newer study revises the figure.", correctionNote: "The figure is being rechecked." }),
      ),
    // A public correction is opened with the reopening.
    audit: ["claim.reopen", "claim.correction_opened"],
    verify: async (f, outcome, actor) => {
      await verifyTransition("SUBMITTED")(f, outcome, actor);
      expect(await prisma.correction.findMany({ where: { claimId: claimOf(f).id }, select: { note: true, createdById: true, publishedAt: true } })).toEqual([
        { note: "The figure is being rechecked.", createdById: actor.id, publishedAt: null },
      ]);
    },
    refusal: { reviewer: EDITOR_STEPS },
  },
  "undoApprovalAction@APPROVED": {
    state: "SUBMITTED",
    // Approved a moment ago by the calling editor or admin; for everyone else, by another editor.
    prepareFor: async (f, role) => {
      const approver = role === "editor" || role === "admin" ? users[role] : editorForSetup;
      const claim = claimOf(f);
      claim.version = await transitionClaim(approver, { claimId: claim.id, version: claim.version, action: "approve", note: null });
    },
    call: (f) => callForm(workflowActions.undoApprovalAction, form({ claimId: claimOf(f).id, version: claimOf(f).version })),
    audit: "claim.approval_undone",
    verify: verifyTransition("SUBMITTED", () => ({ approvedAt: null, approvedById: null })),
    refusal: { reviewer: EDITORS_ONLY, proposer: UNDO_NOT_YOURS },
  },
  markNotificationReadAction: {
    state: "DRAFT",
    // A notification addressed to the caller (written directly: which user gets one is the claims tests' concern).
    prepareFor: async (f, role) => {
      const recipient = role === "anonymous" ? users.owner : users[role];
      const { id } = await prisma.notification.create({
        data: { recipientId: recipient.id, actorId: editorForSetup.id, claimId: claimOf(f).id, fromVerdict: "MOSTLY_FALSE", toVerdict: "TRUE", note: "Revised." },
      });
      f.more.notificationId = id;
    },
    call: (f) => callForm(notificationActions.markNotificationReadAction, form({ notificationId: f.more.notificationId })),
    audit: "notification.read",
    verify: async (f) => {
      expect(await prisma.notification.findUniqueOrThrow({ where: { id: f.more.notificationId } })).toMatchObject({ readAt: expect.any(Date) });
    },
  },
  openNotificationAction: {
    state: "DRAFT",
    // A mention of the caller in a comment: opening it marks it read and goes to the comment.
    prepareFor: async (f, role) => {
      const recipient = role === "anonymous" ? users.owner : users[role];
      const comment = await prisma.comment.create({ data: { claimId: claimOf(f).id, authorId: editorForSetup.id, body: "Have a look." } });
      const { id } = await prisma.notification.create({
        data: { kind: "MENTION", recipientId: recipient.id, actorId: editorForSetup.id, claimId: claimOf(f).id, commentId: comment.id, note: "Have a look." },
      });
      f.more.notificationId = id;
      f.more.commentId = comment.id;
    },
    call: (f) => callForm(notificationActions.openNotificationAction, form({ notificationId: f.more.notificationId })),
    audit: "notification.read",
    verify: async (f, outcome) => {
      expect(outcome.redirect).toBe(`/articles/${f.article.id}?claim=${claimOf(f).id}#comment-${f.more.commentId}`);
      expect(await prisma.notification.findUniqueOrThrow({ where: { id: f.more.notificationId } })).toMatchObject({ readAt: expect.any(Date) });
    },
  },
  markAllNotificationsReadAction: {
    state: "DRAFT",
    // Two notifications addressed to the caller; the newest is the one the page showed last.
    prepareFor: async (f, role) => {
      const recipient = role === "anonymous" ? users.owner : users[role];
      const data = { kind: "ASSIGNED" as const, recipientId: recipient.id, actorId: editorForSetup.id, claimId: claimOf(f).id, note: "Yours." };
      await prisma.notification.create({ data: { ...data, createdAt: new Date(Date.now() - 60_000) } });
      const { id } = await prisma.notification.create({ data });
      f.more.notificationId = id;
    },
    call: (f) => callForm(notificationActions.markAllNotificationsReadAction, form({ upToId: f.more.notificationId })),
    audit: "notification.read_all",
    verify: async (f, _outcome, actor) => {
      expect(await prisma.notification.count({ where: { recipientId: actor.id, claimId: claimOf(f).id, readAt: null } })).toBe(0);
    },
  },
  setDigestAction: {
    state: null,
    // Turning the digest on needs SMTP settings: given for this row only.
    call: async () => {
      process.env.VERITY_SMTP_URL = "smtp://127.0.0.1:3341";
      process.env.VERITY_MAIL_FROM = "verity@newsroom.test";
      try {
        return await callForm(notificationActions.setDigestAction, form({ digest: "DAILY" }));
      } finally {
        delete process.env.VERITY_SMTP_URL;
        delete process.env.VERITY_MAIL_FROM;
      }
    },
    audit: "notification.digest_set",
    verify: async (_f, _outcome, actor) => {
      expect(await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { digestFrequency: true } })).toEqual({ digestFrequency: "DAILY" });
      // Back to none, so the next cell of this user changes it again.
      await prisma.user.update({ where: { id: actor.id }, data: { digestFrequency: null, lastDigestAt: null } });
    },
  },
  assignArticleAction: {
    state: null,
    call: (f) => callForm(assignmentActions.assignArticleAction, form({ articleId: f.article.id, assigneeId: f.target.id, dueOn: "2026-12-24" })),
    audit: "article.assign",
    verify: async (f) => {
      expect(await prisma.article.findUniqueOrThrow({ where: { id: f.article.id }, select: { assigneeId: true, dueOn: true } })).toEqual({
        assigneeId: f.target.id,
        dueOn: new Date("2026-12-24T00:00:00Z"),
      });
      expect(await prisma.notification.count({ where: { recipientId: f.target.id, articleId: f.article.id, kind: "ASSIGNED" } })).toBe(1);
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  "GET/api/live@SUBMITTED": { state: "SUBMITTED", call: liveStream, audit: null, verify: verifyLiveStream, refusal: { signedOut: LIVE_SIGNED_OUT }, ephemeral: LIVE_TABLES },
  "GET/api/live@retired": {
    state: "SUBMITTED",
    setup: retire,
    call: liveStream,
    audit: null,
    verify: verifyLiveStream,
    refusal: { signedOut: LIVE_SIGNED_OUT, reviewer: NO_ARTICLE },
    refusedStatusSignedIn: 404,
    ephemeral: LIVE_TABLES,
  },
  "GET/api/claims/[id]@SUBMITTED": {
    state: "SUBMITTED",
    call: async (f) => {
      const id = claimOf(f).id;
      const response = await getClaimRoute(new Request(`http://localhost/api/claims/${id}`), { params: Promise.resolve({ id }) });
      const body = (await response.json()) as Record<string, unknown>;
      return {
        ok: response.status === 200,
        status: response.status,
        body,
        message: typeof body.error === "string" ? body.error : undefined,
        data: response.headers.get("cache-control"),
      };
    },
    audit: null,
    verify: async (f, outcome) => {
      expect(outcome.status).toBe(200);
      expect(outcome.data).toBe("no-store");
      expect(outcome.body).toMatchObject({
        id: claimOf(f).id,
        state: "SUBMITTED",
        verdict: "MOSTLY_FALSE",
        verdictProposedBy: { id: users.proposer.id, name: users.proposer.name },
        evidence: [expect.objectContaining({ id: claimOf(f).evidenceId })],
      });
    },
  },
  publishArticleAction: {
    state: null,
    call: (f) => callForm(publishingActions.publishArticleAction, form({ articleId: f.article.id })),
    audit: "article.publish",
    verify: async (f, outcome, actor) => {
      expect(outcome.message).toBe("Published: anyone with the link can read the approved verdicts.");
      expect(await prisma.article.findUniqueOrThrow({ where: { id: f.article.id } })).toMatchObject({
        publishedAt: expect.any(Date),
        publishedById: actor.id,
      });
      expect(revalidatePath).toHaveBeenCalledWith(`/articles/${f.article.id}`);
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  "unpublishArticleAction@published": {
    state: null,
    published: true,
    call: (f) => callForm(publishingActions.unpublishArticleAction, form({ articleId: f.article.id })),
    audit: "article.unpublish",
    verify: async (f, outcome) => {
      expect(outcome.message).toBe("Unpublished: the public page is gone.");
      expect(await prisma.article.findUniqueOrThrow({ where: { id: f.article.id } })).toMatchObject({ publishedAt: null, publishedById: null });
      expect(revalidatePath).toHaveBeenCalledWith(`/articles/${f.article.id}`);
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  "retireArticleAction@published": {
    state: null,
    published: true,
    call: (f) => callForm(articleActions.retireArticleAction, form({ articleId: f.article.id })),
    audit: "article.retire",
    verify: async (f, outcome) => {
      expect(outcome.message).toMatch(/^Retired: /);
      expect(await prisma.article.findUniqueOrThrow({ where: { id: f.article.id } })).toMatchObject({
        retiredAt: expect.any(Date),
        publishedAt: null,
        unpublishedAt: expect.any(Date),
      });
      expect(revalidatePath).toHaveBeenCalledWith(`/articles/${f.article.id}`);
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  "restoreArticleAction@retired": {
    state: null,
    setup: retire,
    call: (f) => callForm(articleActions.restoreArticleAction, form({ articleId: f.article.id })),
    audit: "article.restore",
    verify: async (f, outcome) => {
      expect(outcome.message).toMatch(/^Restored: /);
      expect(await prisma.article.findUniqueOrThrow({ where: { id: f.article.id } })).toMatchObject({ retiredAt: null });
      expect(revalidatePath).toHaveBeenCalledWith(`/articles/${f.article.id}`);
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  importAnnotationsAction: {
    state: null,
    call: (f) => {
      const data = form({ articleId: f.article.id });
      data.append("file", annotationFile(f));
      return callForm(exportActions.importAnnotationsAction, data);
    },
    audit: ["claim.create", "article.import_annotations"],
    verify: async (f, outcome, actor) => {
      expect(outcome.message).toBe("1 draft claim created.");
      const claims = await prisma.claim.findMany({ where: { articleId: f.article.id } });
      expect(claims).toEqual([
        expect.objectContaining({
          authorId: actor.id,
          state: "DRAFT",
          restatement: "Imported: the harbour will create 2,000 jobs.",
          verdict: "MOSTLY_FALSE",
          verdictProposedById: actor.id,
          rationale: "An independent study expects about 600 jobs.",
          exact: "create 2,000 jobs",
        }),
      ]);
      expect(outcome.data).toMatchObject({ created: [{ id: claims[0].id, method: "position" }], orphaned: [], comments: 0, skipped: [] });
    },
  },
  "GET/articles/[id]/export/html@APPROVED": {
    state: "APPROVED",
    call: exportRoute("html"),
    audit: null,
    verify: async (f, outcome) => {
      const o = outcome as RouteOutcome;
      expect(o.status).toBe(200);
      expect(o.contentType).toBe("text/html; charset=utf-8");
      expect(o.headers.get("content-disposition")).toContain('filename="verity-harbour-plan-approved.html"');
      expect(o.text).toContain(f.article.title);
      expect(o.text).toContain("The harbour will create 2,000 jobs.");
    },
    // The article is not published: signed out, it is not found.
    refusal: { signedOut: "That article was not found, or it is not published." },
    refusedStatus: 404,
  },
  "GET/articles/[id]/export/html?pending=1@SUBMITTED": {
    state: "SUBMITTED",
    call: exportRoute("html", "?pending=1"),
    audit: null,
    verify: async (f, outcome) => {
      const o = outcome as RouteOutcome;
      expect(o.status).toBe(200);
      expect(o.contentType).toBe("text/html; charset=utf-8");
      expect(o.headers.get("content-disposition")).toContain("-internal.html");
      expect(o.text).toContain("The harbour will create 2,000 jobs.");
    },
    refusal: { reviewer: "Only editors may export pending claims.", signedOut: "Only editors may export pending claims." },
    refusedStatus: 403,
  },
  "GET/p/[articleId]@published": {
    state: "APPROVED",
    published: true,
    call: async (f) =>
      routeOutcome(
        await getPublicPageRoute(new Request(`http://localhost/p/${f.article.id}`), { params: Promise.resolve({ articleId: f.article.id }) }),
      ),
    audit: null,
    verify: async (f, outcome) => {
      const o = outcome as RouteOutcome;
      expect(o.status).toBe(200);
      expect(o.contentType).toBe("text/html; charset=utf-8");
      expect(o.headers.get("cache-control")).toBe("public, no-cache");
      expect(o.text).toContain(f.article.title);
      expect(o.text).toContain("The harbour will create 2,000 jobs.");
      // Its claims' ClaimReviews are on their own pages.
      expect(o.text).not.toContain("application/ld+json");
      expect(o.text).toContain(`/p/${f.article.id}/claims/1`);
    },
  },
  "GET/p/[articleId]/claims/[n]@published": {
    state: "APPROVED",
    published: true,
    call: async (f) =>
      routeOutcome(
        await getClaimPageRoute(new Request(`http://localhost/p/${f.article.id}/claims/1`), { params: Promise.resolve({ articleId: f.article.id, n: "1" }) }),
      ),
    audit: null,
    verify: async (f, outcome) => {
      const o = outcome as RouteOutcome;
      expect(o.status).toBe(200);
      expect(o.contentType).toBe("text/html; charset=utf-8");
      expect(o.headers.get("content-security-policy")).toContain("script-src 'none'");
      expect(o.text).toContain("<h1>The harbour will create 2,000 jobs.</h1>");
      expect(o.text.match(/application\/ld\+json/g)).toHaveLength(1);
      expect(o.text).toContain(`/p/${f.article.id}/claims/1`);
    },
  },
  "GET/p/claimreviews.json@published": {
    state: "APPROVED",
    published: true,
    call: async () => routeOutcome(await getClaimReviewMarkupRoute(new Request("http://localhost/p/claimreviews.json?pageSize=100"))),
    audit: null,
    verify: async (f, outcome) => {
      const o = outcome as RouteOutcome;
      expect(o.status).toBe(200);
      expect(o.contentType).toMatch(/^application\/json/);
      // Newest approval first: this cell's claim, on its own page.
      const pages = (o.body as { claimReviewMarkupPages: Array<Record<string, unknown>> }).claimReviewMarkupPages;
      expect(pages[0]).toMatchObject({ pageUrl: expect.stringContaining(`/p/${f.article.id}/claims/`), claimReviewMarkups: [{ claimReviewed: "The harbour will create 2,000 jobs." }] });
    },
  },
  saveOrganisationAction: {
    state: null,
    call: () => callForm(organisationActions.saveOrganisationAction, form({ name: `Fact Desk ${serial}`, url: "https://desk.example", publicBaseUrl: "", contactEmail: "", policyUrl: "" })),
    audit: "organisation.update",
    verify: async () => {
      expect(await prisma.organisation.findUnique({ where: { id: 1 }, select: { name: true, url: true } })).toEqual({ name: `Fact Desk ${serial}`, url: "https://desk.example" });
    },
    refusal: { reviewer: ADMINS_ONLY, editor: ADMINS_ONLY },
  },
  copyScaleAction: {
    state: null,
    call: () => callForm(ratingActions.copyScaleAction, form({ scaleId: "truth-o-meter", name: `Meter ${serial}` })),
    audit: "rating_scale.copy",
    verify: async () => {
      const copy = await prisma.ratingScale.findFirstOrThrow({ where: { name: `Meter ${serial}` }, include: { ratings: true } });
      expect(copy.preset).toBeNull();
      expect(copy.ratings).toHaveLength(6);
    },
    refusal: ADMINS_ONLY_REFUSAL,
  },
  "updateScaleAction@copy": {
    state: null,
    setup: scaleCopy,
    call: (f) => callForm(ratingActions.updateScaleAction, form({ scaleId: f.more.scaleId, name: `Renamed ${serial}`, worstRating: 1, bestRating: 5 })),
    audit: "rating_scale.update",
    verify: async (f) => expect(await prisma.ratingScale.findUniqueOrThrow({ where: { id: f.more.scaleId } })).toMatchObject({ name: `Renamed ${serial}` }),
    refusal: ADMINS_ONLY_REFUSAL,
  },
  "saveRatingAction@copy": {
    state: null,
    setup: scaleCopy,
    call: (f) => callForm(ratingActions.saveRatingAction, form({ scaleId: f.more.scaleId, label: "Exaggerated", definition: "Bigger than the facts.", color: "#7a3fb0", icon: "↑", ratingValue: "", truth: "MOSTLY_FALSE" })),
    audit: "rating.create",
    verify: async (f) => expect(await prisma.rating.count({ where: { scaleId: f.more.scaleId, label: "Exaggerated" } })).toBe(1),
    refusal: ADMINS_ONLY_REFUSAL,
  },
  "moveRatingAction@copy": {
    state: null,
    setup: scaleCopy,
    call: (f) => callForm(ratingActions.moveRatingAction, form({ ratingId: f.more.secondRatingId, direction: "up" })),
    audit: "rating.move",
    verify: async (f) => expect((await prisma.rating.findUniqueOrThrow({ where: { id: f.more.secondRatingId } })).position).toBe(0),
    refusal: ADMINS_ONLY_REFUSAL,
  },
  "retireRatingAction@copy": {
    state: null,
    setup: scaleCopy,
    call: (f) => callForm(ratingActions.retireRatingAction, form({ ratingId: f.more.firstRatingId })),
    audit: "rating.retire",
    verify: async (f) => expect((await prisma.rating.findUniqueOrThrow({ where: { id: f.more.firstRatingId } })).retiredAt).not.toBeNull(),
    refusal: ADMINS_ONLY_REFUSAL,
  },
  "restoreRatingAction@retired": {
    state: null,
    setup: async () => {
      const copy = await scaleCopy();
      await setRatingRetired(users.admin, { ratingId: copy.firstRatingId }, true);
      return copy;
    },
    call: (f) => callForm(ratingActions.restoreRatingAction, form({ ratingId: f.more.firstRatingId })),
    audit: "rating.restore",
    verify: async (f) => expect((await prisma.rating.findUniqueOrThrow({ where: { id: f.more.firstRatingId } })).retiredAt).toBeNull(),
    refusal: ADMINS_ONLY_REFUSAL,
  },
  "deleteRatingAction@copy": {
    state: null,
    setup: scaleCopy,
    call: (f) => callForm(ratingActions.deleteRatingAction, form({ ratingId: f.more.firstRatingId })),
    audit: "rating.delete",
    verify: async (f) => expect(await prisma.rating.findUnique({ where: { id: f.more.firstRatingId } })).toBeNull(),
    refusal: ADMINS_ONLY_REFUSAL,
  },
  // Switched to the scale in use (the Verity preset), so later rows' verdicts stay valid: a scale-level event only.
  switchScaleAction: {
    state: null,
    call: () => callForm(ratingActions.switchScaleAction, form({ scaleId: "verity" })),
    audit: "rating_scale.switch",
    verify: async () => expect(await prisma.organisation.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ ratingScaleId: "verity" }),
    refusal: ADMINS_ONLY_REFUSAL,
  },
  "GET/api/organisation/logo@logo": {
    state: null,
    setup: async () => {
      const logo = new File(['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>'], "logo.svg");
      await saveOrganisation(users.admin, saveOrganisationSchema.parse({ name: "Fact Desk", logo }));
      return {};
    },
    call: async () => routeOutcome(await getOrganisationLogoRoute(new Request("http://localhost/api/organisation/logo?v=1"))),
    audit: null,
    verify: async (_f, outcome) => {
      const o = outcome as RouteOutcome;
      expect(o.contentType).toBe("image/svg+xml");
      expect(o.text).toContain("<rect");
      // Opened on its own, the logo runs nothing.
      expect(o.headers.get("content-security-policy")).toContain("sandbox");
    },
  },
  "GET/api/progress/[id]@owner": {
    state: null,
    // The owner's bulk action under way: its progress bar's figures are theirs alone.
    setup: async () => {
      const id = `0f6c${String(serial).padStart(4, "0")}-5d7e-4a1b-9c2d-3e4f5a6b7c8d`;
      await prisma.workProgress.create({ data: { userId: users.owner.id, id, label: "Submitting claims", done: 3, total: 8 } });
      return { progressId: id };
    },
    call: async (f) => routeOutcome(await getProgressRoute(new Request(`http://localhost/api/progress/${f.more.progressId}`), { params: Promise.resolve({ id: f.more.progressId }) })),
    audit: null,
    verify: async (_f, outcome) => {
      expect(outcome.status).toBe(200);
      expect(outcome.body).toEqual({ label: "Submitting claims", done: 3, total: 8 });
    },
    refusal: { signedOut: new UnauthenticatedError().message, reviewer: NO_PROGRESS, editor: NO_PROGRESS, proposer: NO_PROGRESS },
    refusedStatusSignedIn: 404,
  },
  "GET/api/claim-reviews@published": {
    state: "APPROVED",
    published: true,
    call: async () => routeOutcome(await getClaimReviewsRoute(new Request("http://localhost/api/claim-reviews?pageSize=100"))),
    audit: null,
    verify: async (f, outcome) => {
      const o = outcome as RouteOutcome;
      expect(o.status).toBe(200);
      expect(o.contentType).toMatch(/^application\/json/);
      expect(o.headers.get("access-control-allow-origin")).toBe("*");
      // Newest approval first: this cell's claim.
      const items = (o.body as { items: Array<Record<string, unknown>> }).items;
      expect(items[0]).toMatchObject({ "@type": "ClaimReview", claimReviewed: "The harbour will create 2,000 jobs." });
      expect(JSON.stringify(items[0])).toContain(`/p/${f.article.id}`);
    },
  },
  "GET/p/corrections@published": {
    state: "APPROVED",
    published: true,
    call: async () => routeOutcome(await getCorrectionsLogRoute(new Request("http://localhost/p/corrections"))),
    audit: null,
    verify: async (_f, outcome) => {
      const o = outcome as RouteOutcome;
      expect(o.status).toBe(200);
      expect(o.contentType).toBe("text/html; charset=utf-8");
      expect(o.headers.get("content-security-policy")).toContain("script-src 'none'");
      expect(o.text).toContain("<h1>Corrections</h1>");
      expect(o.text).toContain('type="application/atom+xml"');
    },
  },
  "GET/p/feed.atom@published": {
    state: "APPROVED",
    published: true,
    call: async () => routeOutcome(await getFeedRoute(new Request("http://localhost/p/feed.atom"))),
    audit: null,
    verify: async (f, outcome) => {
      const o = outcome as RouteOutcome;
      expect(o.status).toBe(200);
      expect(o.contentType).toBe("application/atom+xml; charset=utf-8");
      // Newest first: this cell's claim.
      expect(parseFeed(o.text).items[0]).toMatchObject({ id: expect.stringContaining(`/annotations/${f.article.id}/${claimOf(f).id}`), title: "Mostly false: The harbour will create 2,000 jobs." });
    },
  },
  "linkSameClaimAction@DRAFT": {
    state: "DRAFT",
    setup: () => claimElsewhere("DRAFT"),
    call: linkRow,
    // Both claims join the new group.
    audit: ["same_claim.linked", "same_claim.linked"],
    verify: verifyLink(),
    refusal: { reviewer: OWN_EDIT },
  },
  "linkSameClaimAction@DRAFT+settled": {
    state: "DRAFT",
    // The other claim is settled, the owner's draft is not: a reviewer may link them.
    setup: () => claimElsewhere("APPROVED", true),
    call: linkRow,
    audit: ["same_claim.linked", "same_claim.linked"],
    verify: verifyLink(),
    refusal: { reviewer: OWN_EDIT },
  },
  "linkSameClaimAction@settled+settled": {
    state: "DRAFT",
    // The owner's draft is in a group with an approved claim of a published article; the other claim is
    // an approved claim of another published article: the link would tie the two approved claims together.
    setup: async (f) => {
      const mine = await claimElsewhere("APPROVED", true);
      const groupId = await linkSameClaim(editorForSetup, { claimId: claimOf(f).id, otherClaimId: mine.otherClaimId });
      const other = await claimElsewhere("APPROVED", true);
      return { ...other, groupId, groupedClaimId: mine.otherClaimId };
    },
    call: linkRow,
    // The other claim joins the draft's group.
    audit: "same_claim.linked",
    verify: async (f, outcome, actor) => {
      await verifyLink((fx) => fx.more.groupId)(f, outcome, actor);
      expect(await groupOf(f.more.groupedClaimId)).toBe(f.more.groupId);
    },
    refusal: { owner: SETTLED_ONLY_BY_EDITORS, reviewer: OWN_EDIT },
  },
  "linkSameClaimAction@DRAFT+published+settled": {
    state: "DRAFT",
    published: true,
    setup: () => claimElsewhere("APPROVED", true),
    call: linkRow,
    audit: ["same_claim.linked", "same_claim.linked"],
    verify: verifyLink(),
    refusal: { owner: SETTLED_ONLY_BY_EDITORS, reviewer: OWN_EDIT },
  },
  "linkSameClaimAction@grouped+grouped": {
    state: "DRAFT",
    setup: async (f) => {
      const mine = await linkedWithDraftElsewhere(f);
      const other = await claimElsewhere("DRAFT");
      const third = await claimElsewhere("DRAFT");
      const otherGroupId = await linkSameClaim(editorForSetup, { claimId: other.otherClaimId, otherClaimId: third.otherClaimId });
      return { ...other, groupId: mine.groupId, groupedClaimId: mine.otherClaimId, otherGroupId, thirdClaimId: third.otherClaimId };
    },
    call: linkRow,
    // Both claims of the other group join the draft's group, and the other group is gone.
    audit: ["same_claim.linked", "same_claim.linked"],
    verify: async (f, outcome, actor) => {
      await verifyLink((fx) => fx.more.groupId)(f, outcome, actor);
      expect(await groupOf(f.more.groupedClaimId)).toBe(f.more.groupId);
      expect(await groupOf(f.more.thirdClaimId)).toBe(f.more.groupId);
      expect(await prisma.claimGroup.count({ where: { id: f.more.otherGroupId } })).toBe(0);
    },
    refusal: { reviewer: OWN_EDIT },
  },
  "linkSameClaimAction@APPROVED": {
    state: "APPROVED",
    setup: () => claimElsewhere("DRAFT"),
    call: linkRow,
    audit: ["same_claim.linked", "same_claim.linked"],
    verify: verifyLink(),
    refusal: { reviewer: OWN_EDIT, editor: APPROVED_CHANGE.edit },
  },
  "unlinkSameClaimAction@DRAFT": {
    state: "DRAFT",
    setup: linkedWithDraftElsewhere,
    call: unlinkRow,
    // The group is left with one claim, so it is dissolved: both claims leave it.
    audit: ["same_claim.unlinked", "same_claim.unlinked"],
    verify: verifyUnlink,
    refusal: { reviewer: OWN_EDIT },
  },
  "unlinkSameClaimAction@DRAFT+published": {
    state: "DRAFT",
    published: true,
    setup: linkedWithDraftElsewhere,
    call: unlinkRow,
    audit: ["same_claim.unlinked", "same_claim.unlinked"],
    verify: verifyUnlink,
    refusal: { owner: UNLINK_SETTLED_BY_EDITORS, reviewer: OWN_EDIT },
  },
  "unlinkSameClaimAction@APPROVED": {
    state: "APPROVED",
    setup: linkedWithDraftElsewhere,
    call: unlinkRow,
    audit: ["same_claim.unlinked", "same_claim.unlinked"],
    verify: verifyUnlink,
    refusal: { reviewer: OWN_EDIT, editor: APPROVED_CHANGE.edit },
  },
  "adoptVerdictAction@DRAFT": adoptRow("DRAFT"),
  "adoptVerdictAction@SUBMITTED": adoptRow("SUBMITTED"),
  dismissSuggestionAction: { state: null, call: dismissRow, audit: "suggestion.dismissed", verify: verifyDismiss },
  "dismissSuggestionAction@retired": {
    state: null,
    setup: retire,
    call: dismissRow,
    audit: "suggestion.dismissed",
    verify: verifyDismiss,
    refusal: { reviewer: NO_ARTICLE },
  },
  restoreSuggestionAction: {
    state: null,
    // Dismissed by someone else (the setup editor): dismissals are for everyone, and so is restoring them.
    setup: async (f) => {
      const { start, end } = jobsSentence(f);
      await dismissSuggestion(editorForSetup, { articleId: f.article.id, start, end });
      expect(await dismissals(f)).toHaveLength(1);
      return {};
    },
    call: (f) => callForm(searchActions.restoreSuggestionAction, suggestionForm(f)),
    audit: "suggestion.restored",
    verify: async (f, outcome) => {
      const { start, end } = jobsSentence(f);
      expect(outcome.message).toBe("Suggested again.");
      expect(outcome.data).toEqual({ start, end });
      expect(await dismissals(f)).toEqual([]);
    },
  },
  "GET/search/api/claims": { state: null, call: suggestedClaimsRoute, audit: null, verify: verifySuggestedClaims, refusal: { signedOut: SESSION_ENDED } },
  "GET/search/api/claims@retired": {
    state: null,
    setup: retire,
    call: suggestedClaimsRoute,
    audit: null,
    verify: verifySuggestedClaims,
    refusal: { signedOut: SESSION_ENDED, reviewer: NO_ARTICLE },
    refusedStatusSignedIn: 404,
  },
  "GET/search/api/evidence@SUBMITTED": {
    state: "SUBMITTED",
    // A passage of another article to suggest: its passages are indexed.
    setup: async () => {
      const other = await makeArticle(ELSEWHERE_LINES);
      await indexPassages(prisma, other.id, other.text);
      return { otherArticleId: other.id };
    },
    call: evidenceRoute,
    audit: null,
    verify: verifyEvidence,
    refusal: { signedOut: SESSION_ENDED },
  },
  "GET/search/api/evidence@retired": {
    state: "SUBMITTED",
    setup: async (f) => {
      const other = await makeArticle(ELSEWHERE_LINES);
      await indexPassages(prisma, other.id, other.text);
      await retire(f);
      return { otherArticleId: other.id };
    },
    call: evidenceRoute,
    audit: null,
    verify: verifyEvidence,
    refusal: { signedOut: SESSION_ENDED, reviewer: NO_CLAIM },
    refusedStatusSignedIn: 404,
  },
  "GET/search/api/passages": {
    state: null,
    // The cell's article has a word no other article has; its passages are indexed.
    setup: async () => {
      const word = uniqueWord(serial);
      const article = await makeArticle(["Quay Report", `The ${word} quay will open in May.`]);
      await indexPassages(prisma, article.id, article.text);
      return { word, searchedArticleId: article.id };
    },
    call: searchRoute(getPassagesRoute, "/search/api/passages", (f) => ({ q: f.more.word })),
    audit: null,
    verify: async (f, outcome) => {
      const o = outcome as RouteOutcome;
      expectJsonNoStore(o);
      expect(o.body).toMatchObject({
        status: "ok",
        total: 1,
        hits: [expect.objectContaining({ articleId: f.more.searchedArticleId, articleTitle: "Quay Report" })],
        ignored: {},
      });
    },
    refusal: { signedOut: SESSION_ENDED },
  },
  "GET/search/api/same-claim@DRAFT": {
    state: "DRAFT",
    setup: linkedWithDraftElsewhere,
    call: sameClaimRoute,
    audit: null,
    verify: verifySameClaim,
    refusal: { signedOut: SESSION_ENDED },
  },
  "GET/search/api/same-claim@retired": {
    state: "DRAFT",
    setup: async (f) => {
      const linked = await linkedWithDraftElsewhere(f);
      await retire(f);
      return linked;
    },
    call: sameClaimRoute,
    audit: null,
    verify: verifySameClaim,
    refusal: { signedOut: SESSION_ENDED, reviewer: NO_CLAIM },
    refusedStatusSignedIn: 404,
  },
  createApiTokenAction: {
    state: null,
    call: () => callForm(apiTokenActions.createApiTokenAction, form({ name: "Matrix tool", scope: "READ" })),
    audit: "api_token.create",
    verify: async (_f, outcome, actor) => {
      const { id, secret } = outcome.data as { id: string; secret: string };
      expect(secret).toMatch(/^vrt_/);
      expect(await prisma.apiToken.findUniqueOrThrow({ where: { id } })).toMatchObject({ userId: actor.id, name: "Matrix tool", scope: "READ", revokedAt: null });
    },
  },
  revokeApiTokenAction: {
    state: null,
    // The caller's own token (the anonymous caller names the owner's).
    prepareFor: async (f, role) => {
      f.more.tokenId = (await createApiToken(role === "anonymous" ? users.owner : users[role], { name: "Matrix tool", scope: "READ" })).id;
    },
    call: (f) => callForm(apiTokenActions.revokeApiTokenAction, form({ tokenId: f.more.tokenId })),
    audit: "api_token.revoke",
    verify: async (f) => {
      expect(await prisma.apiToken.findUniqueOrThrow({ where: { id: f.more.tokenId } })).toMatchObject({ revokedAt: expect.any(Date) });
    },
  },
  "GET/annotations/[articleId]@SUBMITTED": {
    state: "SUBMITTED",
    call: (f) => protocolCall(annotationContainerRoute.GET(protocolRequest("GET", f), protocolParams(f))),
    audit: null,
    verify: async (_f, outcome, actor) => {
      expect(outcome.status).toBe(200);
      // Another reviewer sees approved claims and their own: not the owner's submitted claim.
      expect(outcome.body).toMatchObject({ type: ["BasicContainer", "AnnotationCollection"], total: actor.id === users.otherReviewer.id ? 0 : 1 });
    },
    refusal: { signedOut: SIGN_IN_OR_TOKEN },
  },
  "GET/annotations/[articleId]/[claimId]@SUBMITTED": {
    state: "SUBMITTED",
    call: (f) => protocolCall(annotationRoute.GET(protocolRequest("GET", f, claimOf(f).id), protocolParams(f, claimOf(f).id))),
    audit: null,
    verify: async (f, outcome) => {
      expect(outcome.status).toBe(200);
      expect(outcome.body).toMatchObject({ type: "Annotation", motivation: "assessing", id: expect.stringContaining(claimOf(f).id) });
    },
    refusal: { signedOut: SIGN_IN_OR_TOKEN, reviewer: NO_ANNOTATION },
    refusedStatusSignedIn: 404,
  },
  "POST/annotations/[articleId]": {
    state: null,
    call: (f) => protocolCall(annotationContainerRoute.POST(protocolRequest("POST", f, null, protocolAnnotation(f)), protocolParams(f))),
    audit: "claim.create",
    verify: async (f, outcome, actor) => {
      expect(outcome.status).toBe(201);
      expect(await prisma.claim.findFirstOrThrow({ where: { articleId: f.article.id } })).toMatchObject({ authorId: actor.id, state: "DRAFT", exact: "create 2,000 jobs" });
    },
    refusal: { signedOut: SIGN_IN_OR_TOKEN },
  },
  "PUT/annotations/[articleId]/[claimId]@DRAFT": {
    state: "DRAFT",
    call: (f) =>
      protocolCall(
        annotationRoute.PUT(
          protocolRequest("PUT", f, claimOf(f).id, protocolAnnotation(f), { "If-Match": `"${claimOf(f).id}.${claimOf(f).version}"` }),
          protocolParams(f, claimOf(f).id),
        ),
      ),
    audit: "claim.update",
    verify: async (f) => {
      expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimOf(f).id } })).toMatchObject({ restatement: "Restated over the Annotation Protocol.", version: claimOf(f).version + 1 });
    },
    refusal: { signedOut: SIGN_IN_OR_TOKEN, reviewer: NO_ANNOTATION },
  },
  "DELETE/annotations/[articleId]/[claimId]@DRAFT": {
    state: "DRAFT",
    call: (f) => protocolCall(annotationRoute.DELETE(protocolRequest("DELETE", f, claimOf(f).id), protocolParams(f, claimOf(f).id))),
    audit: "claim.delete",
    verify: verifyDelete,
    refusal: { signedOut: SIGN_IN_OR_TOKEN, reviewer: NO_ANNOTATION },
  },
  "openRoundAction@DRAFT": {
    state: "DRAFT",
    call: (f) => callForm(roundActions.openRoundAction, form({ claimId: claimOf(f).id, version: claimOf(f).version, size: 2, reviewerIds: `${users.owner.id},${users.otherReviewer.id}` })),
    audit: "round.open",
    verify: async (f, outcome, actor) => {
      expect(outcome.data).toMatchObject({ version: claimOf(f).version + 1 });
      const round = await prisma.verdictRound.findFirstOrThrow({ where: { claimId: claimOf(f).id }, include: { verdicts: true } });
      expect(round).toMatchObject({ requiredCount: 2, openedById: actor.id, closedAt: null });
      expect(round.verdicts.map((v) => v.reviewerId).sort()).toEqual([users.owner.id, users.otherReviewer.id].sort());
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  "openArticleRoundsAction@DRAFT": {
    state: "DRAFT",
    call: (f) => callForm(roundActions.openArticleRoundsAction, form({ articleId: f.article.id, size: 2, reviewerIds: `${users.owner.id},${users.otherReviewer.id}` })),
    audit: "round.open",
    verify: async (f, outcome) => {
      expect(outcome.message).toBe("Independent verdicts asked on 1 claim.");
      expect(await prisma.verdictRound.count({ where: { claimId: claimOf(f).id } })).toBe(1);
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  "submitIndependentVerdictAction@panel": {
    state: "DRAFT",
    setup: async (f) => {
      const { editor, proposer, admin } = users;
      const { roundId } = await openRound(editorForSetup, { claimId: claimOf(f).id, version: claimOf(f).version, size: 3, reviewerIds: [editor.id, proposer.id, admin.id] });
      return { roundId };
    },
    call: (f) => callForm(roundActions.submitIndependentVerdictAction, form({ roundId: f.more.roundId, verdict: "FALSE", rationale: "The study counts 600 jobs." })),
    audit: "round.submit_verdict",
    verify: async (f, _outcome, actor) => {
      expect(await prisma.independentVerdict.findUniqueOrThrow({ where: { roundId_reviewerId: { roundId: f.more.roundId, reviewerId: actor.id } } })).toMatchObject({
        verdict: "FALSE",
        rationale: "The study counts 600 jobs.",
        submittedAt: expect.any(Date),
      });
    },
    refusal: { reviewer: "You are not on this claim's panel." },
  },
  "closeRoundAction@DRAFT": {
    state: "DRAFT",
    setup: async (f) => {
      const { roundId } = await openRound(editorForSetup, { claimId: claimOf(f).id, version: claimOf(f).version, size: 2, reviewerIds: [users.owner.id, users.otherReviewer.id] });
      return { roundId };
    },
    call: (f) => callForm(roundActions.closeRoundAction, form({ roundId: f.more.roundId })),
    audit: "round.reveal",
    verify: async (f, _outcome, actor) => {
      expect(await prisma.verdictRound.findUniqueOrThrow({ where: { id: f.more.roundId } })).toMatchObject({ closedAt: expect.any(Date), closedById: actor.id });
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  "reconcileRoundAction@revealed": {
    state: "DRAFT",
    // A round of the owner and the other reviewer, both verdicts in (so it is revealed).
    setup: async (f) => {
      const { owner, otherReviewer } = users;
      const { roundId, version } = await openRound(editorForSetup, { claimId: claimOf(f).id, version: claimOf(f).version, size: 2, reviewerIds: [owner.id, otherReviewer.id] });
      await submitIndependentVerdict(owner, { roundId, verdict: "FALSE", rationale: "The study counts 600." });
      await submitIndependentVerdict(otherReviewer, { roundId, verdict: "MOSTLY_FALSE", rationale: "Some jobs are real." });
      return { roundId, version: String(version) };
    },
    call: (f) =>
      callForm(
        roundActions.reconcileRoundAction,
        form({ roundId: f.more.roundId, version: f.more.version, verdict: "FALSE", rationale: "The study counts 600 jobs.", note: "The study decides it." }),
      ),
    audit: "round.reconcile",
    verify: async (f, outcome, actor) => {
      expect(outcome.data).toEqual({ version: Number(f.more.version) + 1 });
      expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimOf(f).id } })).toMatchObject({ verdict: "FALSE", state: "SUBMITTED", verdictProposedById: actor.id });
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  openMarkingAction: {
    state: null,
    call: (f) => callForm(markingActions.openMarkingAction, form({ articleId: f.article.id, size: 2, reviewerIds: `${users.owner.id},${users.otherReviewer.id}` })),
    audit: "marking.open",
    verify: async (f, outcome, actor) => {
      expect(outcome.message).toBe("Blind marking asked of 2 reviewers.");
      const round = await prisma.markingRound.findFirstOrThrow({ where: { articleId: f.article.id }, include: { seats: true } });
      expect(round).toMatchObject({ openedById: actor.id, closedAt: null });
      expect(round.seats.map((s) => s.reviewerId).sort()).toEqual([users.owner.id, users.otherReviewer.id].sort());
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  "addBlindMarkAction@panel": {
    state: null,
    setup: markingPanel,
    call: (f) => callForm(markingActions.addBlindMarkAction, form({ roundId: f.more.roundId, ...spanOf(f.article.text, "create 2,000 jobs"), restatement: "The harbour makes 2,000 jobs." })),
    audit: "marking.mark",
    verify: async (f, _outcome, actor) => {
      const marks = await prisma.blindMark.findMany({ where: { roundId: f.more.roundId, reviewerId: actor.id }, orderBy: { startOffset: "asc" } });
      expect(marks.map((m) => [m.exact, m.restatement])).toEqual([
        ["create 2,000 jobs", "The harbour makes 2,000 jobs."],
        ["Construction starts next spring", "Building starts in spring."],
      ]);
    },
    refusal: { reviewer: NOT_ON_MARKING_PANEL },
  },
  "removeBlindMarkAction@panel": {
    state: null,
    setup: markingPanel,
    // Each on the panel takes back their own mark; anyone else tries the editor's.
    prepareFor: async (f, role) => {
      f.more.markId = f.more[`${role}Mark`] ?? f.more.editorMark;
    },
    call: (f) => callForm(markingActions.removeBlindMarkAction, form({ markId: f.more.markId })),
    audit: "marking.unmark",
    verify: async (f, _outcome, actor) => {
      expect(await prisma.blindMark.count({ where: { id: f.more.markId } })).toBe(0);
      expect(await prisma.blindMark.count({ where: { roundId: f.more.roundId, reviewerId: { not: actor.id } } })).toBe(2);
    },
    refusal: { reviewer: "That mark was not found." },
  },
  "finishMarkingAction@panel": {
    state: null,
    setup: markingPanel,
    call: (f) => callForm(markingActions.finishMarkingAction, form({ roundId: f.more.roundId })),
    audit: "marking.finish",
    verify: async (f, outcome, actor) => {
      expect(outcome.message).toBe("Finished. The marks are revealed when everyone on the panel has finished.");
      const seats = await prisma.markingSeat.findMany({ where: { roundId: f.more.roundId } });
      expect(seats.filter((s) => s.finishedAt !== null).map((s) => s.reviewerId)).toEqual([actor.id]);
      expect(await prisma.markingRound.findUniqueOrThrow({ where: { id: f.more.roundId } })).toMatchObject({ closedAt: null });
    },
    refusal: { reviewer: NOT_ON_MARKING_PANEL },
  },
  "closeMarkingAction@open": {
    state: null,
    // The owner and the other reviewer marking, the owner with one mark made.
    setup: async (f) => {
      const { owner, otherReviewer } = users;
      const { roundId } = await openMarking(editorForSetup, { articleId: f.article.id, size: 2, reviewerIds: [owner.id, otherReviewer.id] });
      await addBlindMark(owner, { roundId, ...spanOf(f.article.text, "create 2,000 jobs"), restatement: "2,000 jobs." });
      return { roundId };
    },
    call: (f) => callForm(markingActions.closeMarkingAction, form({ roundId: f.more.roundId })),
    audit: "marking.reveal",
    verify: async (f, _outcome, actor) => {
      expect(await prisma.markingRound.findUniqueOrThrow({ where: { id: f.more.roundId } })).toMatchObject({ closedAt: expect.any(Date), closedById: actor.id });
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  "reconcileMarksAction@revealed": {
    state: null,
    // The owner and the other reviewer marked the jobs figure, overlapping, and both finished (so it is revealed).
    setup: async (f) => {
      const { owner, otherReviewer } = users;
      const { roundId } = await openMarking(editorForSetup, { articleId: f.article.id, size: 2, reviewerIds: [owner.id, otherReviewer.id] });
      const { markId } = await addBlindMark(owner, { roundId, ...spanOf(f.article.text, "create 2,000 jobs"), restatement: "2,000 jobs." });
      await addBlindMark(otherReviewer, { roundId, ...spanOf(f.article.text, "2,000 jobs"), restatement: "Jobs." });
      await finishMarking(owner, { roundId });
      await finishMarking(otherReviewer, { roundId });
      return { roundId, markId };
    },
    call: (f) => callForm(markingActions.reconcileMarksAction, form({ outcome: "claim", markId: f.more.markId, restatement: "The harbour will create 2,000 jobs." })),
    audit: ["claim.create", "marking.reconcile"],
    verify: async (f, outcome, actor) => {
      const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: f.article.id } });
      expect(outcome.data).toEqual({ claimId: claim.id });
      expect(claim).toMatchObject({ authorId: actor.id, state: "DRAFT", exact: "create 2,000 jobs", restatement: "The harbour will create 2,000 jobs." });
      expect(await prisma.blindMark.findMany({ where: { roundId: f.more.roundId }, select: { claimId: true } })).toEqual([{ claimId: claim.id }, { claimId: claim.id }]);
    },
    refusal: { reviewer: EDITORS_ONLY },
  },
  "GET/agreement/csv@revealed": {
    state: "DRAFT",
    // A revealed round of the owner and the other reviewer on the cell's claim.
    setup: async (f) => {
      const { owner, otherReviewer } = users;
      const { roundId } = await openRound(editorForSetup, { claimId: claimOf(f).id, version: claimOf(f).version, size: 2, reviewerIds: [owner.id, otherReviewer.id] });
      await submitIndependentVerdict(owner, { roundId, verdict: "FALSE", rationale: "The study counts 600." });
      await submitIndependentVerdict(otherReviewer, { roundId, verdict: "MOSTLY_FALSE", rationale: "Some jobs are real." });
      return { roundId };
    },
    call: async (f) => routeOutcome(await getAgreementCsvRoute(new Request(`http://localhost/agreement/csv?article=${f.article.id}`))),
    audit: null,
    verify: async (f, outcome) => {
      const o = outcome as RouteOutcome;
      expect(o.contentType).toBe("text/csv; charset=utf-8");
      expect(o.text.trim().split("\n").map((line) => line.split(",").slice(0, 2).concat(line.split(",").slice(5, 7)))).toEqual([
        ["round", "claim", "reviewer", "verdict"],
        [f.more.roundId, claimOf(f).id, "Olivia Owner", "FALSE"],
        [f.more.roundId, claimOf(f).id, "Otto Other", "MOSTLY_FALSE"],
      ]);
    },
    refusal: { reviewer: EDITORS_ONLY },
    refusedStatusSignedIn: 403,
  },
  "GET/agreement/marks.csv@revealed": {
    state: null,
    // The owner and the other reviewer marked the jobs figure blind, and both finished (so it is revealed).
    setup: async (f) => {
      const { owner, otherReviewer } = users;
      const { roundId } = await openMarking(editorForSetup, { articleId: f.article.id, size: 2, reviewerIds: [owner.id, otherReviewer.id] });
      await addBlindMark(owner, { roundId, ...spanOf(f.article.text, "create 2,000 jobs"), restatement: "2,000 jobs." });
      await addBlindMark(otherReviewer, { roundId, ...spanOf(f.article.text, "2,000 jobs"), restatement: "Jobs." });
      await finishMarking(owner, { roundId });
      await finishMarking(otherReviewer, { roundId });
      return { roundId };
    },
    call: async (f) => routeOutcome(await getMarksCsvRoute(new Request(`http://localhost/agreement/marks.csv?article=${f.article.id}`))),
    audit: null,
    verify: async (f, outcome) => {
      const o = outcome as RouteOutcome;
      expect(o.contentType).toBe("text/csv; charset=utf-8");
      const rows = parse(o.text, { columns: true }) as Array<Record<string, string>>;
      expect(rows.map((row) => [row.round, row.reviewer, row.exact, row.group])).toEqual([
        [f.more.roundId, "Olivia Owner", "create 2,000 jobs", "1"],
        [f.more.roundId, "Otto Other", "2,000 jobs", "1"],
      ]);
    },
    refusal: { reviewer: EDITORS_ONLY },
    refusedStatusSignedIn: 403,
  },
};

function expectedRefusal(row: Row, role: RoleName, action: string) {
  if (role === "anonymous" || role === "disabled") {
    if (row.refusal?.signedOut) return row.refusal.signedOut;
    return action.startsWith("GET") ? "Sign in to see claims." : SESSION_ENDED;
  }
  const refusal = row.refusal ?? {};
  if (role === "owner") return refusal.owner ?? refusal.reviewer;
  if (role === "otherReviewer") return refusal.reviewer;
  if (role === "proposer") return refusal.proposer ?? refusal.editor ?? refusal.reviewer;
  return refusal.editor ?? refusal.reviewer;
}

// ------------------------------------------------------------------ the tests

const ROW_NAMES = [...EXPECTED.keys()];
let cellsPassed = 0;
const tally = { allowed: 0, refused: 0 };

describe("the matrix itself", () => {
  it("has a row definition for every row of the table, and the other way round", () => {
    expect(Object.keys(ROWS).sort()).toEqual([...ROW_NAMES].sort());
  });

  it("covers every exported Server Action and route", () => {
    const modules = { users: userActions, articles: articleActions, claims: claimActions, workflow: workflowActions, publishing: publishingActions, export: exportActions, search: searchActions, notifications: notificationActions, "api-tokens": apiTokenActions, organisation: organisationActions, ratings: ratingActions, versions: versionActions, assignments: assignmentActions, rounds: roundActions, marking: markingActions };
    // A new module of Server Actions must be added here (and its actions to the matrix).
    expect(Object.keys(modules).sort()).toEqual(readdirSync("lib").filter((folder) => existsSync(`lib/${folder}/actions.ts`)).sort());
    const exported = Object.values(modules).flatMap((module) =>
      Object.entries(module)
        .filter(([, value]) => typeof value === "function")
        .map(([name]) => name),
    );
    expect(exported).toHaveLength(57);
    const covered = new Set(ROW_NAMES.map((name) => name.split(/[@:]/)[0]));
    for (const name of exported) expect(covered).toContain(name);
    for (const action of ["submit", "approve", "request_changes", "reopen"]) {
      expect(ROW_NAMES.some((name) => name.startsWith(`transitionClaimAction:${action}@`))).toBe(true);
    }
    for (const route of ["GET/api/claims/[id]", "GET/articles/[id]/export/html", "GET/articles/[id]/export/html?pending=1", "GET/p/[articleId]", "GET/p/[articleId]/claims/[n]", "GET/api/claim-reviews", "GET/p/claimreviews.json", "GET/p/corrections", "GET/p/feed.atom"]) {
      expect(covered).toContain(route);
    }
    // Every route under app/ has a row (a dynamic segment may be named by a value, as [format] by html). Not here:
    // next-auth's own route (signing in is what makes the roles), and /session-ended (it only clears the cookie).
    const notCovered = ["GET/api/auth/[...nextauth]", "GET/session-ended"];
    const routes = readdirSync("app", { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith("route.ts"))
      .map((file) => `GET/${file.replace(/\\/g, "/").replace(/(^|\/)\([^)]*\)\//g, "$1").replace(/\/?route\.ts$/, "")}`)
      .filter((route) => !notCovered.includes(route));
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const route of routes) {
      const pattern = new RegExp(`^${route.replace(/[.*+?^${}()|\\]/g, "\\$&").replace(/\[[^\]]+\]/g, "[^/@?]+")}$`);
      expect([route, ROW_NAMES.some((name) => pattern.test(name.split(/[@?]/)[0]))]).toEqual([route, true]);
    }
    for (const name of PUBLIC_ROWS) expect(ROW_NAMES).toContain(name);
  });

  it("gives anonymous and disabled users nothing but what is public, editors all reviewers get and admins all editors get", () => {
    for (const [name, cells] of EXPECTED) {
      if (PUBLIC_ROWS.has(name)) {
        // Public: everyone, signed in or not, disabled or not.
        expect([name, ...ROLES.map((role) => cells[role])]).toEqual([name, ...ROLES.map(() => true)]);
        continue;
      }
      expect([name, cells.anonymous, cells.disabled]).toEqual([name, false, false]);
      // Editors may do all reviewers may; admins all editors may.
      // Except "Submit my drafts": only the caller's own drafts, so an editor does not bulk-submit the owner's;
      // and the progress of the owner's own work, which is nobody else's business.
      if (cells.owner && !name.startsWith("submitClaimsAction@") && !name.startsWith("GET/api/progress/")) expect([name, cells.editor]).toEqual([name, true]);
      if (cells.otherReviewer) expect([name, cells.owner]).toEqual([name, true]);
      if (cells.editor) expect([name, cells.admin]).toEqual([name, true]);
      // The proposer is an editor like any other, except for approving their own verdict.
      // (Undoing an approval is the approving editor's, and the proposer never approves their own verdict.)
      if (!name.startsWith("transitionClaimAction:approve@") && !name.startsWith("undoApprovalAction@")) {
        expect([name, cells.proposer]).toEqual([name, cells.editor]);
      }
    }
  });

  it("models the disabled user with the real check: the same admin, enabled, is signed in", async () => {
    sessionUserId = users.disabled.id;
    expect(await getCurrentUser()).toBeNull();
    await prisma.user.update({ where: { id: users.disabled.id }, data: { disabledAt: null } });
    try {
      expect(await getCurrentUser()).toMatchObject({ id: users.disabled.id, role: "ADMIN" });
    } finally {
      await prisma.user.update({ where: { id: users.disabled.id }, data: { disabledAt: new Date() } });
    }
    expect(await getCurrentUser()).toBeNull();
    sessionUserId = null;
  });
});

describe.each(ROW_NAMES)("%s", (action) => {
  const row = ROWS[action];
  const expected = EXPECTED.get(action)!;

  it.each(ROLES.map((role) => [role, expected[role] ? "allowed" : "refused"] as const))("%s: %s", async (role, verdict) => {
    const fixtures = await makeFixtures(row.state, row.published);
    if (row.setup) fixtures.more = await row.setup(fixtures);
    if (row.prepareFor) await row.prepareFor(fixtures, role);
    const actor = role === "anonymous" ? null : users[role];
    sessionUserId = actor?.id ?? null;
    const before = await databaseState();
    const auditMark = await lastAuditId();

    const outcome = await row.call(fixtures);

    expect(consoleError).not.toHaveBeenCalled();
    if (verdict === "allowed") {
      if (!outcome.ok) throw new Error(`Expected ${role} to be allowed ${action}, but got: ${outcome.message}`);
      // Public rows' verify never reads the actor: there may be none.
      await row.verify(fixtures, outcome, actor!);
      const events = await newAuditEvents(auditMark);
      if (row.audit === null) {
        expect(events).toEqual([]);
        const without = (state: DatabaseState) => Object.fromEntries(Object.entries(state).filter(([table]) => !row.ephemeral?.includes(table)));
        expect(without(await databaseState())).toEqual(without(before));
      } else {
        const audits = Array.isArray(row.audit) ? row.audit : [row.audit];
        expect(events.map((e) => [e.action, e.actorId])).toEqual(audits.map((a) => [a, actor!.id]));
      }
      tally.allowed += 1;
    } else {
      expect(outcome.ok).toBe(false);
      expect(outcome.message).toBe(expectedRefusal(row, role, action));
      expect(outcome.message).not.toBe(GENERIC);
      expect(outcome.fieldErrors).toBeUndefined();
      const signedIn = role !== "anonymous" && role !== "disabled";
      if (action.startsWith("GET")) expect(outcome.status).toBe((signedIn && row.refusedStatusSignedIn) || (row.refusedStatus ?? 401));
      expect(await databaseState()).toEqual(before);
      expect(revalidatePath).not.toHaveBeenCalled();
      tally.refused += 1;
    }
    sessionUserId = null;
    cellsPassed += 1;
  });
});

afterAll(() => {
  const width = Math.max(...ROW_NAMES.map((n) => n.length));
  const header = `${"".padEnd(width)}  ${ROLES.map((r) => r.padEnd(13)).join(" ")}`;
  const lines = ROW_NAMES.map(
    (name) => `${name.padEnd(width)}  ${ROLES.map((r) => (EXPECTED.get(name)![r] ? "allow" : "deny").padEnd(13)).join(" ")}`,
  );
  const cells = ROW_NAMES.length * ROLES.length;
  console.log(
    `authorization matrix: ${ROW_NAMES.length} actions × ${ROLES.length} roles = ${cells} cells ` +
      `(${tally.allowed} allowed, ${tally.refused} refused); ${cellsPassed}/${cells} passed\n` +
      `roles: ${ROLES.map((r) => `${r} = ${ROLE_DESCRIPTIONS[r]}`).join("; ")}\n${header}\n${lines.join("\n")}`,
  );
});
