import { prisma } from "@/lib/db/client";
import { canonicalText } from "@/lib/anchoring";
import { importPlainText } from "@/lib/import/plain-text";
import type { Actor } from "@/lib/auth/current-user";
import type { ClaimState, Role } from "@/lib/generated/prisma/enums";
import type { CreateClaimInput } from "@/lib/claims/types";
import { addEvidence, createClaim } from "@/lib/claims/data";

/** Users, articles and claims for the claims tests, made directly in the test database. */

let serial = 0;

export async function makeUser(role: Role, name = `${role.toLowerCase()} ${serial + 1}`): Promise<Actor> {
  serial += 1;
  return prisma.user.create({
    // Nobody signs in during these tests, so the hash is never checked.
    data: { name, email: `user${serial}@claims.test`, role, passwordHash: "unused" },
    select: { id: true, name: true, email: true, role: true },
  });
}

export interface TestArticle {
  id: string;
  title: string;
  text: string;
}

/** An article imported from plain text: the first line is its title, each further line a paragraph. */
export async function makeArticle(lines: string[], options: { retired?: boolean } = {}): Promise<TestArticle> {
  const { title, doc } = importPlainText(lines.join("\n"));
  const text = canonicalText(doc);
  const article = await prisma.article.create({
    data: {
      title,
      outlet: "Test Outlet",
      body: doc as object,
      canonicalText: text,
      sourceFormat: "TEXT",
      retiredAt: options.retired ? new Date() : null,
    },
    select: { id: true },
  });
  return { id: article.id, title, text };
}

/** The span of the n-th (0-based) occurrence of `phrase` in `text`. */
export function spanOf(text: string, phrase: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(phrase, start + 1);
    if (start < 0) throw new Error(`"${phrase}" occurs fewer than ${occurrence + 1} times in the text.`);
  }
  return { start, end: start + phrase.length, exact: phrase };
}

/** A claim made through createClaim, then (directly, as the workflow would) put in `state`. */
export async function makeClaim(
  author: Actor,
  article: TestArticle,
  phrase: string,
  options: Partial<CreateClaimInput> & { state?: ClaimState } = {},
) {
  const { state, ...overrides } = options;
  const { id } = await createClaim(author, {
    articleId: article.id,
    ...spanOf(article.text, phrase),
    restatement: `Claim: ${phrase}`,
    ...overrides,
  });
  if (state && state !== "DRAFT") await prisma.claim.update({ where: { id }, data: { state } });
  return prisma.claim.findUniqueOrThrow({ where: { id } });
}

/** A draft ready to submit: a verdict, a rationale and one external source; its id and version. */
export async function makeReadyDraft(author: Actor, article: TestArticle, phrase: string) {
  const claim = await makeClaim(author, article, phrase, { verdict: "MOSTLY_FALSE", rationale: "The study expects 600." });
  const { version } = await addEvidence(author, {
    kind: "EXTERNAL",
    claimId: claim.id,
    version: claim.version,
    stance: "CONTRADICTS",
    url: "https://example.org/study",
    title: "Jobs study",
    accessedAt: "2025-01-15",
  });
  return { id: claim.id, version };
}

export async function rowCounts() {
  const [claims, evidence, comments, audit] = await Promise.all([
    prisma.claim.count(),
    prisma.evidence.count(),
    prisma.comment.count(),
    prisma.auditEvent.count(),
  ]);
  return { claims, evidence, comments, audit };
}

/** Everything the claims module writes, to compare before and after a refused request. */
export async function snapshot() {
  const [claims, evidence, comments, audit] = await Promise.all([
    prisma.claim.findMany({ orderBy: { id: "asc" } }),
    prisma.evidence.findMany({ orderBy: { id: "asc" } }),
    prisma.comment.findMany({ orderBy: { id: "asc" } }),
    prisma.auditEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { claims, evidence, comments, audit };
}

/** The audit events written since `afterId` (exclusive). */
export async function auditSince(afterId: bigint) {
  return prisma.auditEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" } });
}

export async function lastAuditId() {
  const last = await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? BigInt(0);
}

/** A desk of a reviewer and two editors, and an article about a harbour plan to mark claims in. */
export async function makeHarbourDesk() {
  const [reviewer, editor, otherEditor] = await Promise.all([
    makeUser("REVIEWER", "Rita Reviewer"),
    makeUser("EDITOR", "Elena Editor"),
    makeUser("EDITOR", "Ben Editor"),
  ]);
  const article = await makeArticle([
    "Harbour Plan Approved",
    "The port authority said the new harbour will create 2,000 jobs.",
    "Construction starts next spring and ends in 2027.",
    "The mayor called it the largest investment in the city's history.",
  ]);
  return { reviewer, editor, otherEditor, article };
}
