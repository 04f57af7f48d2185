import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { createTestDatabase, withClient, type TestDatabase } from "@/test/db";
import { databaseState } from "@/test/db-snapshot";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { backupDatabase, MIGRATION_ROWS, restoreDatabase } from "@/lib/db/backup";
import type { Progress } from "@/lib/cli/progress";
import { seed } from "@/lib/seed/seed";
import { addComment, addEvidence } from "@/lib/claims/data";
import { transitionClaim } from "@/lib/workflow/data";
import { makeArticle, makeClaim, makeUser, spanOf } from "@/lib/claims/test-fixtures";
import { createApiToken } from "@/lib/api-tokens/data";
import { openRound } from "@/lib/rounds/open-round";
import { submitIndependentVerdict } from "@/lib/rounds/submit-verdict";
import { addBlindMark, openMarking } from "@/lib/marking/writes";

/** `npm run db:backup` and `npm run db:restore`: the round trip, and what restore refuses. */

// Where createTestDatabase makes databases. It falls back on DATABASE_URL, which this file
// points at the source database once that exists; the targets must not be made inside it.
const SERVER_URL = process.env.DATABASE_URL;

async function newDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const current = process.env.DATABASE_URL;
  if (SERVER_URL === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = SERVER_URL;
  try {
    return await createTestDatabase(options);
  } finally {
    process.env.DATABASE_URL = current;
  }
}

/** Every table's row count and content hash (test/db-snapshot.ts), in the database at `url`. */
async function contents(url: string) {
  const previous = process.env.DATABASE_URL;
  await disconnectPrisma();
  process.env.DATABASE_URL = url;
  try {
    return await databaseState();
  } finally {
    await disconnectPrisma();
    process.env.DATABASE_URL = previous;
  }
}

async function migrationsOf(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(`SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`);
    return rows;
  });
}

async function auditSequence(url: string) {
  return withClient(url, async (client) => (await client.query(`SELECT last_value::text, is_called FROM "AuditEvent_id_seq"`)).rows[0]);
}

async function tableNames(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  });
}

const TRICKY = "Line one\nline two\ttab \u2028 'single' \"double\" \\backslash — ünïcödé 山田 🧪 e\u0301";

/** Realistic content: the seed, then claims in several states, evidence, comments, audit events. */
async function fill() {
  await seed(prisma);
  const reviewer = await makeUser("REVIEWER", "Zoë Ñúñez 山田");
  const editor = await makeUser("EDITOR", "Élodie Éditeur");
  const article = await makeArticle([
    "Bürgermeisterin sagt: Kriminalität sank 📉",
    "The mayor said crime fell by a third in 2024.",
    "Police figures — “published every spring” — are 100% official.",
  ]);
  const source = await makeArticle(["Police Publish Their Figures", "The judge said theft rose by a fifth in 2024."]);

  const claim = await makeClaim(reviewer, article, "crime fell by a third", { verdict: "FALSE", rationale: TRICKY });
  await addEvidence(reviewer, {
    kind: "PASSAGE",
    claimId: claim.id,
    version: claim.version,
    stance: "CONTRADICTS",
    sourceArticleId: source.id,
    ...spanOf(source.text, "theft rose by a fifth"),
  });
  const { version } = await addEvidence(reviewer, {
    kind: "EXTERNAL",
    claimId: claim.id,
    version: claim.version + 1,
    stance: "CONTEXT",
    url: "https://stats.example.org/crime?year=2024&lang=de",
    title: "Kriminalstatistik 2024",
    excerpt: null,
    accessedAt: "2024-02-29",
  });
  await addComment(editor, { claimId: claim.id, body: `Merci — ça a l’air juste 👍\n${TRICKY}` });
  const submitted = await transitionClaim(reviewer, { claimId: claim.id, version, action: "submit", note: null });
  await transitionClaim(editor, { claimId: claim.id, version: submitted, action: "approve", note: null });

  const draft = await makeClaim(reviewer, article, "Police figures");
  const group = await prisma.claimGroup.create({ data: { createdById: editor.id } });
  await prisma.claim.update({ where: { id: draft.id }, data: { groupId: group.id } });
  await prisma.notification.create({
    data: { recipientId: reviewer.id, actorId: editor.id, claimId: draft.id, fromVerdict: "FALSE", toVerdict: "MIXED", note: `Voir la source 👍\n${TRICKY}` },
  });
  // A round of blind verdicts on the draft, one of its two verdicts given (lib/rounds).
  const { roundId } = await openRound(editor, { claimId: draft.id, version: draft.version, size: 2, reviewerIds: [reviewer.id, editor.id] });
  await submitIndependentVerdict(reviewer, { roundId, verdict: "MIXED", rationale: TRICKY });
  // Blind marking under way on the article, one mark made (lib/marking).
  const marking = await openMarking(editor, { articleId: article.id, size: 2, reviewerIds: [reviewer.id, editor.id] });
  await addBlindMark(reviewer, { roundId: marking.roundId, ...spanOf(article.text, "Police figures"), restatement: `Chiffres 👍 ${TRICKY}`.slice(0, 1000) });
  await prisma.dismissedSuggestion.create({ data: { articleId: article.id, startOffset: 0, endOffset: 12, dismissedById: reviewer.id } });
  await prisma.loginThrottle.create({ data: { key: "ip:2001:db8::1", failures: 3, windowStart: new Date() } });
  await prisma.correction.create({
    data: { articleId: article.id, claimId: claim.id, note: `Corrigé 👍\n${TRICKY}`, restatement: "A restated claim", exact: "figures", previousVerdict: "False", previousApprovedAt: new Date(), createdById: editor.id },
  });
  await createApiToken(editor, { name: `Outil 👍 ${TRICKY}`.slice(0, 100), scope: "READ_WRITE" });
  // A long piece of work under way when the backup is made.
  await prisma.workProgress.create({ data: { userId: editor.id, id: "4b3f3c3e-8f0e-4c55-9d2a-2f6f1f0b9a11", label: `Tagging ${TRICKY}`, done: 7, total: 12 } });
  // Someone viewing the article through a live stream when the backup is made.
  await prisma.presence.create({ data: { streamId: "stream-1", userId: editor.id, articleId: article.id, editingClaimId: claim.id, seenAt: new Date() } });
  // Binary content (the organisation's logo) comes back byte for byte.
  await prisma.organisation.create({ data: { name: "Fact Desk", logo: new Uint8Array([0x89, 0x50, 0x00, 0xff]), logoType: "image/png" } });
  await prisma.user.update({ where: { id: reviewer.id }, data: { disabledAt: new Date(), sessionVersion: 2 } });
  await prisma.article.update({
    where: { id: article.id },
    data: { publishedAt: new Date(), publishedById: editor.id, publicationDate: new Date("2024-02-29"), url: "https://example.org/ü?q=\"x\"" },
  });
  await prisma.auditEvent.create({
    data: {
      action: "test.json",
      entityType: "Test",
      entityId: TRICKY,
      after: { text: TRICKY, nothing: null, float: 1.5e300, small: -0.000001, list: [1, "two", { three: [true, false] }], empty: {} },
    },
  });
  // A rolled-back insert uses up a sequence value: restore must keep the sequence where it was.
  await prisma
    .$transaction(async (tx) => {
      await tx.auditEvent.create({ data: { action: "test.rolled-back", entityType: "Test", entityId: "-" } });
      throw new Error("roll back");
    })
    .catch(() => undefined);
}

let source: TestDatabase;
let folder: string;
let backupFile: string;

beforeAll(async () => {
  source = await newDatabase();
  process.env.DATABASE_URL = source.url;
  folder = await mkdtemp(path.join(tmpdir(), "verity-backup-"));
  await fill();
  backupFile = path.join(folder, "nested", "verity.jsonl.gz");
});

afterAll(async () => {
  await disconnectPrisma();
  await source?.drop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** A test's target database, dropped after the test. */
async function withTarget(options: { migrate?: boolean }, run: (target: TestDatabase) => Promise<void>) {
  const target = await newDatabase(options);
  try {
    await run(target);
  } finally {
    await target.drop();
  }
}

/** No rows but those the migrations write themselves (the rating presets). */
function withoutRows(tables: Record<string, { rows: number }>) {
  return Object.entries(tables).every(([table, { rows }]) => rows === 0 || MIGRATION_ROWS.some((made) => made.table === table));
}

describe("backup and restore", () => {
  it("writes every table and restores identical content into an empty database", async () => {
    const before = await contents(source.url);
    for (const [table, { rows }] of Object.entries(before)) expect([table, rows > 0]).toEqual([table, true]);

    const summary = await backupDatabase(source.url, backupFile);
    expect(summary.file).toBe(backupFile);
    expect(summary.bytes).toBeGreaterThan(0);
    expect(Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]))).toEqual(
      Object.fromEntries(Object.entries(before).map(([table, { rows }]) => [table, rows])),
    );
    // Parents before children: every row's references are there when it is inserted.
    const order = summary.tables.map((t) => t.table);
    expect(order.indexOf("User")).toBeLessThan(order.indexOf("Article"));
    expect(order.indexOf("Article")).toBeLessThan(order.indexOf("Claim"));
    expect(order.indexOf("Claim")).toBeLessThan(order.indexOf("Evidence"));

    await withTarget({ migrate: false }, async (target) => {
      const restored = await restoreDatabase(target.url, backupFile);
      expect(restored).toEqual(summary.tables);
      expect(await contents(target.url)).toEqual(before);
      expect(await migrationsOf(target.url)).toEqual(await migrationsOf(source.url));
      expect(await auditSequence(target.url)).toEqual(await auditSequence(source.url));
    });
    // Backing up changes nothing.
    expect(await contents(source.url)).toEqual(before);
  });

  it("names the migrations and leaves out generated columns", async () => {
    const lines = gunzipSync(await readFile(backupFile)).toString("utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: "verity-backup", version: 1 });
    expect(lines[0].migrations.map((m: { name: string }) => m.name)).toEqual((await migrationsOf(source.url)).map((m) => m.migration_name));
    const article = lines.find((l) => l.table === "Article");
    expect(article.columns).toContain("title");
    expect(article.columns).not.toContain("titleVector");
    expect(lines.find((l) => l.table === "Passage").columns).not.toContain("searchVector");
    expect(lines.at(-1)).toMatchObject({ end: true });
  });

  it("reports its progress after each batch, rising to every row and the whole file", async () => {
    const file = path.join(folder, "with-progress.jsonl.gz");
    const backedUp: Progress[] = [];
    const summary = await backupDatabase(source.url, file, { onProgress: (p) => backedUp.push(p) });
    const totalRows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
    expect(backedUp.length).toBeGreaterThan(1);
    expect(backedUp.map((p) => p.rows)).toEqual([...backedUp.map((p) => p.rows)].sort((a, b) => a - b));
    expect(backedUp.at(-1)).toMatchObject({ fraction: 1, rows: totalRows, totalRows });
    expect(backedUp.map((p) => p.label)).toContain("Backing up Claim");

    await withTarget({ migrate: false }, async (target) => {
      const restored: Progress[] = [];
      await restoreDatabase(target.url, file, { onProgress: (p) => restored.push(p) });
      expect(restored.map((p) => p.fraction)).toEqual([...restored.map((p) => p.fraction)].sort((a, b) => a - b));
      expect(restored.at(-1)).toMatchObject({ fraction: 1, rows: totalRows });
      expect(restored.map((p) => p.label)).toContain("Restoring Claim");
    });
  });

  it("also restores into a migrated database without rows", async () => {
    await withTarget({}, async (target) => {
      await restoreDatabase(target.url, backupFile);
      expect(await contents(target.url)).toEqual(await contents(source.url));
    });
  });

  it("round-trips every kind of value exactly", async () => {
    // Types Verity's schema does not use yet, in a table made in both databases.
    const table = `CREATE TABLE "Kinds" (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz(6), local timestamp(6), day date, span interval, amount numeric(30, 10), ratio float8,
      flag boolean, raw bytea, tags text[], grid int[][], doc jsonb, plain json, uid uuid, note text,
      shout text GENERATED ALWAYS AS (upper(note)) STORED)`;
    const values = `INSERT INTO "Kinds" (at, local, day, span, amount, ratio, flag, raw, tags, grid, doc, plain, uid, note) VALUES
      ('2024-02-29 23:59:59.123456+05:30', '1999-12-31 23:59:59.999999', '0044-03-15 BC', '1 year 2 mons 3 days 04:05:06.789',
       12345678901234567890.0123456789, 0.1, true, '\\x00ff10', ARRAY['a', 'b,c', '"q"', NULL, 'ü 🧪'], '{{1,2},{3,4}}',
       '{"big": 123456789012345678901234567890, "s": "\\u00e9\\n", "n": null}', '{"kept":  "as written" ,"dup":1,"dup":2}',
       'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', $1),
      ('infinity', '-infinity', 'infinity', '-1 days', 'NaN', '-0', false, '', '{}', NULL, '[]', 'null', NULL, ''),
      ('epoch', NULL, NULL, NULL, NULL, 'Infinity', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`;
    const kindsSource = await newDatabase();
    try {
      await withClient(kindsSource.url, async (c) => {
        await c.query(table);
        await c.query(values, [TRICKY]);
        await c.query(`SELECT nextval('"Kinds_id_seq"')`); // a gap after the last id
      });
      const file = path.join(folder, "kinds.jsonl.gz");
      await backupDatabase(kindsSource.url, file);
      await withTarget({}, async (target) => {
        await withClient(target.url, (c) => c.query(table));
        await restoreDatabase(target.url, file);
        expect(await contents(target.url)).toEqual(await contents(kindsSource.url));
        const next = (url: string) => withClient(url, async (c) => (await c.query(`SELECT nextval('"Kinds_id_seq"')::int AS id`)).rows[0].id);
        expect(await next(target.url)).toBe(await next(kindsSource.url));
      });
    } finally {
      await kindsSource.drop();
    }
  });

  it("does not replace an existing file", async () => {
    await expect(backupDatabase(source.url, backupFile)).rejects.toThrow(/already exists/);
  });

  it("refuses a database that has rows, and writes nothing", async () => {
    await withTarget({}, async (target) => {
      await withClient(target.url, (c) => c.query(`INSERT INTO "LoginThrottle" (key, failures, "windowStart") VALUES ('someone', 1, now())`));
      const before = await contents(target.url);
      const migrations = await migrationsOf(target.url);
      await expect(restoreDatabase(target.url, backupFile)).rejects.toThrow(/The database is not empty \(LoginThrottle has rows\)/);
      expect(await contents(target.url)).toEqual(before);
      expect(await migrationsOf(target.url)).toEqual(migrations);
    });
  });

  it("refuses a truncated file with a clear error and leaves the database without rows", async () => {
    const bytes = await readFile(backupFile);
    const truncated = path.join(folder, "truncated.jsonl.gz");
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await withTarget({ migrate: false }, async (target) => {
      await expect(restoreDatabase(target.url, truncated)).rejects.toThrow(/is damaged or incomplete \(unexpected end of file\)\. Nothing was restored\./);
      const after = await contents(target.url);
      expect(Object.keys(after).length).toBeGreaterThan(0);
      expect(withoutRows(after)).toBe(true);
      // Being empty, it takes the whole backup afterwards.
      await restoreDatabase(target.url, backupFile);
      expect(await contents(target.url)).toEqual(await contents(source.url));
    });
  });

  it("refuses files that are not backups, damaged lines, missing ends and other schemas, writing nothing", async () => {
    const text = gunzipSync(await readFile(backupFile)).toString("utf8");
    const lines = text.trimEnd().split("\n");
    const header = JSON.parse(lines[0]);
    const variants: Array<[string, Buffer, RegExp]> = [
      ["not-gzip", Buffer.from("hello"), /damaged or incomplete \(incorrect header check\)/],
      ["not-backup", gzipSync('{"hello":1}\n'), /damaged or incomplete \(it is not a Verity backup\)/],
      [
        "other-schema",
        gzipSync([JSON.stringify({ ...header, migrations: [...header.migrations, { name: "29990101000000_future", checksum: "0".repeat(64) }] }), ...lines.slice(1)].join("\n")),
        /another version of Verity's schema \(the backup has migrations this version lacks or has in another form: 29990101000000_future\)/,
      ],
      ["bad-line", gzipSync(`${lines[0]}\n${lines[1]}\n[1, 2\n`), /damaged or incomplete \(line 3 is not JSON\)/],
      ["no-end", gzipSync(`${lines.slice(0, -1).join("\n")}\n`), /damaged or incomplete \(the file ends before its last table\)/],
    ];
    await withTarget({ migrate: false }, async (target) => {
      for (const [name, bytes, message] of variants) {
        const file = path.join(folder, `${name}.jsonl.gz`);
        await writeFile(file, bytes);
        await expect(restoreDatabase(target.url, file)).rejects.toThrow(message);
        // Until the header is read and checked, not even the migrations are applied.
        if (!["bad-line", "no-end"].includes(name)) expect([name, await tableNames(target.url)]).toEqual([name, []]);
      }
      expect(withoutRows(await contents(target.url))).toBe(true);
      await expect(restoreDatabase(target.url, path.join(folder, "missing.jsonl.gz"))).rejects.toThrow(/There is no backup file/);
    });
  });
});
