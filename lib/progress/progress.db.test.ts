import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { readProgress } from "@/lib/progress/data";
import { withProgress } from "@/lib/progress/track";
import { changeEachClaim } from "@/lib/claims/bulk";
import { tagClaims } from "@/lib/claims/organise";
import { makeArticle, makeClaim, makeUser } from "@/lib/claims/test-fixtures";
import type { WorkProgressState } from "@/lib/progress/schemas";

/**
 * A long piece of work's progress, as its page reads it while the work runs: written outside
 * the work's transaction (so another request sees it), only to the user who started it, and
 * gone when the work ends, whether it succeeded or not.
 */

useTestDatabase();

let reviewer: Actor;
let other: Actor;

beforeAll(async () => {
  [reviewer, other] = await Promise.all([makeUser("REVIEWER", "Petra Progress"), makeUser("REVIEWER", "Oscar Other")]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the progress until `accept` takes it (the writes are throttled and not awaited by the work). */
async function progressWhen(actor: Actor, id: string, accept: (state: WorkProgressState) => boolean): Promise<WorkProgressState> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const state = await readProgress(actor, id).catch(() => null);
    if (state && accept(state)) return state;
    if (Date.now() > deadline) throw new Error(`No progress matching the test arrived; last read: ${JSON.stringify(state)}`);
    await sleep(25);
  }
}

describe("withProgress", () => {
  it("lets the user who started the work read how far it has got while it runs, then forgets it", async () => {
    const id = randomUUID();
    let seen: WorkProgressState | null = null;
    await withProgress({ userId: reviewer.id, progressId: id, label: "Counting", total: 3 }, async (progress) => {
      progress.advance(1);
      await sleep(300);
      progress.advance(2, "Counting again");
      seen = await progressWhen(reviewer, id, (state) => state.done === 2);
      // Someone else asking with the same id learns nothing.
      await expect(readProgress(other, id)).rejects.toBeInstanceOf(NotFoundError);
    });
    expect(seen).toEqual({ label: "Counting again", done: 2, total: 3 });
    await expect(readProgress(reviewer, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("forgets the work when it fails too, and writes nothing when no id was given", async () => {
    const id = randomUUID();
    await expect(
      withProgress({ userId: reviewer.id, progressId: id, label: "Failing", total: 2 }, async () => {
        await progressWhen(reviewer, id, (state) => state.done === 0);
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    await expect(readProgress(reviewer, id)).rejects.toBeInstanceOf(NotFoundError);

    const before = await prisma.workProgress.count();
    await withProgress({ userId: reviewer.id, progressId: null, label: "Unwatched", total: 1 }, async (progress) => progress.advance(1));
    expect(await prisma.workProgress.count()).toBe(before);
  });

  it("removes what work that never ended (a killed server) left an hour ago", async () => {
    const stale = randomUUID();
    await prisma.workProgress.create({ data: { userId: other.id, id: stale, label: "Killed", done: 1, total: 9 } });
    await prisma.$executeRaw`UPDATE "WorkProgress" SET "updatedAt" = now() - interval '2 hours' WHERE id = ${stale}`;
    await withProgress({ userId: reviewer.id, progressId: randomUUID(), label: "Fresh", total: 1 }, async () => undefined);
    expect(await prisma.workProgress.findFirst({ where: { id: stale } })).toBeNull();
  });
});

describe("a bulk action's progress", () => {
  it("counts the claims done so far, from inside the bulk action's one transaction", async () => {
    const article = await makeArticle(["Progress Counted", "One claim here.", "Two claims there.", "Three claims everywhere."]);
    const claims = await Promise.all(["One claim here", "Two claims there", "Three claims everywhere"].map((phrase) => makeClaim(reviewer, article, phrase)));
    const id = randomUUID();
    const seenDuring: number[] = [];
    await changeEachClaim(
      claims.map(({ id: claimId, version }) => ({ id: claimId, version })),
      async (_tx, claim) => {
        // Slower than the throttle, so each claim's count is written.
        await sleep(300);
        if (claim.id === claims[2].id) seenDuring.push((await progressWhen(reviewer, id, (state) => state.done === 2)).done);
        return claim.id;
      },
      { userId: reviewer.id, progressId: id, label: "Checking claims" },
    );
    expect(seenDuring).toEqual([2]);
    await expect(readProgress(reviewer, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("takes its id from the action's input: tagging with a progress id leaves no row behind and tags every claim", async () => {
    const article = await makeArticle(["Progress Tagged", "A first sentence.", "A second sentence."]);
    const claims = await Promise.all(["A first sentence", "A second sentence"].map((phrase) => makeClaim(reviewer, article, phrase)));
    const result = await tagClaims(reviewer, { claims: claims.map(({ id, version }) => ({ id, version })), tags: ["progress"], mode: "add", progressId: randomUUID() });
    expect(result.changed).toHaveLength(2);
    expect(await prisma.workProgress.count({ where: { userId: reviewer.id } })).toBe(0);
  });
});
