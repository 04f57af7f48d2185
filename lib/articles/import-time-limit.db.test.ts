import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { TRANSACTION_LIMITS } from "@/lib/db/transaction-limits";
import type { Actor } from "@/lib/auth/current-user";
import { importArticle } from "@/lib/articles/data";
import { importArticleSchema } from "@/lib/articles/schemas";
import { longProse } from "@/lib/anchoring/test-fixtures";

/**
 * Issue 19: a 1 MB import failed on the embedded database at 100,000 passages on a loaded
 * machine ("The database is not available right now" after 9.0 s), because its transaction
 * outlived the limit every transaction had. Here indexing the passages is made slower than
 * that limit (a trigger sleeps), as a loaded machine or a large archive makes it.
 */

useTestDatabase();

// Indexing takes a second longer than any other transaction may.
const SLEEP_S = TRANSACTION_LIMITS.default.timeout / 1000 + 1;
// The sleep, 1 MB of passages and its vectors, on a loaded machine.
const SLOW_IMPORT_MS = 180_000;

let editor: Actor;

beforeAll(async () => {
  editor = await prisma.user.create({
    data: { name: "An editor", email: "editor@time-limit.test", role: "EDITOR", passwordHash: "not used" },
    select: { id: true, name: true, email: true, role: true },
  });
  await prisma.$executeRawUnsafe(`
    CREATE FUNCTION slow_indexing() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_sleep(${SLEEP_S}); RETURN NULL; END $$`);
  await prisma.$executeRawUnsafe(`CREATE TRIGGER slow_indexing AFTER INSERT ON "Passage" FOR EACH STATEMENT EXECUTE FUNCTION slow_indexing()`);
});

it(
  "imports a 1 MB article whose indexing takes longer than other transactions may, with its passages and audit event",
  async () => {
    const content = longProse(1024 * 1024);
    const input = importArticleSchema.parse({ format: "TEXT", content, title: "A long article", outlet: "Outlet", url: "", publicationDate: "" });

    const id = await importArticle(editor, input);

    const article = await prisma.article.findUniqueOrThrow({ where: { id }, select: { canonicalText: true } });
    expect(article.canonicalText.length).toBeGreaterThan(1_000_000);
    expect(await prisma.passage.count({ where: { articleId: id } })).toBeGreaterThan(5_000);
    expect(await prisma.auditEvent.findMany({ where: { entityId: id }, select: { action: true, actorId: true } })).toEqual([{ action: "article.import", actorId: editor.id }]);
  },
  SLOW_IMPORT_MS,
);
