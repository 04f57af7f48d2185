import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { authenticate } from "@/lib/auth/login";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import type { DocNode } from "@/lib/documents/schema";
import { DEMO_USERS, SEEDS_DIR, seed } from "@/lib/seed/seed";

/** `npm run seed` against an empty database, then again. */

 
useTestDatabase();

const EXPECTED_TITLES = [
  // 000: the title is the first line.
  "Ukraine advocates tear into Hegseth for giving Russia ‘concessions’ at start of peace talks: ‘Biggest gift’",
  // 001: the title is the first line.
  "Trump’s Early Concessions to Russia Raise Concerns Amid Ukraine Peace Talks",
  // 002: a summary line comes before the title.
  "Unsettling Clarity in Trump's Ukraine Strategy Raises Concerns Among Allies",
  // 003: no title at all, so its first sentence stands in, cut at a word within 160 characters and marked with "…".
  "Defense Secretary Pete Hegseth on Thursday pulled back some of the peace deal concessions he demanded of Ukraine a day earlier, including no NATO membership for…",
];

async function counts() {
  const [users, articles, audit] = await Promise.all([prisma.user.count(), prisma.article.count(), prisma.auditEvent.count()]);
  return { users, articles, audit };
}

describe("seed", () => {
  let first: Awaited<ReturnType<typeof seed>>;

  beforeAll(async () => {
    first = await seed(prisma);
  });

  it("creates the four demo users: one admin, one editor, two reviewers", async () => {
    expect(first.users).toBe(4);
    const users = await prisma.user.findMany({ orderBy: { email: "asc" } });
    expect(users).toHaveLength(4);
    expect(users.map((u) => u.role).sort()).toEqual(["ADMIN", "EDITOR", "REVIEWER", "REVIEWER"]);
    expect(users.map((u) => u.email)).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(users.every((u) => u.disabledAt === null)).toBe(true);
  });

  it("gives the demo users working argon2id passwords", async () => {
    for (const demo of DEMO_USERS) {
      const stored = await prisma.user.findUniqueOrThrow({ where: { email: demo.email }, omit: { passwordHash: false } });
      expect(stored.passwordHash.startsWith("$argon2id$")).toBe(true);
      expect(await authenticate(prisma, { email: demo.email, password: demo.password }, null)).toMatchObject({
        ok: true,
        user: { email: demo.email, role: demo.role },
      });
    }
  });

  it("imports the four sample articles with the expected titles, attributed to the editor", async () => {
    expect(first.articles).toBe(4);
    const editor = await prisma.user.findUniqueOrThrow({ where: { email: "editor@verity.test" } });
    const articles = await prisma.article.findMany({ orderBy: { createdAt: "asc" } });
    expect(articles.map((a) => a.title).sort()).toEqual([...EXPECTED_TITLES].sort());
    for (const article of articles) {
      expect(article).toMatchObject({ outlet: "Unattributed", sourceFormat: "TEXT", importedById: editor.id, retiredAt: null });
    }
  });

  it("stores each article's canonical text as computed from its body, one \\n between blocks", async () => {
    const articles = await prisma.article.findMany();
    for (const article of articles) {
      const body = article.body as unknown as DocNode;
      expect(body.type).toBe("doc");
      expect(article.canonicalText).toBe(canonicalText(body));
      expect(article.canonicalText).not.toContain("\n\n");
      expect(article.canonicalText).toBe(article.canonicalText.trim());
      expect(article.canonicalText.split("\n")).toHaveLength(body.content.length);
    }
  });

  it("keeps a summary line that precedes the title in the body, and drops a repeated title", async () => {
    const article = await prisma.article.findFirstOrThrow({ where: { title: EXPECTED_TITLES[2] } });
    expect(article.canonicalText.startsWith("A recent speech by US Defence Secretary Pete Hegseth")).toBe(true);
    expect(article.canonicalText).not.toContain(EXPECTED_TITLES[2]);
  });

  it("audits every user and article it creates", async () => {
    const users = await prisma.auditEvent.findMany({ where: { action: "user.create", entityType: "User" } });
    const articles = await prisma.auditEvent.findMany({ where: { action: "article.import", entityType: "Article" } });
    expect(users).toHaveLength(4);
    expect(articles).toHaveLength(4);
    const auditText = JSON.stringify(users.map((e) => e.after));
    for (const demo of DEMO_USERS) expect(auditText).not.toContain(demo.password);
  });

  it("creates nothing the second time and leaves every row as it was", async () => {
    const before = await counts();
    const beforeRows = await prisma.article.findMany({ orderBy: { id: "asc" } });
    expect(await seed(prisma)).toEqual({ users: 0, articles: 0 });
    expect(await counts()).toEqual(before);
    expect(await prisma.article.findMany({ orderBy: { id: "asc" } })).toEqual(beforeRows);
  });

  it("recognises an article already imported even after an editor changed its title", async () => {
    const article = await prisma.article.findFirstOrThrow({ where: { title: EXPECTED_TITLES[0] } });
    await prisma.article.update({ where: { id: article.id }, data: { title: "Renamed by an editor" } });
    const before = await counts();
    expect(await seed(prisma)).toEqual({ users: 0, articles: 0 });
    expect(await counts()).toEqual(before);
  });

  it("imports only a sample file it has not seen, and ignores files that are not .txt", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "verity-seeds-"));
    try {
      await cp(SEEDS_DIR, dir, { recursive: true });
      await writeFile(path.join(dir, "900_extra.txt"), "An Extra Sample Headline\n\nIts only paragraph says something checkable.\n");
      await writeFile(path.join(dir, "README.md"), "Not an article.\n");
      const before = await counts();

      expect(await seed(prisma, dir)).toEqual({ users: 0, articles: 1 });

      expect(await counts()).toEqual({ users: before.users, articles: before.articles + 1, audit: before.audit + 1 });
      const extra = await prisma.article.findFirstOrThrow({ where: { title: "An Extra Sample Headline" } });
      expect(extra.canonicalText).toBe("Its only paragraph says something checkable.");
      expect(await prisma.article.count({ where: { title: "Not an article." } })).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
