import { Prisma } from "@/lib/generated/prisma/client";
import { hasRole } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Which articles (and so which claims, evidence, passages and exports) a viewer may see:
 * the one rule, in the two forms the data layer needs. A signed-in editor sees every
 * article; any other signed-in user every article that is not retired; an anonymous reader
 * (`null`) only published articles that are not retired. A new scope (a workspace, an
 * assignment) is added here once. lib/auth/visibility.db.test.ts proves the forms agree.
 */
export type Viewer = { role: Role } | null;

/** What the public may read: published and not retired. */
export const PUBLIC_ARTICLES = { publishedAt: { not: null }, retiredAt: null } as const satisfies Prisma.ArticleWhereInput;

/** The articles the viewer may see, as a Prisma `where`. */
export function visibleArticleWhere(viewer: Viewer): Prisma.ArticleWhereInput {
  if (!viewer) return PUBLIC_ARTICLES;
  return hasRole(viewer, "EDITOR") ? {} : { retiredAt: null };
}

/** The claims the viewer may see (those on articles they may see), as a Prisma `where`. */
export function visibleClaimWhere(viewer: Viewer): Prisma.ClaimWhereInput {
  if (viewer && hasRole(viewer, "EDITOR")) return {};
  return { article: visibleArticleWhere(viewer) };
}

/**
 * The articles the viewer may see, as a condition on `articleId` (an article id column,
 * qualified: the subquery's own table is `hidden`) to append to a WHERE clause: empty, or
 * `AND …`. A reviewer's is NOT EXISTS a retired article of that id: PostgreSQL plans it as an
 * anti-join against the few retired articles and knows it keeps nearly every row, where
 * NOT IN was guessed to keep half. With that guess a word in 3 % of 4,000,000 passages was
 * looked up by gathering all 134,313 of them (149 ms) instead of reading passages until
 * 1,001 matched (17 ms; bench/search-scale.ts).
 */
export function visibleArticleSql(viewer: Viewer, articleId: Prisma.Sql): Prisma.Sql {
  if (!viewer) {
    return Prisma.sql`AND ${articleId} IN (SELECT id FROM "Article" WHERE "publishedAt" IS NOT NULL AND "retiredAt" IS NULL)`;
  }
  return hasRole(viewer, "EDITOR")
    ? Prisma.empty
    : Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "Article" hidden WHERE hidden.id = ${articleId} AND hidden."retiredAt" IS NOT NULL)`;
}

/** Whether the viewer may see an article already read (the rule as a predicate, for rows read without it: a cited passage's source). */
export function isVisibleArticle(viewer: Viewer, article: { publishedAt: Date | null; retiredAt: Date | null }): boolean {
  if (!viewer) return isPublicArticle(article);
  return hasRole(viewer, "EDITOR") || article.retiredAt === null;
}

/** Whether an article (already read) is one the public may read: a retired article has no public page, whatever publishedAt says. */
export function isPublicArticle<T extends { publishedAt: Date | null; retiredAt: Date | null }>(article: T): article is T & { publishedAt: Date; retiredAt: null } {
  return article.publishedAt !== null && article.retiredAt === null;
}

/**
 * Which independent verdicts of blind rounds (lib/rounds) the viewer may read the value of:
 * their own, and all of a round once it is revealed (closed). Before that nobody else reads
 * them, editors and admins included: they learn who has submitted, not what. Every read of a
 * verdict's value or rationale goes through this `where`; audit events of a round carry no
 * value until it is revealed, so history and the audit log need no second form of the rule.
 */
export function visibleIndependentVerdictWhere(viewer: { id: string; role: Role }): Prisma.IndependentVerdictWhereInput {
  return {
    round: { claim: visibleClaimWhere(viewer) },
    OR: [{ reviewerId: viewer.id }, { round: { closedAt: { not: null } } }],
  };
}

/**
 * Which marks of blind marking rounds (lib/marking) the viewer may read: their own, and all of
 * a round once it is revealed, on articles they may see. As with blind verdicts, nobody else
 * (editors included) reads a mark before: they learn who has finished, not what was marked.
 * Marks are not claims until an editor reconciles them, so no claim read needs this rule.
 */
export function visibleBlindMarkWhere(viewer: { id: string; role: Role }): Prisma.BlindMarkWhereInput {
  return {
    round: { article: visibleArticleWhere(viewer) },
    OR: [{ reviewerId: viewer.id }, { round: { closedAt: { not: null } } }],
  };
}
