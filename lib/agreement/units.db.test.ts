import { useTestDatabase } from "@/test/db";
import type { Actor } from "@/lib/auth/current-user";
import { makeArticle, makeReadyDraft, makeUser } from "@/lib/claims/test-fixtures";
import { tagClaims } from "@/lib/claims/organise";
import { listAgreementUnits } from "@/lib/agreement/units";
import { openRound } from "@/lib/rounds/open-round";
import { submitIndependentVerdict } from "@/lib/rounds/submit-verdict";
import { reconcileRound } from "@/lib/rounds/reconcile-round";
import { prisma } from "@/lib/db/client";

/** The agreement page's units: revealed rounds only (open ones are blind), filtered by article, tag, reviewer and period; editors only. */

useTestDatabase();

let ana: Actor;
let ben: Actor;
let cleo: Actor;
let editor: Actor;

beforeAll(async () => {
  [ana, ben, cleo, editor] = await Promise.all([makeUser("REVIEWER", "Ana"), makeUser("REVIEWER", "Ben"), makeUser("REVIEWER", "Cleo"), makeUser("EDITOR", "Elena")]);
});

it("gathers one unit per revealed round, with its verdicts and final verdict, through every filter", async () => {
  const article = await makeArticle(["Units", "The first claim says 100 jobs.", "The second claim says 200 jobs.", "The third claim says 300 jobs."]);
  const other = await makeArticle(["Elsewhere", "Another claim says 400 jobs."]);
  const round = async (phrase: string, on = article, panel = [ana, ben], verdicts = ["FALSE", "MIXED"]) => {
    const draft = await makeReadyDraft(editor, on, phrase);
    const [tagged] = (await tagClaims(editor, { claims: [draft], tags: [on === article ? "jobs" : "other"], mode: "add" })).changed;
    const { roundId, version } = await openRound(editor, { claimId: draft.id, version: tagged.version, size: 2, reviewerIds: panel.map((p) => p.id) });
    for (const [i, reviewer] of panel.entries()) if (verdicts[i]) await submitIndependentVerdict(reviewer, { roundId, verdict: verdicts[i] as "FALSE", rationale: "Because." });
    return { roundId, version, claimId: draft.id };
  };
  const revealed = await round("100 jobs");
  await reconcileRound(editor, { roundId: revealed.roundId, version: revealed.version, verdict: "FALSE", rationale: "Final.", note: "Weighed." });
  await round("200 jobs", article, [ana, ben], ["TRUE"]); // still open: blind
  await round("300 jobs", article, [ben, cleo], ["TRUE", "TRUE"]);
  await round("400 jobs", other, [ana, cleo], ["MIXED", "MIXED"]);

  const all = await listAgreementUnits(editor, {});
  expect(all.map((u) => [u.restatement, u.finalVerdict, u.ratings.map((r) => `${r.reviewer.name}:${r.verdict}`)])).toEqual([
    ["Claim: 100 jobs", "FALSE", ["Ana:FALSE", "Ben:MIXED"]],
    ["Claim: 300 jobs", null, ["Ben:TRUE", "Cleo:TRUE"]],
    ["Claim: 400 jobs", null, ["Ana:MIXED", "Cleo:MIXED"]],
  ]);
  expect((await listAgreementUnits(editor, { article: other.id })).map((u) => u.restatement)).toEqual(["Claim: 400 jobs"]);
  expect((await listAgreementUnits(editor, { tag: "jobs" })).map((u) => u.restatement)).toEqual(["Claim: 100 jobs", "Claim: 300 jobs"]);
  expect((await listAgreementUnits(editor, { reviewer: cleo.id })).map((u) => u.restatement)).toEqual(["Claim: 300 jobs", "Claim: 400 jobs"]);
  const today = new Date().toISOString().slice(0, 10);
  expect(await listAgreementUnits(editor, { from: today, to: today })).toHaveLength(3);
  expect(await listAgreementUnits(editor, { to: "2020-01-01" })).toEqual([]);
  await expect(listAgreementUnits(ana, {})).rejects.toThrow("Only editors may do that.");
  expect(await prisma.verdictRound.count()).toBe(4);
});
