import { useTestDatabase, withClient } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { importArticle, updateArticleDetails } from "@/lib/articles/data";
import { createClaim } from "@/lib/claims/data";
import { seed } from "@/lib/seed/seed";
import { searchPassages } from "@/lib/search/search";
import { articleConditions, searchConfigsStatement } from "@/lib/search/statements";
import { Prisma } from "@/lib/generated/prisma/client";
import { suggestEvidence } from "@/lib/search/evidence";
import { MARK_END, MARK_START } from "@/lib/search/snippet";
import type { SearchFilters, SearchOutcome } from "@/lib/search/types";
import { auditSince, lastAuditId } from "@/lib/claims/test-fixtures";

/**
 * Articles in other languages (issue 14): detected at import, indexed with their language's
 * text search configuration, so a word in another inflection finds them; the language filter;
 * suggested evidence and respelt searches in the article's language; and what a database
 * without a language's stemmer says. Run on PostgreSQL (TEST_DATABASE_URL) and on the
 * embedded PGlite (without it).
 */

const database = useTestDatabase();

const ANY: SearchFilters = { outlet: null, language: null, from: null, to: null, claims: null, verdict: null, page: 1 };

/** News paragraphs written for these tests; each language's passage holds the word its query inflects. */
const ARTICLES = {
  fr: [
    "Le gouvernement présente son plan d'économies",
    "Le ministre a annoncé mardi un plan de dix milliards d'euros pour relancer l'économie du pays.",
    "Selon l'Insee, la croissance a atteint 1,1 % l'an dernier, un chiffre inférieur aux prévisions.",
    "« Nous tiendrons nos engagements », a déclaré Emmanuel Macron devant les députés.",
  ],
  de: [
    "Mieten in Berlin steigen weiter",
    "Die Mieten in Berlin sind im vergangenen Jahr um sieben Prozent gestiegen, teilte das Statistikamt mit.",
    "Ein Haus in der Innenstadt kostet inzwischen doppelt so viel wie vor zehn Jahren.",
    "„Wir bauen zu wenig“, sagte die Senatorin am Montag.",
  ],
  es: [
    "Las ventas al exterior marcan un récord",
    "La exportación de vino creció un 4 % en el primer trimestre, según el Instituto Nacional de Estadística.",
    "El Gobierno atribuye el crecimiento a los nuevos acuerdos comerciales firmados con Asia.",
  ],
  pt: [
    "Salário mínimo terá novo reajuste",
    "O governo anunciou um aumento de 6 % no salário mínimo a partir de janeiro, segundo o Ministério do Trabalho.",
    "Os sindicatos afirmam que o valor ainda não recupera a inflação dos últimos dois anos.",
  ],
  ru: [
    "Правительство повысит выплаты пенсионерам",
    "Правительство объявило о повышении пенсии на три процента с первого января следующего года.",
    "По данным министерства, выплаты получат более сорока миллионов человек.",
  ],
  ar: [
    "الحكومة تعلن خطة جديدة للنمو",
    "أعلنت الحكومة يوم الثلاثاء عن خطة لدعم الاقتصاد بقيمة خمسة مليارات دولار.",
    "وقال وزير المالية إن معدل النمو بلغ ثلاثة في المئة العام الماضي.",
  ],
} as const;

/** A query in another inflection than its article's word, and the word it must find. */
const INFLECTED: Array<[language: keyof typeof ARTICLES, query: string, found: string]> = [
  ["fr", "économies", "économie"],
  ["de", "Häusern", "Haus"],
  ["es", "exportaciones", "exportación"],
  ["pt", "aumentos", "aumento"],
  ["ru", "пенсий", "пенсии"],
  ["ar", "الاقتصادية", "الاقتصاد"],
];

let editor: Actor;
const ids = new Map<string, string>();

function ok(outcome: SearchOutcome) {
  if (outcome.status !== "ok") throw new Error(`expected results, got "${outcome.message}"`);
  return outcome;
}

/** The words a hit's snippet marks as matched. */
function marked(snippet: string): string[] {
  return Array.from(snippet.matchAll(new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, "g")), (m) => m[1]);
}

async function importText(lines: readonly string[], language: string | null = null) {
  return importArticle(editor, {
    format: "TEXT",
    content: lines.join("\n"),
    file: null,
    title: null,
    outlet: "Languages Test",
    url: null,
    publicationDate: null,
    language,
    sourceUrl: null,
    fetched: null,
    edits: null,
    // Several tests import the same text in another language.
    importAnyway: true,
  });
}

async function configOf(articleId: string): Promise<{ article: string; passages: string[] }> {
  return withClient(database.url, async (client) => {
    const article = (await client.query(`SELECT "searchConfig"::text AS c FROM "Article" WHERE id = $1`, [articleId])).rows[0].c;
    const passages = (await client.query(`SELECT DISTINCT "searchConfig"::text AS c FROM "Passage" WHERE "articleId" = $1`, [articleId])).rows.map((r) => r.c);
    return { article, passages };
  });
}

async function hasConfiguration(name: string): Promise<boolean> {
  return withClient(database.url, async (client) => (await client.query(`SELECT 1 FROM pg_ts_config WHERE cfgname = $1`, [name])).rowCount === 1);
}

beforeAll(async () => {
  await seed(prisma);
  editor = await prisma.user.findUniqueOrThrow({ where: { email: "editor@verity.test" }, select: { id: true, name: true, email: true, role: true } });
  // Imported without a language: each is detected.
  for (const [language, lines] of Object.entries(ARTICLES)) ids.set(language, await importText(lines));
});

describe("an article in another language", () => {
  it("gets its language detected at import, and its title and passages that language's configuration", async () => {
    const expected = { fr: "french", de: "german", es: "spanish", pt: "portuguese", ru: "russian", ar: "arabic" };
    for (const [language, config] of Object.entries(expected)) {
      const id = ids.get(language)!;
      expect(await prisma.article.findUniqueOrThrow({ where: { id }, select: { language: true } })).toEqual({ language });
      expect(await configOf(id)).toEqual({ article: config, passages: [config] });
    }
  });

  it.each(INFLECTED)("%s: a query in another inflection (%s) finds the passage with %s", async (language, query, found) => {
    const result = ok(await searchPassages(editor, query, ANY));
    expect(result.hits.map((hit) => hit.articleId)).toEqual([ids.get(language)]);
    expect(marked(result.hits[0].snippet)).toContain(found);
    expect(result.fuzzy).toBe(false);
    expect(result.stemming).toEqual([]);
  });

  it("is found by its title in its own language", async () => {
    const result = ok(await searchPassages(editor, "loyer Mieten", ANY));
    expect(result.total).toBe(0);
    const titles = ok(await searchPassages(editor, "Miete", ANY)).titles;
    expect(titles.map((t) => t.articleId)).toEqual([ids.get("de")]);
  });

  it("drops its language's stop words from a query, not another's", async () => {
    // "des" and "der" are stop words in French and German; in English they would be words to find.
    expect(ok(await searchPassages(editor, "des économies", ANY)).hits.map((h) => h.articleId)).toEqual([ids.get("fr")]);
    expect(ok(await searchPassages(editor, "der Häusern", ANY)).hits.map((h) => h.articleId)).toEqual([ids.get("de")]);
  });

  it("is searched again with similar spellings in its language when the words are misspelt", async () => {
    // Without its accent the word stems to "econom", which no French passage has; the dictionary's "économie" does.
    const result = ok(await searchPassages(editor, "economie", { ...ANY, language: "fr" }));
    expect(result.fuzzy).toBe(true);
    expect(result.hits.map((h) => h.articleId)).toEqual([ids.get("fr")]);
  });

  it("gets suggested evidence from other articles in its language, by the stems of the claim's words", async () => {
    const other = await importText(["Bilan de l'année", "Les économies d'énergie des ménages ont reculé de 3 % selon l'Insee."]);
    const article = await prisma.article.findUniqueOrThrow({ where: { id: ids.get("fr") }, select: { canonicalText: true } });
    const exact = "Selon l'Insee, la croissance a atteint 1,1 % l'an dernier, un chiffre inférieur aux prévisions.";
    const start = article.canonicalText.indexOf(exact);
    const { id: claimId } = await createClaim(editor, {
      articleId: ids.get("fr")!,
      start,
      end: start + exact.length,
      exact,
      restatement: "Les économies des ménages ont reculé selon l'Insee",
    });
    const suggestions = await suggestEvidence(editor, claimId);
    expect(suggestions[0]).toMatchObject({ articleId: other, text: "Les économies d'énergie des ménages ont reculé de 3 % selon l'Insee." });
    await prisma.claim.delete({ where: { id: claimId } });
    await prisma.article.delete({ where: { id: other } });
  });

  it("is indexed in its new language when an editor changes it, and the change is audited", async () => {
    const id = await importText(["Ein kurzer Bericht", "Der Bürgermeister besuchte am Montag die neuen Häuser am Hafen."]);
    expect(ok(await searchPassages(editor, "Haus", { ...ANY, language: "de" })).hits.map((h) => h.articleId)).toContain(id);
    const since = await lastAuditId();
    await updateArticleDetails(editor, { articleId: id, title: "Ein kurzer Bericht", outlet: "Languages Test", url: null, publicationDate: null, language: "nl" });
    expect(await configOf(id)).toEqual({ article: "dutch", passages: ["dutch"] });
    expect((await auditSince(since)).map((e) => [e.action, (e.before as { language: string }).language, (e.after as { language: string }).language])).toEqual([
      ["article.update_details", "de", "nl"],
    ]);
    expect(ok(await searchPassages(editor, "Bürgermeister", { ...ANY, language: "nl" })).hits.map((h) => h.articleId)).toEqual([id]);
    await prisma.article.delete({ where: { id } });
  });
});

describe("the language filter", () => {
  it("limits a search to the articles of one language", async () => {
    const both = ok(await searchPassages(editor, "Macron", ANY));
    const german = await importText(["Besuch in Berlin", "Der französische Präsident Emmanuel Macron traf am Montag den Bundeskanzler in Berlin."]);
    const all = ok(await searchPassages(editor, "Macron", ANY));
    expect(all.total).toBe(both.total + 1);
    expect(ok(await searchPassages(editor, "Macron", { ...ANY, language: "fr" })).hits.map((h) => h.articleId)).toEqual([ids.get("fr")]);
    expect(ok(await searchPassages(editor, "Macron", { ...ANY, language: "de" })).hits.map((h) => h.articleId)).toEqual([german]);
    expect(ok(await searchPassages(editor, "Macron", { ...ANY, language: "es" })).total).toBe(0);
    await prisma.article.delete({ where: { id: german } });
  });

  it("parses the query only in the filtered language", async () => {
    // "Häusern" stems to "haus" in German only: limited to French articles, nothing matches.
    expect(ok(await searchPassages(editor, "Häusern", { ...ANY, language: "fr" })).total).toBe(0);
    expect(ok(await searchPassages(editor, "Häusern", { ...ANY, language: "de" })).total).toBe(1);
  });
});

describe("a language this database cannot stem", () => {
  it("is searched by exact words, and the search says so", async () => {
    const polish = await importText(["Rząd podnosi płacę minimalną", "Rząd ogłosił we wtorek podwyżkę płacy minimalnej o osiem procent."], "pl");
    expect(await configOf(polish)).toEqual({ article: "simple", passages: ["simple"] });
    const exact = ok(await searchPassages(editor, "podwyżkę", { ...ANY, language: "pl" }));
    expect(exact.hits.map((h) => h.articleId)).toEqual([polish]);
    expect(exact.stemming).toEqual(["PostgreSQL has no stemming for Polish; search matches exact words in it."]);
    await prisma.article.delete({ where: { id: polish } });
  });

  it("Estonian: stemmed where the database ships its configuration (PGlite, PostgreSQL 16+), exact words and a notice where not", async () => {
    const estonian = await importText(["Valitsus tõstab pensione", "Valitsus teatas teisipäeval, et pensionid tõusevad järgmisest aastast viis protsenti."], "et");
    const stemmed = await hasConfiguration("estonian");
    expect(await configOf(estonian)).toEqual(stemmed ? { article: "estonian", passages: ["estonian"] } : { article: "simple", passages: ["simple"] });
    const result = ok(await searchPassages(editor, "pensionid", { ...ANY, language: "et" }));
    expect(result.hits.map((h) => h.articleId)).toEqual([estonian]);
    expect(result.stemming).toEqual(stemmed ? [] : ["Stemming for Estonian is not available on this database; search matches exact words."]);
    await prisma.article.delete({ where: { id: estonian } });
  });
});

describe("the configurations a search parses its query with", () => {
  /** What searchConfigsStatement answers, and what a plain DISTINCT over the same articles gives. */
  async function pairsBothWays(viewer: Actor, filters: SearchFilters) {
    const statement = searchConfigsStatement(viewer, filters);
    const plain = Prisma.sql`SELECT DISTINCT a."searchConfig"::text AS config, a.language FROM "Article" a
                              WHERE true ${articleConditions(viewer, filters, Prisma.sql`a.id`)} ORDER BY 1, 2`;
    return withClient(database.url, async (client) => ({
      walked: (await client.query(statement.text, statement.values)).rows,
      plain: (await client.query(plain.text, plain.values)).rows,
    }));
  }

  it("are those of the articles searched: visible and filtered, languages unknown included", async () => {
    const reviewer = await prisma.user.findUniqueOrThrow({ where: { email: "reviewer@verity.test" }, select: { id: true, name: true, email: true, role: true } });
    // A language only a retired article has, and an article whose language is not known.
    const retired = await importText(["Ein zurückgezogener Bericht", "Der Hafen wurde am Montag für den Verkehr gesperrt."], "de-AT");
    await prisma.article.update({ where: { id: retired }, data: { retiredAt: new Date() } });
    const unknown = await importText(["1234 5678", "9012 3456 7890."]);
    await prisma.article.update({ where: { id: unknown }, data: { language: null } });
    try {
      for (const [viewer, filters] of [
        [editor, ANY],
        [reviewer, ANY],
        [reviewer, { ...ANY, language: "fr" }],
        [editor, { ...ANY, outlet: "Languages Test" }],
        [editor, { ...ANY, outlet: "No Such Outlet" }],
      ] as const) {
        const { walked, plain } = await pairsBothWays(viewer, filters);
        expect(walked).toEqual(plain);
      }
      const everyPair = (await pairsBothWays(editor, ANY)).walked;
      expect(everyPair).toContainEqual({ config: "german", language: "de-AT" });
      expect(everyPair.filter((pair) => pair.language === null).length).toBeGreaterThan(0);
      expect((await pairsBothWays(reviewer, ANY)).walked).not.toContainEqual({ config: "german", language: "de-AT" });
    } finally {
      await prisma.article.deleteMany({ where: { id: { in: [retired, unknown] } } });
    }
  });

  it("find a phrase through its pairs of words in the article's own language", async () => {
    const french = ids.get("fr")!;
    // Stemmed as French ("milliards" is 'milliard'), with the stop word "de" inside the phrase.
    for (const phrase of ['"plan de dix milliards"', '"dix milliard"', '"croissance a atteint"']) {
      expect(ok(await searchPassages(editor, phrase, ANY)).hits.map((hit) => hit.articleId)).toEqual([french]);
    }
    // The same words, not side by side in that order, are not the phrase.
    expect(ok(await searchPassages(editor, '"milliards dix"', ANY)).total).toBe(0);
    expect(ok(await searchPassages(editor, '"plan milliards"', ANY)).total).toBe(0);
  });
});
