/**
 * Issue 19: several app servers on one database. Two servers of the production build
 * (one of them running two server processes itself, VERITY_WORKERS=2) share one
 * database of their own (a PostgreSQL database on TEST_DATABASE_URL's server, or without
 * one an embedded PGlite served over the wire) and the secret that signs sessions; a
 * round-robin client sends its requests to both in turn.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { actionIds, AppClient, type ActionReply } from "../bench/app-client";
import { startApp } from "../bench/app-process";
import { openEventStream } from "../bench/sse-client";
import { createTestDatabase, withClient, type TestDatabase } from "../test/db";
import { ADMIN, EDITOR, REVIEWER } from "./fixtures";

const PORTS = [Number(process.env.E2E_PORT ?? 3100) + 91, Number(process.env.E2E_PORT ?? 3100) + 92];

type App = Awaited<ReturnType<typeof startApp>>;
let database: TestDatabase;
let dataDir: string;
let servers: App[] = [];
let article: { id: string; sentences: { start: number; end: number; exact: string }[] };
const ids = () => actionIds();
const createClaim = () => ids()["lib/claims/actions.ts#createClaimAction"];
const updateClaim = () => ids()["lib/claims/actions.ts#updateClaimAction"];

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

test.beforeAll(async () => {
  test.setTimeout(600_000);
  database = await createTestDatabase({ migrate: false });
  dataDir = mkdtempSync(path.join(os.tmpdir(), "verity-two-servers-"));
  const shared = { DATABASE_URL: database.url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), VERITY_DATA_DIR: dataDir };
  // The first migrates and seeds the database; the second finds it ready.
  servers.push(await startApp({ ...shared, VERITY_WORKERS: "2" }, PORTS[0], { detached: true }));
  servers.push(await startApp({ ...shared, VERITY_WORKERS: "1" }, PORTS[1], { detached: true }));
  article = await withClient(database.url, async (client) => {
    const { rows } = await client.query<{ id: string; canonicalText: string }>(`SELECT id, "canonicalText" FROM "Article" ORDER BY title LIMIT 1`);
    const text = rows[0].canonicalText;
    // Each sentence of the article, as a claim's span: the load below marks them in turn.
    const sentences = [...text.matchAll(/[^.\n]{20,}?\./g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, exact: m[0] }));
    return { id: rows[0].id, sentences };
  });
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function claimFields(i: number) {
  const span = article.sentences[i % article.sentences.length];
  return { articleId: article.id, start: span.start, end: span.end, exact: span.exact, restatement: `Claim ${i} from the two-server test`, verdict: "", rationale: "" };
}

const claimId = (reply: ActionReply) => (reply.state?.data as { claim?: { id: string } } | undefined)?.claim?.id;

test("the first server runs two server processes", () => {
  expect(servers[0].output()).toContain("(2 server processes)");
});

test("a session made on one server works on the other", async () => {
  const onFirst = new AppClient(servers[0].url);
  await onFirst.signIn(REVIEWER.email, REVIEWER.password);
  const onSecond = onFirst.on(servers[1].url);
  const page = await onSecond.get("/articles");
  expect(page.status).toBe(200);
  expect(page.value).toContain(REVIEWER.name);
  // Without the cookie the same page sends a visitor to sign in.
  expect((await new AppClient(servers[1].url).get("/articles")).status).toBe(307);
});

test("the login throttle counts failures made on both servers", async () => {
  // Three wrong passwords on one server and two on the other: five, the account's limit.
  for (const server of [0, 1, 0, 1, 0]) {
    await expect(new AppClient(servers[server].url).signIn(EDITOR.email, "not the password")).rejects.toThrow(/CredentialsSignin|INVALID/);
  }
  // Now even the right password waits, on either server.
  for (const server of [1, 0]) {
    await expect(new AppClient(servers[server].url).signIn(EDITOR.email, EDITOR.password)).rejects.toThrow(/RATE_LIMITED/);
  }
});

test("an edit on one server made stale by an edit on the other is refused as a conflict", async () => {
  const reviewer = new AppClient(servers[0].url);
  await reviewer.signIn(REVIEWER.email, REVIEWER.password);
  const created = await reviewer.action(`/articles/${article.id}`, createClaim(), claimFields(0));
  const id = claimId(created.value)!;
  expect(id).toBeTruthy();

  const edit = (client: AppClient, restatement: string) =>
    client.action(`/articles/${article.id}`, updateClaim(), { claimId: id, version: 1, restatement, verdict: "", rationale: "" });
  const first = await edit(reviewer, "Edited on the first server");
  expect(first.value.state?.status).toBe("ok");
  const second = await edit(reviewer.on(servers[1].url), "Edited on the second server from the same old version");
  expect(second.value.state?.status).not.toBe("ok");
  expect((second.value.state?.current as { version: number; restatement: string }).restatement).toBe("Edited on the first server");
  const stored = await withClient(database.url, (client) => client.query(`SELECT restatement, version FROM "Claim" WHERE id = $1`, [id]));
  expect(stored.rows[0]).toEqual({ restatement: "Edited on the first server", version: 2 });
});

test("a change made on one server reaches a viewer of the article on the other, live", async () => {
  // Not the editor: the throttle test above has made the editor's account wait.
  const viewer = new AppClient(servers[1].url);
  await viewer.signIn(ADMIN.email, ADMIN.password);
  const stream = await openEventStream(`${servers[1].url}/api/live?article=${encodeURIComponent(article.id)}`, viewer.cookieHeader);
  try {
    const writer = new AppClient(servers[0].url);
    await writer.signIn(REVIEWER.email, REVIEWER.password);
    const created = await writer.action(`/articles/${article.id}`, createClaim(), { ...claimFields(0), restatement: "Marked on the first server, seen on the second" });
    const id = claimId(created.value)!;
    expect(id).toBeTruthy();
    const event = await stream.waitFor((e) => e.kind === "claim.create" && e.claimId === id, 5_000);
    // An invalidation, not data: who did what to which claim, never what the claim says (the
    // actor's id lets the writer's own page tell its own writes' echo).
    expect(event).toMatchObject({ kind: "claim.create", claimId: id, actorName: REVIEWER.name, actorId: expect.any(String) });
    expect(Object.keys(event).sort()).toEqual(["actorId", "actorName", "at", "claimId", "id", "kind"]);
  } finally {
    stream.close();
  }
});

test("a public page changed through one server is never served stale by the other, whose cache had it", async () => {
  // The admin: the throttle test above has made the editor's account wait.
  const admin = new AppClient(servers[0].url);
  await admin.signIn(ADMIN.email, ADMIN.password);
  const act = async (action: string, fields: Record<string, string>) =>
    expect((await admin.action(`/articles/${article.id}`, ids()[action], { articleId: article.id, ...fields })).value.state?.status).toBe("ok");
  const reader = new AppClient(servers[1].url);
  const page = `/p/${article.id}`;

  await act("lib/publishing/actions.ts#publishArticleAction", {});
  const first = await reader.fetch(page);
  const etag = first.headers.get("etag")!;
  await first.text();
  expect(first.status).toBe(200);
  // The second server (one process) now keeps the page, and the reader's copy is still good.
  expect((await reader.fetch(page, { headers: { "If-None-Match": etag } })).status).toBe(304);

  const details = await withClient(database.url, async (client) => (await client.query(`SELECT title, outlet, language FROM "Article" WHERE id = $1`, [article.id])).rows[0]);
  const title = `${details.title} (corrected)`;
  await act("lib/articles/actions.ts#updateArticleDetailsAction", { title, outlet: details.outlet, url: "", publicationDate: "", language: details.language ?? "" });
  const changed = await reader.get(page);
  expect(changed.status).toBe(200);
  expect(changed.value).toContain(`<h1>${title}</h1>`);
  expect((await reader.fetch(page, { headers: { "If-None-Match": etag } })).status).toBe(200);

  await act("lib/publishing/actions.ts#unpublishArticleAction", {});
  expect((await reader.get(page)).status).toBe(410);
});

test("nothing acknowledged is lost when one server is killed under load", async () => {
  const reviewer = new AppClient(servers[0].url);
  await reviewer.signIn(REVIEWER.email, REVIEWER.password);
  const clients = servers.map((server) => reviewer.on(server.url));
  const acknowledged: string[] = [];
  let failedOnDeadServer = 0;
  let turn = 0;
  let killed = false;
  const target = 80;

  // Eight clients mark claims, each request to the next server in turn; once one server
  // is killed, the rest go to the other.
  const worker = async () => {
    while (acknowledged.length < target) {
      const i = turn++;
      const server = killed ? 0 : i % 2;
      try {
        const { value } = await clients[server].action(`/articles/${article.id}`, createClaim(), claimFields(i + 1));
        const id = claimId(value);
        if (value.state?.status === "ok" && id) acknowledged.push(id);
        else throw new Error(value.error ?? value.state?.message ?? "no answer");
      } catch (error) {
        if (server === 1 && killed) failedOnDeadServer++;
        else if (!(server === 1 && String(error).includes("fetch failed"))) throw error;
      }
      if (!killed && acknowledged.length >= target / 4) {
        killed = true;
        await servers[1].kill();
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  servers = [servers[0]];

  const rows = await withClient(database.url, (client) =>
    client.query<{ id: string; audited: boolean }>(
      `SELECT c.id, EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."entityId" = c.id AND a.action = 'claim.create') AS audited
         FROM "Claim" c WHERE c."articleId" = $1 AND c.restatement LIKE 'Claim % from the two-server test'`,
      [article.id],
    ),
  );
  const stored = new Map(rows.rows.map((row) => [row.id, row.audited]));
  // Every acknowledged claim is there, each with its audit event: no write was half made.
  for (const id of acknowledged) expect(stored.get(id)).toBe(true);
  expect([...stored.values()].every(Boolean)).toBe(true);
  expect(acknowledged.length).toBeGreaterThanOrEqual(target);
  test.info().annotations.push({
    type: "load",
    description: `${acknowledged.length} claims acknowledged, ${stored.size} stored (${stored.size - acknowledged.length} written whose answer the kill lost), ${failedOnDeadServer} requests to the killed server failed`,
  });
  // The surviving server still serves.
  expect((await clients[0].get("/articles")).status).toBe(200);
});
