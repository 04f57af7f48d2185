import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { getCurrentUser, type Actor } from "@/lib/auth/current-user";
import { FieldError, ForbiddenError } from "@/lib/errors";
import { getClaimDetail, updateClaim } from "@/lib/claims/data";
import { auditSince, lastAuditId, makeArticle, makeReadyDraft, makeUser, snapshot, type TestArticle } from "@/lib/claims/test-fixtures";
import { transitionClaim } from "@/lib/workflow/data";
import { listQueue } from "@/lib/workflow/data";
import { listAuditEvents } from "@/lib/audit/log";
import { loadArticleExport } from "@/lib/export/data";
import { sameClaimView } from "@/lib/search/same-claim";
import { openArticleRounds, openRound } from "@/lib/rounds/open-round";
import { submitIndependentVerdict } from "@/lib/rounds/submit-verdict";
import { closeRound } from "@/lib/rounds/close-round";
import { reconcileRound } from "@/lib/rounds/reconcile-round";
import { APPROVE_IN_ROUND, VERDICT_IN_ROUND } from "@/lib/rounds/rules";
import { GET as getClaimRoute } from "@/app/api/claims/[id]/route";
import * as annotationContainer from "@/app/annotations/[articleId]/route";
import * as annotationMember from "@/app/annotations/[articleId]/[claimId]/route";

/**
 * Blind rounds against a real database: nobody but its reviewer reads an independent verdict
 * before the round is revealed, in any read path (the claim panel and its JSON route, the
 * history, the W3C Annotation Protocol, exports, search, the queue, the audit log); the last
 * verdict or an editor's close reveals the round; reconciling sets the claim's verdict with
 * the reconciling editor as its proposer, so the four-eyes rule makes another editor approve.
 */

jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: jest.fn(), isSessionUserDisabled: jest.fn(async () => false) }));
const signedIn = jest.mocked(getCurrentUser);

useTestDatabase();

let ana: Actor;
let ben: Actor;
let cleo: Actor;
let outsider: Actor;
let editor: Actor;
let otherEditor: Actor;
let admin: Actor;
let article: TestArticle;

/** Each reviewer's rationale holds a word nobody else writes: finding it in a response is a leak. */
const SECRET = { ana: "anasecretreason", ben: "bensecretreason", cleo: "cleosecretreason" } as const;
const VERDICT = { ana: "FALSE", ben: "FALSE", cleo: "MOSTLY_FALSE" } as const;
type Panelist = keyof typeof SECRET;

beforeAll(async () => {
  [ana, ben, cleo, outsider, editor, otherEditor, admin] = await Promise.all([
    makeUser("REVIEWER", "Ana Panel"),
    makeUser("REVIEWER", "Ben Panel"),
    makeUser("REVIEWER", "Cleo Panel"),
    makeUser("REVIEWER", "Otto Outsider"),
    makeUser("EDITOR", "Elena Editor"),
    makeUser("EDITOR", "Oscar Editor"),
    makeUser("ADMIN", "Adam Admin"),
  ]);
});

beforeEach(async () => {
  article = await makeArticle([
    "Harbour Plan Approved",
    "The port authority said the new harbour will create 2,000 jobs.",
    "Construction starts next spring and ends in 2027.",
  ]);
});

const panelists = (): Record<Panelist, Actor> => ({ ana, ben, cleo });

/** A claim ready to submit (by Otto, with a verdict he proposed), with a panel of Ana, Ben and Cleo. */
async function claimWithPanel() {
  const draft = await makeReadyDraft(outsider, article, "create 2,000 jobs");
  const { roundId, version } = await openRound(editor, { claimId: draft.id, version: draft.version, size: 3, reviewerIds: [ana.id, ben.id, cleo.id] });
  return { claimId: draft.id, roundId, version };
}

async function give(who: Panelist, roundId: string) {
  return submitIndependentVerdict(panelists()[who], { roundId, verdict: VERDICT[who], rationale: `Because ${SECRET[who]}.` });
}

/** Everything each read path gives the viewer about the claim, as text. */
async function everythingSeenBy(viewer: Actor, claimId: string): Promise<string> {
  signedIn.mockResolvedValue(viewer);
  const params = (extra: Record<string, string>) => ({ params: Promise.resolve(extra) });
  const reads = await Promise.all([
    getClaimDetail(viewer, claimId).then((detail) => JSON.stringify(detail)),
    getClaimRoute(new Request(`http://localhost/api/claims/${claimId}`), params({ id: claimId })).then((r) => r.text()),
    annotationContainer.GET(new Request(`http://localhost/annotations/${article.id}/`), params({ articleId: article.id })).then((r) => r.text()),
    annotationMember.GET(new Request(`http://localhost/annotations/${article.id}/${claimId}`), params({ articleId: article.id, claimId })).then((r) => r.text()),
    loadArticleExport(viewer, article.id, { appUrl: "http://localhost", includePending: viewer.role !== "REVIEWER", includeOwnPending: true }).then((m) => JSON.stringify(m)),
    sameClaimView(viewer, claimId).then((view) => JSON.stringify(view)),
    viewer.role === "REVIEWER" ? "" : listQueue(viewer).then((queue) => JSON.stringify(queue)),
    viewer.role === "ADMIN" ? listAuditEvents(viewer, { page: 1 }).then((log) => JSON.stringify(log, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) : "",
  ]);
  return reads.join("\n");
}

function secretsIn(text: string): Panelist[] {
  return (Object.keys(SECRET) as Panelist[]).filter((who) => text.includes(SECRET[who]));
}

describe("while the round is open", () => {
  it("only its reviewer reads an independent verdict, in every read path", async () => {
    const { claimId, roundId } = await claimWithPanel();
    await give("ana", roundId);
    await give("ben", roundId);

    expect(secretsIn(await everythingSeenBy(ana, claimId))).toEqual(["ana"]);
    expect(secretsIn(await everythingSeenBy(ben, claimId))).toEqual(["ben"]);
    // Cleo, still to give hers, another reviewer, editors and the admin read none.
    for (const viewer of [cleo, outsider, editor, admin]) expect([viewer.name, secretsIn(await everythingSeenBy(viewer, claimId))]).toEqual([viewer.name, []]);

    // Editors see who has submitted, not what.
    const [round] = (await getClaimDetail(editor, claimId)).rounds;
    expect(round.seats.map((s) => [s.reviewer.name, s.submittedAt !== null, s.verdict, s.rationale])).toEqual([
      ["Ana Panel", true, null, null],
      ["Ben Panel", true, null, null],
      ["Cleo Panel", false, null, null],
    ]);
    expect(round).toMatchObject({ closedAt: null, mayClose: true, mayReconcile: false, mayGiveVerdict: false });
    const [anasView] = (await getClaimDetail(ana, claimId)).rounds;
    expect(anasView.seats.map((s) => s.verdict)).toEqual(["FALSE", null, null]);
    expect((await getClaimDetail(cleo, claimId)).rounds[0].mayGiveVerdict).toBe(true);

    // The audit events of the round carry no verdict yet.
    const events = await prisma.auditEvent.findMany({ where: { entityId: claimId, action: { startsWith: "round." } }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["round.open", "round.submit_verdict", "round.submit_verdict"]);
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toMatch(/FALSE|secret/);
  });

  it("keeps the claim's own verdict out of reach: nobody sets it, and nobody approves the claim", async () => {
    const { claimId, version } = await claimWithPanel();
    const before = await snapshot();
    // Its author (Otto) may edit his draft, but not its verdict now; nor may an editor.
    const edit = updateClaim(outsider, { claimId, version, restatement: "Claim: create 2,000 jobs", verdict: "TRUE", rationale: "x", note: "Changing it." });
    await expect(edit).rejects.toThrow(new FieldError("verdict", VERDICT_IN_ROUND));
    const asEditor = updateClaim(editor, { claimId, version, restatement: "Claim: create 2,000 jobs", verdict: "TRUE", rationale: "x", note: "Changing it." });
    await expect(asEditor).rejects.toThrow(VERDICT_IN_ROUND);
    const submitted = await transitionClaim(outsider, { claimId, version, action: "submit", note: null });
    await expect(transitionClaim(otherEditor, { claimId, version: submitted, action: "approve", note: null })).rejects.toThrow(new ForbiddenError(APPROVE_IN_ROUND));
    expect((await snapshot()).claims.find((c) => c.id === claimId)).toMatchObject({ verdict: before.claims.find((c) => c.id === claimId)!.verdict, state: "SUBMITTED" });
  });

  it("refuses a second verdict, a verdict from outside the panel and a second round, writing nothing", async () => {
    const { claimId, roundId, version } = await claimWithPanel();
    await give("ana", roundId);
    const before = await snapshot();
    const rounds = await prisma.independentVerdict.findMany({ orderBy: { id: "asc" } });
    await expect(give("ana", roundId)).rejects.toThrow("You have already given your verdict in this round.");
    await expect(submitIndependentVerdict(outsider, { roundId, verdict: "TRUE", rationale: "Not mine to give." })).rejects.toThrow("You are not on this claim's panel.");
    await expect(openRound(editor, { claimId, version, size: 2, reviewerIds: [ana.id, ben.id] })).rejects.toThrow("This claim already has a round of independent verdicts under way.");
    await expect(openRound(ana, { claimId, version, size: 2, reviewerIds: [ana.id, ben.id] })).rejects.toThrow("Only editors may do that.");
    expect(await snapshot()).toEqual(before);
    expect(await prisma.independentVerdict.findMany({ orderBy: { id: "asc" } })).toEqual(rounds);
  });
});

describe("revealing", () => {
  it("reveals the round when the last verdict is in: everyone who may see the claim reads them side by side", async () => {
    const { claimId, roundId } = await claimWithPanel();
    await give("ana", roundId);
    await give("ben", roundId);
    expect(await give("cleo", roundId)).toMatchObject({ revealed: true });

    for (const viewer of [ana, cleo, outsider, editor]) {
      expect([viewer.name, secretsIn(JSON.stringify(await getClaimDetail(viewer, claimId)))]).toEqual([viewer.name, ["ana", "ben", "cleo"]]);
    }
    const [round] = (await getClaimDetail(outsider, claimId)).rounds;
    expect(round.seats.map((s) => s.verdict)).toEqual(["FALSE", "FALSE", "MOSTLY_FALSE"]);
    expect(round).toMatchObject({ closedAt: expect.any(Date), closedBy: null, mayReconcile: false });
    expect((await getClaimDetail(editor, claimId)).rounds[0]).toMatchObject({ mayReconcile: true, mayClose: false });
    const history = (await getClaimDetail(outsider, claimId)).history.map((h) => h.summary);
    expect(history.slice(-4)).toEqual([
      "Gave an independent verdict",
      "Gave an independent verdict",
      "Gave an independent verdict",
      "All independent verdicts are in: Ana Panel: False; Ben Panel: False; Cleo Panel: Mostly false",
    ]);
  });

  it("lets an editor close a round early: what was given is revealed, and no more verdicts are taken", async () => {
    const { claimId, roundId } = await claimWithPanel();
    await give("ana", roundId);
    await expect(closeRound(ana, { roundId })).rejects.toThrow("Only editors may do that.");
    const mark = await lastAuditId();
    await closeRound(editor, { roundId });
    expect((await auditSince(mark)).map((e) => [e.action, e.actorId])).toEqual([["round.reveal", editor.id]]);
    expect(secretsIn(JSON.stringify(await getClaimDetail(outsider, claimId)))).toEqual(["ana"]);
    expect((await getClaimDetail(outsider, claimId)).rounds[0]).toMatchObject({ closedBy: { id: editor.id, name: editor.name } });
    await expect(give("ben", roundId)).rejects.toThrow("This round is closed: its verdicts have been revealed.");
    await expect(closeRound(editor, { roundId })).rejects.toThrow("This round is already closed.");
  });

  it("flags the disagreement in the queue once revealed", async () => {
    const { claimId, roundId, version } = await claimWithPanel();
    await transitionClaim(outsider, { claimId, version, action: "submit", note: null });
    await give("ana", roundId);
    await give("ben", roundId);
    const blind = (await listQueue(editor, { articleId: article.id })).find((c) => c.id === claimId)!;
    expect(blind.disagreement).toBeNull();
    await give("cleo", roundId);
    const entry = (await listQueue(editor, { articleId: article.id })).find((c) => c.id === claimId)!;
    expect(entry.disagreement?.counts).toEqual([
      { verdict: "FALSE", count: 2 },
      { verdict: "MOSTLY_FALSE", count: 1 },
    ]);
  });
});

describe("reconciling", () => {
  it("sets the final verdict with the reconciling editor as its proposer: another editor approves it", async () => {
    const { claimId, roundId } = await claimWithPanel();
    for (const who of ["ana", "ben", "cleo"] as const) await give(who, roundId);
    const { version } = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });

    const invalid = reconcileRound(ana, { roundId, version, verdict: "FALSE", rationale: "Two of three.", note: "Majority." });
    await expect(invalid).rejects.toThrow("Only editors may do that.");
    const mark = await lastAuditId();
    const reconciled = await reconcileRound(editor, { roundId, version, verdict: "FALSE", rationale: "Two of three found it false.", note: "Majority, and the study." });
    expect((await auditSince(mark)).map((e) => [e.action, e.actorId])).toEqual([["round.reconcile", editor.id]]);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      verdict: "FALSE",
      rationale: "Two of three found it false.",
      state: "SUBMITTED",
      verdictProposedById: editor.id,
      version: reconciled.version,
    });
    await expect(reconcileRound(editor, { roundId, version: reconciled.version, verdict: "TRUE", rationale: "Again.", note: "Again." })).rejects.toThrow(
      "This round has already been reconciled.",
    );

    await expect(transitionClaim(editor, { claimId, version: reconciled.version, action: "approve", note: null })).rejects.toThrow(
      "You proposed this verdict, so another editor must approve it (four-eyes rule).",
    );
    await transitionClaim(otherEditor, { claimId, version: reconciled.version, action: "approve", note: null });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ state: "APPROVED", approvedById: otherEditor.id });
    const summaries = (await getClaimDetail(outsider, claimId)).history.map((h) => h.summary);
    expect(summaries).toContain("Reconciled the independent verdicts (verdict: Mostly false → False; state: Draft → Submitted; rationale changed; note: “Majority, and the study.”)");
  });

  it("is refused while the round is open, and on a version read before a change", async () => {
    const { roundId, version } = await claimWithPanel();
    await give("ana", roundId);
    await expect(reconcileRound(editor, { roundId, version, verdict: "FALSE", rationale: "Early.", note: "Early." })).rejects.toThrow(
      "This round is still open: close it, or wait for every verdict, before reconciling.",
    );
    await closeRound(editor, { roundId });
    await expect(reconcileRound(editor, { roundId, version: version - 1, verdict: "FALSE", rationale: "Stale.", note: "Stale." })).rejects.toThrow(
      "Someone else changed this claim since you opened it.",
    );
  });
});

describe("rounds for a whole article", () => {
  it("opens one round per claim that can have one, and leaves approved claims and claims with a round as they are", async () => {
    const first = await makeReadyDraft(outsider, article, "create 2,000 jobs");
    const second = await makeReadyDraft(outsider, article, "starts next spring");
    const third = await makeReadyDraft(outsider, article, "ends in 2027");
    const submitted = await transitionClaim(outsider, { claimId: third.id, version: third.version, action: "submit", note: null });
    await transitionClaim(editor, { claimId: third.id, version: submitted, action: "approve", note: null });
    await openRound(editor, { claimId: second.id, version: second.version, size: 2, reviewerIds: [ana.id, ben.id] });

    expect(await openArticleRounds(editor, { articleId: article.id, size: 2, reviewerIds: [ben.id, cleo.id] })).toEqual({ opened: 1, skipped: 2 });
    const rounds = await prisma.verdictRound.findMany({ where: { claim: { articleId: article.id } }, select: { claimId: true, verdicts: { select: { reviewerId: true } } } });
    expect(rounds.find((r) => r.claimId === first.id)?.verdicts.map((v) => v.reviewerId).sort()).toEqual([ben.id, cleo.id].sort());
    await expect(openArticleRounds(editor, { articleId: article.id, size: 2, reviewerIds: [ben.id, cleo.id] })).rejects.toThrow(
      "Every claim of this article is approved or already has a round under way.",
    );
  });
});
