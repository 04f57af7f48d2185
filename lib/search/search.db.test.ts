import { useTestDatabase, withClient } from "@/test/db";
import { prisma, queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/current-user";
import { importArticle } from "@/lib/articles/data";
import { seed } from "@/lib/seed/seed";
import { splitPassages } from "@/lib/search/passages";
import { searchPassages } from "@/lib/search/search";
import { EMPTY_QUERY_MESSAGE, NO_WORDS_MESSAGE, normaliseQuery, ONLY_EXCLUDED_MESSAGE, STOP_WORDS_MESSAGE } from "@/lib/search/query";
import { pairsTsquery, phrasePairsStatement, queryTsquery, searchStatements } from "@/lib/search/statements";
import { MARK_END, MARK_START, snippetSegments } from "@/lib/search/snippet";
import { RESULTS_PER_PAGE, type SearchFilters, type SearchOutcome } from "@/lib/search/types";
import { makeClaim } from "@/lib/claims/test-fixtures";

/**
 * Passages made at import, kept searchable by the database itself, and the search over
 * them: ranking, query syntax, odd input, filters, pages and who sees what.
 */

const database = useTestDatabase();

const NO_FILTERS: SearchFilters = { outlet: null, language: null, from: null, to: null, claims: null, verdict: null, page: 1 };

let editor: Actor;
let reviewer: Actor;
let seedIds: string[];

async function user(email: string): Promise<Actor> {
  return prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true, role: true } });
}

async function importText(
  actor: Actor,
  content: string,
  details: { outlet?: string; publicationDate?: Date | null; title?: string; language?: string } = {},
) {
  return importArticle(actor, {
    format: "TEXT",
    content,
    file: null,
    sourceUrl: null,
    fetched: null,
    edits: null,
    importAnyway: false,
    title: details.title ?? null,
    outlet: details.outlet ?? "Test Outlet",
    url: null,
    publicationDate: details.publicationDate ?? null,
    language: details.language ?? null,
  });
}

function ok(outcome: SearchOutcome) {
  if (outcome.status !== "ok") throw new Error(`expected results, got "${outcome.message}"`);
  return outcome;
}

const plain = (snippet: string) => snippet.replaceAll(MARK_START, "").replaceAll(MARK_END, "");

beforeAll(async () => {
  await seed(prisma);
  [editor, reviewer] = await Promise.all([user("editor@verity.test"), user("reviewer@verity.test")]);
  seedIds = (await prisma.article.findMany({ orderBy: { createdAt: "asc" }, select: { id: true } })).map((a) => a.id);
});

describe("passages", () => {
  it("are made when an article is imported: one per sentence, with offsets into its canonical text", async () => {
    const id = await importText(editor, "Harbour Plan\nThe U.S. port said it will hire 2,000 people. Rep. Smith agreed.\n“We are ready. We start today,” the mayor said.");
    const article = await prisma.article.findUniqueOrThrow({ where: { id }, select: { canonicalText: true } });
    const passages = await prisma.passage.findMany({ where: { articleId: id }, orderBy: { ordinal: "asc" } });
    expect(passages.map((p) => p.text)).toEqual([
      "The U.S. port said it will hire 2,000 people.",
      "Rep. Smith agreed.",
      "“We are ready. We start today,” the mayor said.",
    ]);
    expect(passages.map((p) => ({ start: p.startOffset, end: p.endOffset, text: p.text, ordinal: p.ordinal }))).toEqual(
      splitPassages(article.canonicalText).map((p) => ({ start: p.start, end: p.end, text: p.text, ordinal: p.ordinal })),
    );
    for (const p of passages) expect(article.canonicalText.slice(p.startOffset, p.endOffset)).toBe(p.text);
  });

  it("are made for the seed articles, and seeding again adds none", async () => {
    const before = await prisma.passage.groupBy({ by: ["articleId"], where: { articleId: { in: seedIds } }, _count: { _all: true } });
    expect(before.map((g) => g._count._all).sort((a, b) => a - b)).toEqual([17, 20, 20, 45]);
    await seed(prisma);
    expect(await prisma.passage.count({ where: { articleId: { in: seedIds } } })).toBe(102);
  });

  it("get their vectors from the database, on insert and on update, without application code", async () => {
    await withClient(database.url, async (client) => {
      const [article] = seedIds;
      await client.query(`INSERT INTO "Passage" ("articleId", ordinal, "startOffset", "endOffset", text) VALUES ($1, 999, 0, 5, 'Lighthouses were inspected')`, [article]);
      const match = `SELECT count(*)::int AS n FROM "Passage" WHERE "searchVector" @@ to_tsquery('english', $1)`;
      expect((await client.query(match, ["lighthouse & inspect"])).rows[0].n).toBe(1);
      await client.query(`UPDATE "Passage" SET text = 'Windmills were repaired' WHERE "articleId" = $1 AND ordinal = 999`, [article]);
      expect((await client.query(match, ["lighthouse"])).rows[0].n).toBe(0);
      expect((await client.query(match, ["windmill & repair"])).rows[0].n).toBe(1);
      // Writing the vector by hand is refused: it is the database's.
      await expect(client.query(`UPDATE "Passage" SET "searchVector" = to_tsvector('x') WHERE ordinal = 999`)).rejects.toThrow(/DEFAULT|generated/);
      await client.query(`DELETE FROM "Passage" WHERE "articleId" = $1 AND ordinal = 999`, [article]);
    });
  });

  it("are found through the GIN index", async () => {
    await withClient(database.url, async (client) => {
      await client.query("BEGIN");
      try {
        await client.query("SET LOCAL enable_seqscan = off");
        const plan = (await client.query(`EXPLAIN SELECT 1 FROM "Passage" WHERE "searchVector" @@ websearch_to_tsquery('english', 'borders')`)).rows
          .map((row: Record<string, string>) => Object.values(row)[0])
          .join("\n");
        expect(plan).toContain("Passage_searchVector_idx");
      } finally {
        await client.query("ROLLBACK");
      }
    });
  });

  it("go with their article when it is deleted", async () => {
    const id = await importText(editor, "Short Lived\nThis article will be deleted at once.");
    expect(await prisma.passage.count({ where: { articleId: id } })).toBe(1);
    await prisma.article.delete({ where: { id } });
    expect(await prisma.passage.count({ where: { articleId: id } })).toBe(0);
  });
});

describe("search", () => {
  it("finds the passages of the seed articles with a phrase, best first, with the matched words marked", async () => {
    const result = ok(await searchPassages(reviewer, '"pre-2014 borders"', NO_FILTERS));
    expect(result.total).toBe(3);
    expect(result.hits.map((h) => seedIds.indexOf(h.articleId)).sort()).toEqual([0, 1, 3]);
    for (const hit of result.hits) {
      expect(plain(hit.snippet)).toContain("pre-2014 borders");
      // ts_headline marks "pre" and "-2014" apart; as segments they join into one mark.
      expect(snippetSegments(hit.snippet).filter((s) => s.marked).map((s) => s.text)).toEqual(["pre-2014", "borders"]);
      const text = (await prisma.article.findUniqueOrThrow({ where: { id: hit.articleId } })).canonicalText;
      expect(text.slice(hit.startOffset, hit.endOffset)).toBe(plain(hit.snippet));
    }
    const ranks = result.hits.map((h) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it("ranks a passage with more of the words, and with them closer together, first", async () => {
    await importText(editor, "Ranking Test\nThe zebra crossing was repainted. A zebra escaped; the crossing guard chased it across the zebra crossing. A crossing was built.", { outlet: "Ranking" });
    const result = ok(await searchPassages(reviewer, "zebra crossing", { ...NO_FILTERS, outlet: "Ranking" }));
    expect(result.hits.map((h) => plain(h.snippet))).toEqual([
      "A zebra escaped; the crossing guard chased it across the zebra crossing.",
      "The zebra crossing was repainted.",
    ]);
  });

  it("understands OR, quoted phrases and excluded words, which exclude from the whole query", async () => {
    const either = ok(await searchPassages(reviewer, "Bessent OR Pistorius", NO_FILTERS));
    expect(either.hits.every((h) => /Bessent|Pistorius/.test(plain(h.snippet)))).toBe(true);
    expect(either.hits.some((h) => plain(h.snippet).includes("Pistorius"))).toBe(true);
    expect(either.hits.some((h) => plain(h.snippet).includes("Bessent"))).toBe(true);

    const without = ok(await searchPassages(reviewer, "Hegseth OR Trump -NATO", NO_FILTERS));
    expect(without.total).toBeGreaterThan(5);
    expect(without.hits.some((h) => /NATO/.test(plain(h.snippet)))).toBe(false);

    const phrase = ok(await searchPassages(reviewer, '"security guarantees"', NO_FILTERS));
    // Words are stemmed: the phrase finds "security guarantee" too.
    expect(phrase.hits.every((h) => /security guarantees?/i.test(plain(h.snippet)))).toBe(true);
    expect(phrase.hits.length).toBeGreaterThan(3);
  });

  it("finds a phrase only where its words stand side by side, through the pairs of words of each passage", async () => {
    const id = await importText(editor, [
      "Phrases Test",
      "The prime minister of the realm spoke to the lighthouse keepers.",
      "The minister was prime among the lighthouse speakers.",
      "Keepers of the lighthouse asked the prime minister for help.",
    ].join("\n"));
    try {
      const hitsOf = async (query: string) => ok(await searchPassages(editor, query, NO_FILTERS)).hits.filter((hit) => hit.articleId === id).map((hit) => hit.ordinal).sort();
      expect(await hitsOf('"prime minister" lighthouse')).toEqual([0, 2]);
      expect(await hitsOf('"minister was prime"')).toEqual([1]);
      // Stop words inside the phrase: no pair of its own words is side by side, and it is still found.
      expect(await hitsOf('"keepers of the lighthouse"')).toEqual([2]);
      expect(await hitsOf('"lighthouse keepers" OR "lighthouse speakers"')).toEqual([0, 1]);
      await withClient(database.url, async (client) => {
        const pairs = (await client.query(`SELECT tsvector_to_array("phraseVector") AS pairs FROM "Passage" WHERE "articleId" = $1 AND ordinal = 0`, [id])).rows[0].pairs;
        expect(pairs).toEqual(expect.arrayContaining(["prime minist", "lighthous keeper"]));
        expect(pairs).not.toContain("minist realm");
      });
    } finally {
      await prisma.article.delete({ where: { id } });
    }
  });

  it("looks a phrase up in the index of pairs, not in the words' index that would gather every passage with both words", async () => {
    const configs = ["english"];
    const query = normaliseQuery('"security guarantees"');
    if (query.kind !== "query") throw new Error("not a query");
    await withClient(database.url, async (client) => {
      const pairsStatement = phrasePairsStatement(configs, query.phrases);
      const pairs = new Map((await client.query(pairsStatement.text, pairsStatement.values)).rows.map((row) => [row.config, row.pairs]));
      expect(pairs).toEqual(new Map([["english", ["secur guarante"]]]));
      const { statement } = searchStatements(reviewer, queryTsquery(query), configs, NO_FILTERS, 1, pairs);
      await client.query("BEGIN");
      try {
        await client.query("SET LOCAL enable_seqscan = off");
        const plan = (await client.query(`EXPLAIN ${statement.text}`, statement.values)).rows.map((row: Record<string, string>) => Object.values(row)[0]).join("\n");
        expect(plan).toContain("Passage_phraseVector_idx");
        expect(plan).not.toContain("Passage_searchVector_idx");
      } finally {
        await client.query("ROLLBACK");
      }
    });
  });

  it("writes pairs with quotes and backslashes as tsquery input that holds exactly them", async () => {
    const pairs = ["o'neil said", "back\\slash word", "plain pair"];
    await withClient(database.url, async (client) => {
      const holds = async (lexemes: string[]) =>
        (await client.query(`SELECT array_to_tsvector($1::text[]) @@ $2::tsquery AS holds`, [lexemes, pairsTsquery(pairs)])).rows[0].holds;
      expect(await holds(pairs)).toBe(true);
      expect(await holds(pairs.slice(1))).toBe(false);
      expect(await holds(["o'neil said", "back slash word", "plain pair"])).toBe(false);
    });
  });

  it("answers odd input with a clear result, never an error", async () => {
    const odd: Array<[unknown, SearchOutcome["status"], string | undefined]> = [
      ["", "empty", EMPTY_QUERY_MESSAGE],
      ["OR - -- OR", "empty", NO_WORDS_MESSAGE],
      ["&| ! <-> :* ( ) ' \\", "empty", NO_WORDS_MESSAGE],
      ["-NATO -troops", "empty", ONLY_EXCLUDED_MESSAGE],
      ["the or of", "ok", STOP_WORDS_MESSAGE],
    ];
    for (const [query, status, message] of odd) {
      const result = await searchPassages(reviewer, query, NO_FILTERS);
      expect(result.status).toBe(status);
      expect(result.status === "empty" ? result.message : result.message).toBe(message);
    }
    const stillFine = [
      '"pre-2014 borders',
      'borders "',
      "🦄 borders 🦄",
      "Hegseth ".repeat(1250),
      "x".repeat(10_000),
      `'); DROP TABLE "Passage"; --`,
      "Ukraine:* & !Russia | (NATO",
      "borders\u0000\u0007",
      "Зеленський",
    ];
    for (const query of stillFine) {
      const result = ok(await searchPassages(reviewer, query, NO_FILTERS));
      expect(result.hits.length).toBeLessThanOrEqual(RESULTS_PER_PAGE);
    }
    expect(ok(await searchPassages(reviewer, "Hegseth ".repeat(1250), NO_FILTERS)).truncated).toBe(true);
    expect(ok(await searchPassages(reviewer, '"pre-2014 borders', NO_FILTERS)).total).toBe(3);
    expect(await prisma.passage.count()).toBeGreaterThan(100);
  });

  it("offers passages with similar spellings when no passage has the words", async () => {
    const result = ok(await searchPassages(reviewer, "Zelensky", NO_FILTERS));
    expect(result.fuzzy).toBe(true);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.every((h) => /Zelensk(yy|iy)/.test(h.snippet))).toBe(true);
    // Not for phrases, OR or exclusions: those say exactly what to find.
    expect(ok(await searchPassages(reviewer, '"Zelensky said"', NO_FILTERS))).toMatchObject({ total: 0, fuzzy: false });
  });

  it("respells each word of the search and finds passages with all of them", async () => {
    const result = ok(await searchPassages(reviewer, "Zelensky Putn", NO_FILTERS));
    expect(result.fuzzy).toBe(true);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.every((h) => /Zelensk(yy|iy)/.test(h.snippet) && /Putin/.test(h.snippet))).toBe(true);
    // A word spelt like no word of any article: no passage can have them all.
    expect(ok(await searchPassages(reviewer, "Zelensky Qxzvbwq", NO_FILTERS))).toMatchObject({ total: 0, hits: [], fuzzy: false });
  });

  it("keeps the words of every imported article in the search dictionary", async () => {
    await importText(editor, "Dictionary Test\nThe Quixotically named harbourmaster resigned.");
    const words = (await prisma.searchWord.findMany({ where: { word: { in: ["quixotically", "harbourmaster", "the"] } } })).map((w) => w.word);
    expect(words.sort()).toEqual(["harbourmaster", "quixotically", "the"]);
    const respelt = ok(await searchPassages(reviewer, "harbormaster", NO_FILTERS));
    expect(respelt).toMatchObject({ fuzzy: true });
    expect(respelt.hits.map((h) => h.snippet.replace(/[\uE000\uE001]/g, ""))).toEqual(["The Quixotically named harbourmaster resigned."]);
  });

  it("pages by 20 and filters by outlet and date", async () => {
    const lines = Array.from({ length: 45 }, (_, i) => `The lighthouse keeper logged storm number ${i + 1}.`);
    await importText(editor, `Lighthouse Log\n${lines.join(" ")}`, { outlet: "Coast Gazette", publicationDate: new Date("2025-03-01T00:00:00Z") });
    await importText(editor, "Another Lighthouse\nA lighthouse was sold.", { outlet: "Harbour News", publicationDate: new Date("2024-06-01T00:00:00Z") });

    const first = ok(await searchPassages(reviewer, "lighthouse", NO_FILTERS));
    expect(first).toMatchObject({ total: 46, pageCount: 3, page: 1 });
    expect(first.hits).toHaveLength(RESULTS_PER_PAGE);
    const third = ok(await searchPassages(reviewer, "lighthouse", { ...NO_FILTERS, page: 3 }));
    expect(third.hits).toHaveLength(6);
    const seen = new Set([...first.hits, ...third.hits].map((h) => `${h.articleId}:${h.ordinal}`));
    expect(seen.size).toBe(26);

    expect(ok(await searchPassages(reviewer, "lighthouse", { ...NO_FILTERS, outlet: "Harbour News" })).total).toBe(1);
    expect(ok(await searchPassages(reviewer, "lighthouse", { ...NO_FILTERS, from: "2025-01-01" })).total).toBe(45);
    expect(ok(await searchPassages(reviewer, "lighthouse", { ...NO_FILTERS, to: "2024-12-31" })).total).toBe(1);
    expect(ok(await searchPassages(reviewer, "lighthouse", { ...NO_FILTERS, from: "2024-06-01", to: "2024-06-01" })).total).toBe(1);
  });

  it("reads the passages from their first page on every search, so a capped search ranks the same first matches each time", async () => {
    // PostgreSQL starts a scan of a large table where the last scan of it stopped unless told
    // not to (synchronize_seqscans): a word in a few percent of the passages would be ranked
    // among other passages at each search, and page 2 would not continue page 1 (lib/db/client.ts).
    const setting = [{ synchronize_seqscans: "off" }];
    expect(await queryRows(Prisma.sql`SHOW synchronize_seqscans`)).toEqual(setting);
    expect(await prisma.$queryRaw`SHOW synchronize_seqscans`).toEqual(setting);
  });

  it("filters by the claims on a passage and their verdicts, and lists them with each hit", async () => {
    const id = await importText(editor, "Claims Filter\nThe bridge opened in 1999. The bridge cost 40 million. The bridge is painted red.", { outlet: "Bridges" });
    const article = { id, title: "Claims Filter", text: (await prisma.article.findUniqueOrThrow({ where: { id } })).canonicalText };
    const claim = await makeClaim(reviewer, article, "The bridge cost 40 million.", { verdict: "FALSE" });
    await makeClaim(reviewer, article, "opened in 1999");
    const filters = { ...NO_FILTERS, outlet: "Bridges" };

    const withClaims = ok(await searchPassages(reviewer, "bridge", { ...filters, claims: "with" }));
    expect(withClaims.hits.map((h) => plain(h.snippet)).sort()).toEqual(["The bridge cost 40 million.", "The bridge opened in 1999."]);
    const cost = withClaims.hits.find((h) => plain(h.snippet).includes("40 million"))!;
    expect(cost.claims).toEqual([{ id: claim.id, restatement: claim.restatement, verdict: "FALSE", state: "DRAFT" }]);

    expect(ok(await searchPassages(reviewer, "bridge", { ...filters, claims: "without" })).hits.map((h) => plain(h.snippet))).toEqual([
      "The bridge is painted red.",
    ]);
    expect(ok(await searchPassages(reviewer, "bridge", { ...filters, verdict: "FALSE" })).hits.map((h) => plain(h.snippet))).toEqual([
      "The bridge cost 40 million.",
    ]);
    expect(ok(await searchPassages(reviewer, "bridge", { ...filters, verdict: "UNRATED" })).hits.map((h) => plain(h.snippet))).toEqual([
      "The bridge opened in 1999.",
    ]);
    expect(ok(await searchPassages(reviewer, "bridge", { ...filters, verdict: "TRUE" })).total).toBe(0);
  });

  it("hides retired articles from reviewers, not from editors", async () => {
    const id = await importText(editor, "Retired Piece\nThe aqueduct was closed for repairs.");
    await prisma.article.update({ where: { id }, data: { retiredAt: new Date() } });
    expect(ok(await searchPassages(reviewer, "aqueduct", NO_FILTERS)).total).toBe(0);
    expect(ok(await searchPassages(editor, "aqueduct", NO_FILTERS)).total).toBe(1);
  });

  it("lists articles whose title matches on the first page", async () => {
    const result = ok(await searchPassages(reviewer, "Unsettling Clarity", NO_FILTERS));
    expect(result.titles.map((t) => t.articleId)).toEqual([seedIds[2]]);
    expect(ok(await searchPassages(reviewer, "Unsettling Clarity", { ...NO_FILTERS, page: 2 })).titles).toEqual([]);
  });
});
