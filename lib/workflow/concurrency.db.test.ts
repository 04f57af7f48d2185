import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { updateClaim } from "@/lib/claims/data";
import { makeArticle, makeClaim, makeReadyDraft, makeUser, type TestArticle } from "@/lib/claims/test-fixtures";
import { transitionClaim } from "@/lib/workflow/data";

/**
 * Many people saving the same claim at once: optimistic locking lets exactly one save per
 * version through, every other gets a ConflictError (never a lost update or an unexpected
 * error), and the audit trail records every successful write and nothing else.
 */

useTestDatabase();

let reviewer: Actor;
let editorA: Actor;
let editorB: Actor;
let article: TestArticle;

beforeAll(async () => {
  [reviewer, editorA, editorB] = await Promise.all([
    makeUser("REVIEWER", "Rita Reviewer"),
    makeUser("EDITOR", "Elena Editor"),
    makeUser("EDITOR", "Ben Editor"),
  ]);
  article = await makeArticle(["Harbour Plan Approved", "The port authority said the new harbour will create 2,000 jobs."]);
});

type Outcome = { ok: true; value: number } | { ok: false; error: unknown };

async function settle(calls: Array<() => Promise<number>>) {
  const started = performance.now();
  const outcomes = await Promise.all(
    calls.map((call) =>
      call().then(
        (value): Outcome => ({ ok: true, value }),
        (error: unknown): Outcome => ({ ok: false, error }),
      ),
    ),
  );
  const elapsedMs = Math.round(performance.now() - started);
  const wins = outcomes.filter((o): o is { ok: true; value: number } => o.ok);
  const losses = outcomes.filter((o): o is { ok: false; error: unknown } => !o.ok);
  const conflicts = losses.filter((o) => o.error instanceof ConflictError);
  const others = losses.filter((o) => !(o.error instanceof ConflictError)).map((o) => o.error);
  return { outcomes, wins, conflicts, others, elapsedMs };
}

function updateAuditEvents(claimId: string) {
  return prisma.auditEvent.findMany({ where: { entityType: "Claim", entityId: claimId, action: "claim.update" }, orderBy: { id: "asc" } });
}

describe("concurrent updates of one claim", () => {
  it("lets exactly one save per version win and audits every win and nothing else", async () => {
    const claim = await makeClaim(reviewer, article, "create 2,000 jobs");
    expect(claim.version).toBe(1);
    const save = (label: string, version: number) => () =>
      updateClaim(reviewer, { claimId: claim.id, version, restatement: `Restated by ${label}`, verdict: "MOSTLY_FALSE", rationale: label });

    // 40 saves all naming version 1.
    const N = 40;
    const burst = await settle(Array.from({ length: N }, (_, i) => save(`burst ${i}`, 1)));
    console.log(
      `concurrency: ${N} concurrent updateClaim naming version 1 → ${burst.wins.length} succeeded, ${burst.conflicts.length} ConflictError, ` +
        `${burst.others.length} other errors, ${burst.elapsedMs} ms`,
    );
    expect(burst.others).toEqual([]);
    expect(burst.wins).toHaveLength(1);
    expect(burst.conflicts).toHaveLength(N - 1);
    expect(burst.wins[0].value).toBe(2);
    // Every loser is shown the winner's value.
    const winner = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    for (const { error } of burst.conflicts) {
      expect((error as ConflictError).current).toMatchObject({ version: 2, restatement: winner.restatement, rationale: winner.rationale });
    }

    // Rounds: each round 20 saves naming the version current at its start.
    const ROUNDS = 5;
    const PER_ROUND = 20;
    const rounds: Array<{ wins: number; conflicts: number; others: number; elapsedMs: number }> = [];
    let successes = burst.wins.length;
    for (let round = 0; round < ROUNDS; round++) {
      const { version } = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } });
      const result = await settle(Array.from({ length: PER_ROUND }, (_, i) => save(`round ${round} save ${i}`, version)));
      rounds.push({ wins: result.wins.length, conflicts: result.conflicts.length, others: result.others.length, elapsedMs: result.elapsedMs });
      expect(result.others).toEqual([]);
      expect(result.wins).toHaveLength(1);
      expect(result.conflicts).toHaveLength(PER_ROUND - 1);
      expect(result.wins[0].value).toBe(version + 1);
      successes += result.wins.length;
    }
    console.log(
      `concurrency: ${ROUNDS} rounds × ${PER_ROUND} concurrent updates naming the current version → ` +
        rounds.map((r, i) => `round ${i + 1}: ${r.wins} won, ${r.conflicts} conflicts, ${r.others} other, ${r.elapsedMs} ms`).join("; "),
    );

    const final = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const events = await updateAuditEvents(claim.id);
    console.log(
      `concurrency: ${N + ROUNDS * PER_ROUND} attempts, ${successes} successes; final version ${final.version}; ` +
        `claim.update audit events ${events.length}`,
    );
    expect(successes).toBe(1 + ROUNDS);
    expect(final.version).toBe(1 + successes);
    expect(events).toHaveLength(successes);
    // Each success recorded once, with consecutive versions 1→2, 2→3, …
    expect(events.map((e) => [(e.before as { version: number }).version, (e.after as { version: number }).version])).toEqual(
      Array.from({ length: successes }, (_, i) => [i + 1, i + 2]),
    );
    // The last audited write is the value stored: no lost update.
    expect((events.at(-1)!.after as { rationale: string }).rationale).toBe(final.rationale);
    // Nothing else was written for the claim.
    expect(await prisma.auditEvent.count({ where: { entityType: "Claim", entityId: claim.id } })).toBe(1 + successes); // + claim.create
  });
});

describe("concurrent approve and update of a submitted claim", () => {
  async function submittedClaim(phrase: string) {
    const { id, version } = await makeReadyDraft(reviewer, article, phrase);
    return { id, version: await transitionClaim(reviewer, { claimId: id, version, action: "submit", note: null }) };
  }

  it("lets exactly one of them win, every time", async () => {
    const TRIALS = 10;
    const tally = { approveWon: 0, updateWon: 0 };
    let elapsed = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const { id, version } = await submittedClaim("the new harbour");
      const auditBefore = await prisma.auditEvent.count({ where: { entityId: id } });
      // Alternate which call starts first.
      const approve = () => transitionClaim(editorA, { claimId: id, version, action: "approve", note: null });
      const update = () =>
        updateClaim(editorB, { claimId: id, version, restatement: "Edited during review.", verdict: "FALSE", rationale: "Edited.", note: "Edited." });
      const result = await settle(trial % 2 === 0 ? [approve, update] : [update, approve]);
      elapsed += result.elapsedMs;

      expect(result.wins).toHaveLength(1);
      const loser = result.outcomes.find((o) => !o.ok) as { ok: false; error: unknown };
      // The loser either saw the version change (conflict) or, having read after the approval, the lock on approved claims.
      const refusedAsApproved = loser.error instanceof ForbiddenError && /approved/.test((loser.error as Error).message);
      expect(loser.error instanceof ConflictError || refusedAsApproved).toBe(true);

      const row = await prisma.claim.findUniqueOrThrow({ where: { id } });
      expect(row.version).toBe(version + 1);
      expect(await prisma.auditEvent.count({ where: { entityId: id } })).toBe(auditBefore + 1);
      if (row.state === "APPROVED") {
        tally.approveWon += 1;
        expect(row).toMatchObject({ approvedById: editorA.id, restatement: "Claim: the new harbour", verdict: "MOSTLY_FALSE" });
      } else {
        tally.updateWon += 1;
        expect(row).toMatchObject({ state: "SUBMITTED", approvedById: null, approvedAt: null, verdict: "FALSE", verdictProposedById: editorB.id });
      }
    }
    console.log(
      `concurrency: approve vs update, ${TRIALS} trials → approve won ${tally.approveWon}, update won ${tally.updateWon}, ` +
        `exactly one winner each time, ${elapsed} ms in total`,
    );
    expect(tally.approveWon + tally.updateWon).toBe(TRIALS);
  });

  it("lets exactly one of many editors approve the same version", async () => {
    const editors = await Promise.all(Array.from({ length: 8 }, (_, i) => makeUser("EDITOR", `Parallel Editor ${i}`)));
    const { id, version } = await submittedClaim("create 2,000 jobs");
    const result = await settle(editors.map((editor) => () => transitionClaim(editor, { claimId: id, version, action: "approve", note: null })));
    expect(result.wins).toHaveLength(1);
    // Losers read either the old version (conflict) or the approved claim (wrong state).
    for (const error of result.others) {
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as Error).message).toBe("This claim is approved; only submitted claims can be approved.");
    }
    const winnerIndex = result.outcomes.findIndex((o) => o.ok);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "APPROVED",
      version: version + 1,
      approvedById: editors[winnerIndex].id,
    });
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: "claim.approve" } })).toBe(1);
    console.log(
      `concurrency: ${editors.length} editors approving at once → 1 approved, ${result.conflicts.length} conflicts, ` +
        `${result.others.length} refused as already approved, ${result.elapsedMs} ms`,
    );
  });
});
