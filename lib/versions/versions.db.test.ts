import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, useTestDatabase, withClient } from "@/test/db";
import { databaseState } from "@/test/db-snapshot";
import { prisma } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import type { Actor } from "@/lib/auth/current-user";
import { FieldError, ForbiddenError } from "@/lib/errors";
import { addEvidence } from "@/lib/claims/data";
import { auditSince, lastAuditId, makeArticle, makeClaim, makeUser, spanOf, type TestArticle } from "@/lib/claims/test-fixtures";
import { listUnreadNotifications } from "@/lib/notifications/data";
import { confirmVersion, currentVersion, getVersion, listVersions, previewVersion } from "@/lib/versions/data";
import { addBlindMark, closeMarking, openMarking, reconcileMarks } from "@/lib/marking/writes";
import { VERSION_IN_MARKING } from "@/lib/marking/rules";
import type { NewVersionInput } from "@/lib/versions/schemas";
import { loadArticleExport } from "@/lib/export/data";
import { importArticle } from "@/lib/articles/data";
import { renderMarkdown } from "@/lib/export/markdown";
import { NEWS_PATH, startNewsServer, type NewsServer } from "@/lib/import/url/__fixtures__/news-server";

/**
 * A new version of an article: the review writes nothing; confirming replaces the text and
 * its passages, re-anchors claims and evidence, sends changed and orphaned claims back and
 * tells their reviewers, all audited in one transaction; old versions stay readable.
 */

useTestDatabase();

const LINES = [
  "Harbour Plan Approved",
  "The port authority said the new harbour will create 2,000 jobs.",
  "Construction starts next spring and ends in 2027.",
  "The mayor called it the largest investment in the city's history.",
  "Critics said the plan ignores the fishing fleet.",
];

// Version 2: an editor's note on top; the jobs figure corrected (a changed claim); the
// construction sentence deleted (an orphaned claim); the critics' paragraph moved up (a moved claim).
const VERSION_2_LINES = [
  "Harbour Plan Approved",
  "Update: this article now includes the authority's revised figure.",
  "Critics said the plan ignores the fishing fleet.",
  "The port authority said the new harbour will create 1,200 jobs.",
  "The mayor called it the largest investment in the city's history.",
];
/** The text of version 2: as an import reads pasted text, its first line is the title, not text. */
const VERSION_2 = VERSION_2_LINES.slice(1).join("\n");

let reviewer: Actor;
let editor: Actor;
let otherEditor: Actor;

beforeAll(async () => {
  [reviewer, editor, otherEditor] = await Promise.all([makeUser("REVIEWER", "Rita Reviewer"), makeUser("EDITOR", "Elena Editor"), makeUser("EDITOR", "Ben Editor")]);
});

const input = (article: TestArticle, content = VERSION_2_LINES.join("\n")): NewVersionInput => ({
  articleId: article.id,
  sourceUrl: null,
  format: "TEXT",
  content,
  file: null,
  outletUpdatedOn: new Date("2026-12-01T00:00:00Z"),
});

async function annotatedArticle() {
  const article = await makeArticle(LINES);
  const changed = await makeClaim(reviewer, article, "will create 2,000 jobs", { verdict: "MOSTLY_FALSE", rationale: "600 jobs.", state: "SUBMITTED" });
  const orphaned = await makeClaim(reviewer, article, "Construction starts next spring", { verdict: "TRUE", rationale: "Permits.", state: "APPROVED" });
  await prisma.claim.update({ where: { id: orphaned.id }, data: { approvedById: otherEditor.id, approvedAt: new Date() } });
  const moved = await makeClaim(reviewer, article, "the plan ignores the fishing fleet", { state: "DRAFT" });
  const unchanged = await makeClaim(reviewer, article, "the largest investment in the city's history", { state: "SUBMITTED" });
  // A claim elsewhere quotes this article as evidence.
  const other = await makeArticle(["Fleet Report", "Fishers fear the harbour plan."]);
  const citing = await makeClaim(reviewer, other, "Fishers fear the harbour plan.");
  const { id: evidenceId } = await addEvidence(reviewer, { kind: "PASSAGE", claimId: citing.id, version: citing.version, stance: "SUPPORTS", sourceArticleId: article.id, ...spanOf(article.text, "ignores the fishing fleet") }).then(async () =>
    prisma.evidence.findFirstOrThrow({ where: { claimId: citing.id } }),
  );
  return { article, changed, orphaned, moved, unchanged, citing, evidenceId };
}

describe("previewVersion", () => {
  it("shows what moved, what changed (old and new words) and what is orphaned, and writes nothing", async () => {
    const { article, changed, orphaned, moved, unchanged, evidenceId } = await annotatedArticle();
    const before = await databaseState();
    const review = await previewVersion(editor, input(article));
    expect(await databaseState()).toEqual(before);
    expect(review).toMatchObject({ basedOn: 1, number: 2, sameText: false, outletUpdatedOn: "2026-12-01" });
    const byId = new Map(review.claims.map((c) => [c.id, c]));
    expect(byId.get(changed.id)).toMatchObject({ kind: "changed", oldExact: "will create 2,000 jobs", newExact: "will create 1,200 jobs", needsReview: true, stateBefore: "SUBMITTED", stateAfter: "CHANGES_REQUESTED" });
    const parts = byId.get(changed.id)!.parts!;
    const side = (change: "removed" | "added") => parts.filter((p) => p.change !== change).map((p) => p.text).join("");
    expect([side("added"), side("removed")]).toEqual(["will create 2,000 jobs", "will create 1,200 jobs"]);
    expect(parts.filter((p) => p.change === "removed").map((p) => p.text)).toEqual(["2", "000"]);
    expect(byId.get(orphaned.id)).toMatchObject({ kind: "orphaned", reason: "not found", newExact: null, needsReview: true, stateAfter: "APPROVED" });
    expect(byId.get(moved.id)).toMatchObject({ kind: "moved", newExact: "the plan ignores the fishing fleet", needsReview: false, stateAfter: "DRAFT" });
    expect(byId.get(unchanged.id)).toMatchObject({ kind: "unchanged", needsReview: false });
    expect(review.evidence).toEqual([expect.objectContaining({ id: evidenceId, kind: "moved", newExact: "ignores the fishing fleet" })]);
  });

  it("is for editors: a reviewer is refused", async () => {
    const { article } = await annotatedArticle();
    await expect(previewVersion(reviewer, input(article))).rejects.toThrow(ForbiddenError);
  });
});

describe("confirmVersion", () => {
  it("makes the version current in one audited transaction, re-anchoring every span and sending changed claims back", async () => {
    const { article, changed, orphaned, moved, unchanged, evidenceId } = await annotatedArticle();
    const review = await previewVersion(editor, input(article));
    const mark = await lastAuditId();

    expect(await confirmVersion(editor, { ...input(article), basedOn: review.basedOn, digest: review.digest })).toBe(2);

    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.canonicalText).toBe(VERSION_2);
    const passages = await prisma.passage.findMany({ where: { articleId: article.id }, orderBy: { ordinal: "asc" } });
    expect(passages.map((p) => p.text)).toContain("The port authority said the new harbour will create 1,200 jobs.");
    for (const p of passages) expect(VERSION_2.slice(p.startOffset, p.endOffset)).toBe(p.text);

    const claim = (id: string) => prisma.claim.findUniqueOrThrow({ where: { id } });
    const c = await claim(changed.id);
    expect(c).toMatchObject({ state: "CHANGES_REQUESTED", exact: "will create 1,200 jobs", anchorStatus: "ANCHORED", version: changed.version + 1 });
    expect(VERSION_2.slice(c.startOffset, c.endOffset)).toBe("will create 1,200 jobs");
    expect(c.reviewNote).toContain("Version 2 of the article changed the words this claim quotes");
    // An approved claim stays approved (nothing leaves a public page silently), orphaned, its quote kept.
    expect(await claim(orphaned.id)).toMatchObject({ state: "APPROVED", anchorStatus: "ORPHANED", exact: "Construction starts next spring" });
    const m = await claim(moved.id);
    expect(VERSION_2.slice(m.startOffset, m.endOffset)).toBe("the plan ignores the fishing fleet");
    expect(m).toMatchObject({ state: "DRAFT", reviewNote: null });
    expect(await claim(unchanged.id)).toMatchObject({ state: "SUBMITTED", exact: unchanged.exact });
    const evidence = await prisma.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
    expect(VERSION_2.slice(evidence.startOffset!, evidence.endOffset!)).toBe("ignores the fishing fleet");

    // The reviewer hears of both claims; the editor who approved the orphaned one too.
    const told = await listUnreadNotifications(reviewer);
    expect(told.map((n) => [n.kind, n.claim.id]).sort()).toEqual([["TEXT_CHANGED", changed.id], ["TEXT_CHANGED", orphaned.id]].sort());
    expect((await listUnreadNotifications(otherEditor)).map((n) => n.claim.id)).toEqual([orphaned.id]);

    const events = await auditSince(mark);
    expect(events.every((e) => e.actorId === editor.id)).toBe(true);
    expect(events.map((e) => e.action).sort()).toEqual(["article.new_version", "claim.reanchored", "claim.reanchored", "claim.reanchored", "claim.reanchored", "evidence.reanchored"].sort());

    const { versions } = await listVersions(reviewer, article.id);
    expect(versions.map((v) => [v.number, v.source])).toEqual([
      [2, "PASTE"],
      [1, "IMPORT"],
    ]);
    const old = await getVersion(reviewer, article.id, 1);
    expect(old).toMatchObject({ isCurrent: false, previousText: null, version: { canonicalText: article.text } });
    expect(await getVersion(reviewer, article.id, 2)).toMatchObject({ isCurrent: true, previousText: article.text });
    expect(await currentVersion(prisma, article.id)).toEqual({ number: 2, outletUpdatedOn: new Date("2026-12-01T00:00:00Z") });
    // Exports name the version they are made from.
    const exported = await loadArticleExport(editor, article.id, { appUrl: "https://verity.example", includePending: true });
    expect(exported.article.version).toEqual({ number: 2, updatedOn: "2026-12-01" });
    expect(renderMarkdown(exported)).toContain("version 2, updated by the outlet on 1 Dec 2026");
  });

  it("refuses a text other than the one reviewed, or a review another version overtook, and writes nothing", async () => {
    const { article } = await annotatedArticle();
    const review = await previewVersion(editor, input(article));
    const before = await databaseState();
    const other = `${VERSION_2_LINES.join("\n")}\nA late paragraph.`;
    await expect(confirmVersion(editor, { ...input(article, other), basedOn: 1, digest: review.digest })).rejects.toThrow(
      new FieldError("content", "The article changed since you reviewed this version. Review it again."),
    );
    expect(await databaseState()).toEqual(before);

    await confirmVersion(otherEditor, { ...input(article), basedOn: 1, digest: review.digest });
    const after = await databaseState();
    await expect(confirmVersion(editor, { ...input(article), basedOn: 1, digest: review.digest })).rejects.toThrow(FieldError);
    expect(await databaseState()).toEqual(after);
  });

  it("is for editors: a reviewer is refused and nothing is written", async () => {
    const { article } = await annotatedArticle();
    const review = await previewVersion(editor, input(article));
    const before = await databaseState();
    await expect(confirmVersion(reviewer, { ...input(article), basedOn: 1, digest: review.digest })).rejects.toThrow(ForbiddenError);
    expect(await databaseState()).toEqual(before);
  });

  it("waits for blind marking to end: marks are offsets into the current text, so a new version is refused until their round is decided", async () => {
    const { article } = await annotatedArticle();
    const review = await previewVersion(editor, input(article));
    const { roundId } = await openMarking(editor, { articleId: article.id, size: 2, reviewerIds: [reviewer.id, otherEditor.id] });
    const { markId } = await addBlindMark(reviewer, { roundId, ...spanOf(article.text, "the largest investment"), restatement: "The largest investment ever." });
    const before = await databaseState();
    await expect(previewVersion(editor, input(article))).rejects.toThrow(VERSION_IN_MARKING);
    await expect(confirmVersion(editor, { ...input(article), basedOn: 1, digest: review.digest })).rejects.toThrow(VERSION_IN_MARKING);
    expect(await databaseState()).toEqual(before);
    // Revealed, its marks still wait for the editor's decision; once decided, the version comes in.
    await closeMarking(editor, { roundId });
    await expect(previewVersion(editor, input(article))).rejects.toThrow(VERSION_IN_MARKING);
    await reconcileMarks(editor, { outcome: "set_aside", markId });
    await expect(confirmVersion(editor, { ...input(article), basedOn: 1, digest: review.digest })).resolves.toBe(2);
  });
});

describe("importing an article", () => {
  it("keeps its text as version 1", async () => {
    const id = await importArticle(editor, {
      format: "TEXT",
      content: LINES.join("\n"),
      file: null,
      sourceUrl: null,
      fetched: null,
      edits: null,
      // The fixture article has the same text.
      importAnyway: true,
      language: null,
      title: null,
      outlet: "Harbour Herald",
      url: null,
      publicationDate: null,
    });
    const { versions } = await listVersions(reviewer, id);
    expect(versions).toEqual([expect.objectContaining({ number: 1, source: "IMPORT", sourceFormat: "TEXT", outletUpdatedOn: null, createdBy: { name: "Elena Editor" } })]);
    expect((await getVersion(reviewer, id, 1)).version.canonicalText).toBe(LINES.slice(1).join("\n"));
  });
});

describe("the migration", () => {
  it("gives every existing article its text as version 1", async () => {
    // A database of its own beside this file's: on the embedded database, not inside it (DATABASE_URL points there).
    const current = process.env.DATABASE_URL;
    if (!process.env.TEST_DATABASE_URL) delete process.env.DATABASE_URL;
    const database = await createTestDatabase({ migrate: false }).finally(() => {
      process.env.DATABASE_URL = current;
    });
    const dir = mkdtempSync(path.join(tmpdir(), "verity-migrations-"));
    try {
      const all = readdirSync("prisma/migrations").filter((name) => /^\d/.test(name)).sort();
      for (const name of all.filter((n) => n < "20261204060001")) cpSync(path.join("prisma/migrations", name), path.join(dir, name), { recursive: true });
      await migrate(database.url, { dir });
      await withClient(database.url, async (client) => {
        await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('u1', 'e@x.test', 'E', 'x', now())`);
        await client.query(
          `INSERT INTO "Article" (id, title, outlet, body, "canonicalText", "sourceFormat", "importedById", "updatedAt") VALUES ('a1', 'T', 'O', '{"type":"doc","content":[]}', 'Old text', 'HTML', 'u1', now())`,
        );
      });
      await migrate(database.url);
      const rows = await withClient(database.url, (client) => client.query(`SELECT "articleId", number, "canonicalText", source, "sourceFormat", "createdById" FROM "ArticleVersion"`));
      expect(rows.rows).toEqual([{ articleId: "a1", number: 1, canonicalText: "Old text", source: "IMPORT", sourceFormat: "HTML", createdById: "u1" }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }
  });
});

describe("a new version fetched from a web address", () => {
  let site: NewsServer;
  beforeAll(async () => {
    site = await startNewsServer();
    process.env.VERITY_FETCH_ALLOW_HOSTS = site.host;
  });
  afterAll(async () => {
    delete process.env.VERITY_FETCH_ALLOW_HOSTS;
    await site.close();
  });

  it("reads the page again as an import from it does, re-anchors the claims on it, and records it as fetched", async () => {
    const article = await makeArticle([
      "Harbour council approves £12m sea wall",
      "The harbour council voted seven to two on Tuesday night to build a £12m sea wall along the eastern promenade.",
      "Opponents argued that the cost would fall on local taxpayers.",
    ]);
    await makeClaim(reviewer, article, "voted seven to two");
    const fetched = { ...input(article, ""), content: null, sourceUrl: site.origin + NEWS_PATH };
    const review = await previewVersion(editor, fetched);
    expect(review.claims).toEqual([expect.objectContaining({ oldExact: "voted seven to two", newExact: "voted seven to two" })]);
    await confirmVersion(editor, { ...fetched, basedOn: review.basedOn, digest: review.digest });
    const { versions } = await listVersions(editor, article.id);
    expect(versions[0]).toMatchObject({ number: review.number, source: "FETCH", sourceFormat: "HTML" });
    // The page's cookie notice and newsletter box were left out, as an import leaves them out.
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.canonicalText).toContain("ending three years of argument");
    expect(stored.canonicalText).not.toContain("We use cookies");
  });

  it("refuses an address it may not fetch on the web address field, writing nothing", async () => {
    const article = await makeArticle(LINES);
    const before = await databaseState();
    await expect(previewVersion(editor, { ...input(article, ""), content: null, sourceUrl: "http://169.254.169.254/latest/meta-data" })).rejects.toMatchObject({ field: "sourceUrl" });
    expect(await databaseState()).toEqual(before);
  });
});
