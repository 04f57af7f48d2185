import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { recordFirstVersion } from "@/lib/versions/first-version";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { importPlainText } from "@/lib/import/plain-text";
import { indexMissingPassages, indexPassages } from "@/lib/search/index-passages";
import { detectLanguage } from "@/lib/languages/detect";

/** The demo accounts `npm start` prints. Change or disable them before real use. */
export const DEMO_USERS: ReadonlyArray<{ name: string; email: string; role: Role; password: string }> = [
  { name: "Avery Admin", email: "admin@verity.test", role: "ADMIN", password: "verity-admin" },
  { name: "Elena Editor", email: "editor@verity.test", role: "EDITOR", password: "verity-editor" },
  { name: "Ravi Reviewer", email: "reviewer@verity.test", role: "REVIEWER", password: "verity-reviewer" },
  { name: "Rosa Reviewer", email: "reviewer2@verity.test", role: "REVIEWER", password: "verity-reviewer" },
];

export const SEEDS_DIR = path.join(process.cwd(), "seeds");
// The sample texts say nothing about where they were published; an editor can fill it in.
const SEED_OUTLET = "Unattributed";

/**
 * Creates the demo users and imports the sample articles that are not there yet.
 * Running it again changes nothing: users are matched by email, articles by their text.
 */
export async function seed(db: Db, seedsDir = SEEDS_DIR) {
  const created = { users: 0, articles: 0 };
  for (const demo of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: demo.email }, select: { id: true } })) continue;
    const passwordHash = await hashPassword(demo.password);
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name: demo.name, email: demo.email, role: demo.role, passwordHash } });
      await recordAudit(tx, {
        actorId: null,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        after: { name: demo.name, email: demo.email, role: demo.role, seeded: true },
      });
    });
    created.users++;
  }

  const importer = await db.user.findUnique({ where: { email: "editor@verity.test" }, select: { id: true } });
  const files = (await readdir(seedsDir)).filter((f) => f.endsWith(".txt")).sort();
  for (const file of files) {
    const { title, doc } = importPlainText(await readFile(path.join(seedsDir, file), "utf8"));
    const text = canonicalText(doc);
    const language = await detectLanguage(text);
    if (await db.article.findFirst({ where: { canonicalText: text }, select: { id: true } })) continue;
    await db.$transaction(async (tx) => {
      const article = await tx.article.create({
        data: {
          title,
          outlet: SEED_OUTLET,
          body: doc as unknown as Prisma.InputJsonValue,
          canonicalText: text,
          sourceFormat: "TEXT",
          language,
          importedById: importer?.id,
        },
      });
      await indexPassages(tx, article.id, text, language);
      await recordFirstVersion(tx, { ...article, body: doc as unknown as Prisma.InputJsonValue });
      await recordAudit(tx, { actorId: null, action: "article.import", entityType: "Article", entityId: article.id, after: { title, language, seedFile: file } });
    });
    created.articles++;
  }
  // Articles imported before passages existed get theirs now.
  await indexMissingPassages(db);
  return created;
}
