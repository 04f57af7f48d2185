import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, withClient, type TestDatabase } from "@/test/db";
import { migrate } from "@/lib/db/migrate";

/**
 * The migration to per-article text search configurations (20261204030001_search_languages)
 * on a database that has articles and passages already: nothing is lost, English-indexed rows
 * stay English, and an article with a language is indexed in it.
 */

const MIGRATION = "20261204030001_search_languages";
const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

let database: TestDatabase;
let before: string;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  before = await mkdtemp(path.join(tmpdir(), "verity-migrations-"));
  for (const name of (await readdir(MIGRATIONS_DIR)).filter((name) => name < MIGRATION)) {
    await cp(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
  }
  await migrate(database.url, { dir: before });
});

afterAll(async () => {
  await database.drop();
  await rm(before, { recursive: true, force: true });
});

test("carries every article and passage over, each indexed in its language", async () => {
  const articles: Array<[id: string, language: string | null, title: string, text: string]> = [
    ["a-none", null, "Harbour jobs", "The ports were hiring workers."],
    ["a-en", "en-GB", "Harbour plans", "The councils approved the plans."],
    ["a-fr", "fr", "Le plan d'économies", "Le ministre défend les économies."],
    ["a-pl", "pl", "Płaca minimalna", "Rząd ogłosił podwyżkę płacy."],
  ];
  await withClient(database.url, async (client) => {
    for (const [id, language, title, text] of articles) {
      await client.query(
        `INSERT INTO "Article" (id, title, outlet, language, body, "canonicalText", "sourceFormat", "updatedAt")
         VALUES ($1, $2, 'Outlet', $3, '{"type":"doc","content":[]}', $4, 'TEXT', now())`,
        [id, title, language, text],
      );
      await client.query(`INSERT INTO "Passage" ("articleId", ordinal, "startOffset", "endOffset", text) VALUES ($1, 0, 0, $2, $3)`, [id, text.length, text]);
    }
  });

  expect(await migrate(database.url)).toContain(MIGRATION);

  await withClient(database.url, async (client) => {
    const rows = (
      await client.query(`
        SELECT a.id, a."searchConfig"::text AS article, p."searchConfig"::text AS passage, p.text, p."searchVector"::text AS vector,
               a."titleVector"::text AS title
          FROM "Article" a JOIN "Passage" p ON p."articleId" = a.id ORDER BY a.id`)
    ).rows;
    expect(rows.map((row) => [row.id, row.article, row.passage, row.text])).toEqual([
      ["a-en", "english", "english", "The councils approved the plans."],
      ["a-fr", "french", "french", "Le ministre défend les économies."],
      ["a-none", "english", "english", "The ports were hiring workers."],
      ["a-pl", "simple", "simple", "Rząd ogłosił podwyżkę płacy."],
    ]);
    // The vectors are the configuration's: stems in English and French, exact words in Polish.
    expect(rows.find((row) => row.id === "a-none").vector).toBe("'hire':4 'port':2 'worker':5");
    expect(rows.find((row) => row.id === "a-fr").vector).toBe("'défend':3 'le':4 'ministr':2 'économ':5");
    expect(rows.find((row) => row.id === "a-pl").vector).toBe("'ogłosił':2 'podwyżkę':3 'płacy':4 'rząd':1");
    expect(rows.find((row) => row.id === "a-fr").title).toBe("'plan':2 'économ':4");
    // A passage written without a configuration is English, as every passage was before.
    await client.query(`INSERT INTO "Passage" ("articleId", ordinal, "startOffset", "endOffset", text) VALUES ('a-none', 1, 0, 5, 'Ports')`);
    expect((await client.query(`SELECT "searchConfig"::text AS c FROM "Passage" WHERE "articleId" = 'a-none' AND ordinal = 1`)).rows[0].c).toBe("english");
  });
});
