import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { makeArticle, makeClaim, makeUser, type TestArticle } from "@/lib/claims/test-fixtures";
import { addComment, deleteClaim, updateClaim } from "@/lib/claims/data";
import { retireArticle } from "@/lib/articles/retire";
import { createUser } from "@/lib/users/data";
import { liveHub } from "@/lib/live/hub";
import { openLiveStream } from "@/lib/live/stream";
import { liveQuerySchema } from "@/lib/live/schemas";
import { getArticlePresence } from "@/lib/live/presence";
import type { LiveMessage } from "@/lib/live/events";

/**
 * Live updates end to end on PostgreSQL: a change's transaction announces it (the trigger on
 * AuditEvent, NOTIFY), the process's listener reads it and each open stream is sent it only
 * when its user may see the article; a stream that reconnects is sent what it missed; a
 * closed stream holds nothing.
 */

useTestDatabase();

let reviewer: Actor;
let editor: Actor;
let admin: Actor;

beforeAll(async () => {
  reviewer = await makeUser("REVIEWER", "Rita Reviewer");
  editor = await makeUser("EDITOR", "Elena Editor");
  admin = await makeUser("ADMIN", "Ada Admin");
});

const LINES = ["Harbour Plan Approved", "The port authority said the new harbour will create 2,000 jobs.", "Ferries will run every ten minutes."];

interface Received extends LiveMessage {
  id: string;
}

const opened: Array<{ close(): void }> = [];

/** Opens a live stream as a browser would, and collects what it is sent. */
async function open(actor: Actor, query: Record<string, string>, since: string | null = null) {
  const abort = new AbortController();
  const response = await openLiveStream(actor, liveQuerySchema.parse(query), since, abort.signal);
  const received: Received[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
      const frames = text.split("\n\n");
      text = frames.pop()!;
      for (const frame of frames) {
        const id = /^id: (\d+)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (id && data) received.push({ id, ...(JSON.parse(data) as LiveMessage) });
      }
    }
  })();
  const stream = { response, received, close: () => abort.abort() };
  opened.push(stream);
  return stream;
}

/** Waits until `check` holds (events travel through PostgreSQL), failing after two seconds. */
async function until(check: () => boolean) {
  const deadline = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for live events.");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const kinds = (received: Received[]) => received.filter((event) => event.kind !== "presence").map((event) => event.kind);

// Whatever a test left open is closed, and then nothing may be held.
afterEach(async () => {
  for (const stream of opened.splice(0)) stream.close();
  await settle();
  expect(liveHub.size).toBe(0);
});

describe("what a change announces", () => {
  let article: TestArticle;
  beforeAll(async () => {
    article = await makeArticle(LINES);
  });

  it("sends every viewer of the article each change to its claims: kind, claim and who, never what the claim says", async () => {
    const [mine, theirs] = await Promise.all([open(reviewer, { article: article.id }), open(editor, { article: article.id })]);
    expect(mine.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const claim = await makeClaim(reviewer, article, "2,000 jobs");
    const version = await updateClaim(reviewer, { claimId: claim.id, version: claim.version, restatement: "It will create 2,000 jobs", verdict: "MIXED", rationale: "Plans differ." });
    await addComment(editor, { claimId: claim.id, body: "Which plan?" });
    await deleteClaim(reviewer, { claimId: claim.id, version });
    const expected = ["claim.create", "claim.update", "comment.add", "claim.delete"];
    await until(() => kinds(mine.received).length === 4 && kinds(theirs.received).length === 4);
    expect(kinds(mine.received)).toEqual(expected);
    expect(kinds(theirs.received)).toEqual(expected);
    const update = theirs.received.find((event) => event.kind === "claim.update")!;
    expect(update).toEqual({ id: expect.stringMatching(/^\d+$/), kind: "claim.update", claimId: claim.id, actorId: reviewer.id, actorName: "Rita Reviewer" });
    mine.close();
    theirs.close();
    await settle();
  });

  it("tells a viewer of another article nothing, and records no event for a change outside articles (a new user)", async () => {
    const other = await makeArticle(["Bridge Reopens", "The bridge reopened on Monday after repairs."]);
    const watching = await open(editor, { article: other.id });
    const before = await prisma.liveEvent.count();
    await createUser(admin, { name: "New Person", email: "new.person@live.test", role: "REVIEWER", password: "a long enough password 1" });
    await makeClaim(reviewer, article, "every ten minutes");
    await settle();
    expect(kinds(watching.received)).toEqual([]);
    // Only the claim (and the stream's presence) made events.
    expect(await prisma.liveEvent.count({ where: { id: { gt: BigInt(before) }, kind: { not: "presence" } } })).toBeLessThanOrEqual(1);
    expect(await prisma.liveEvent.count({ where: { kind: "user.create" } })).toBe(0);
    watching.close();
    await settle();
  });
});

describe("who may be told", () => {
  it("never sends a reviewer an event of a retired article, while an editor on the same stream topics gets it", async () => {
    const article = await makeArticle(["Quarry Expansion", "The quarry will double its output by 2030, the owner said."]);
    // Its announcement is not what this test is about: once a stream has had it, the hub is past it.
    const before = await open(editor, { article: article.id });
    const claim = await makeClaim(reviewer, article, "double its output");
    await until(() => kinds(before.received).length === 1);
    before.close();
    const reviewerStreams = await Promise.all([open(reviewer, { article: article.id }), open(reviewer, { mywork: "1" })]);
    const editorStream = await open(editor, { article: article.id, queue: "1" });
    await retireArticle(editor, article.id);
    await updateClaim(editor, { claimId: claim.id, version: claim.version, restatement: "Output doubles by 2030", verdict: null, rationale: null });
    await addComment(editor, { claimId: claim.id, body: "Retired, but still checked." });
    await until(() => kinds(editorStream.received).length === 3);
    expect(kinds(editorStream.received)).toEqual(["article.retire", "claim.update", "comment.add"]);
    await settle();
    for (const stream of reviewerStreams) expect(kinds(stream.received)).toEqual([]);
    // Nor can a reviewer open a stream of it, or replay its events.
    await expect(open(reviewer, { article: article.id })).rejects.toThrow(NotFoundError);
    const replay = await open(reviewer, { mywork: "1" }, "0");
    await settle();
    expect(replay.received.filter((event) => event.claimId === claim.id)).toEqual([]);
    for (const stream of [...reviewerStreams, editorStream, replay]) stream.close();
    await settle();
  });

  it("sends the review queue's changes to editors only, and My work the changes to the viewer's own claims", async () => {
    const article = await makeArticle(["Tram Line Extended", "The tram line will reach the airport in 2027."]);
    const queue = [await open(reviewer, { queue: "1" }), await open(editor, { queue: "1" })];
    const myWork = [await open(reviewer, { mywork: "1" }), await open(editor, { mywork: "1" })];
    const claim = await makeClaim(reviewer, article, "reach the airport");
    await addComment(editor, { claimId: claim.id, body: "Source?" });
    await until(() => kinds(queue[1].received).length === 2 && kinds(myWork[0].received).length === 2);
    await settle();
    expect(kinds(queue[0].received)).toEqual([]);
    expect(kinds(queue[1].received)).toEqual(["claim.create", "comment.add"]);
    expect(kinds(myWork[0].received)).toEqual(["claim.create", "comment.add"]);
    expect(kinds(myWork[1].received)).toEqual([]);
    for (const stream of [...queue, ...myWork]) stream.close();
    await settle();
  });
});

describe("reconnecting and closing", () => {
  it("replays, from the Last-Event-ID, exactly the events the page missed while it was away", async () => {
    const article = await makeArticle(["School Budget", "The council will spend 4 million on schools.", "Class sizes will fall to 25."]);
    const first = await open(editor, { article: article.id });
    const claim = await makeClaim(reviewer, article, "4 million");
    await until(() => kinds(first.received).length === 1);
    const lastSeen = first.received.at(-1)!.id;
    first.close();
    await settle();
    const missed = await makeClaim(reviewer, article, "fall to 25");
    await addComment(reviewer, { claimId: claim.id, body: "Budget page 3." });
    const again = await open(editor, { article: article.id }, lastSeen);
    await until(() => kinds(again.received).length === 2);
    await settle(); // the changes' own notifications arrive too: they must not come twice
    expect(again.received.filter((event) => event.kind !== "presence").map(({ kind, claimId }) => ({ kind, claimId }))).toEqual([
      { kind: "claim.create", claimId: missed.id },
      { kind: "comment.add", claimId: claim.id },
    ]);
    expect(again.received.every((event) => BigInt(event.id) > BigInt(lastSeen))).toBe(true);
    again.close();
    await settle();
  });

  it("holds nothing for a closed stream: its place in the hub and its presence go", async () => {
    const article = await makeArticle(["Airport Noise", "Night flights will end in 2026."]);
    const streams = await Promise.all([open(reviewer, { article: article.id }), open(editor, { article: article.id }), open(editor, { queue: "1" })]);
    expect(liveHub.size).toBe(3);
    expect(await getArticlePresence(admin, article.id)).toEqual({ viewers: [{ id: editor.id, name: editor.name }, { id: reviewer.id, name: reviewer.name }], editing: {} });
    for (const stream of streams) stream.close();
    await settle();
    expect(liveHub.size).toBe(0);
    expect(await prisma.presence.count({ where: { articleId: article.id } })).toBe(0);
  });
});

describe("presence", () => {
  it("shows who else views the article and which claim they are editing, and tells the others when that changes", async () => {
    const article = await makeArticle(["Wind Farm", "The wind farm will power 50,000 homes."]);
    const claim = await makeClaim(reviewer, article, "50,000 homes");
    const watching = await open(reviewer, { article: article.id });
    const editing = await open(editor, { article: article.id, editing: claim.id });
    await until(() => watching.received.some((event) => event.kind === "presence"));
    expect(watching.received.find((event) => event.kind === "presence")).toMatchObject({ actorName: "Elena Editor" });
    expect(await getArticlePresence(reviewer, article.id)).toEqual({ viewers: [{ id: editor.id, name: editor.name }], editing: { [claim.id]: [{ id: editor.id, name: editor.name }] } });
    // One's own presence is not news: the editor was not told of their own arrival.
    expect(editing.received.filter((event) => event.kind === "presence" && event.actorName === "Elena Editor")).toEqual([]);
    editing.close();
    await until(() => watching.received.filter((event) => event.kind === "presence").length === 2);
    expect(await getArticlePresence(reviewer, article.id)).toEqual({ viewers: [], editing: {} });
    watching.close();
    await settle();
  });

  it("refuses to follow a claim's editing on an article it is not in", async () => {
    const article = await makeArticle(["Rail Fares", "Fares will rise by 3 percent."]);
    const elsewhere = await makeArticle(["Bus Fares", "Bus fares stay the same."]);
    const claim = await makeClaim(reviewer, article, "3 percent");
    await expect(open(reviewer, { article: elsewhere.id, editing: claim.id })).rejects.toThrow(NotFoundError);
  });
});
