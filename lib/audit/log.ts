import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { visibleArticleWhere, visibleClaimWhere } from "@/lib/auth/visibility";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditLogQuery } from "@/lib/audit/schemas";
import { auditActionLabel } from "@/lib/audit/labels";
import { fieldChanges, type FieldChange } from "@/lib/audit/changes";

export const AUDIT_PAGE_SIZE = 50;

/** The record an event is about, as the log names and links it (null href: it no longer exists). */
export interface AuditRecord {
  kind: "User" | "Article" | "Claim" | "Organisation" | "RatingScale";
  name: string;
  href: string | null;
}

export interface AuditLogEntry {
  id: string;
  at: Date;
  action: string;
  actionLabel: string;
  /** Who did it; null for Verity itself (the seed, an import run from the command line). */
  actor: string | null;
  record: AuditRecord;
  changes: FieldChange[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The events the filters match. An article's events are its own and its claims' (also claims deleted since). */
async function auditWhere(query: AuditLogQuery): Promise<Prisma.AuditEventWhereInput> {
  const conditions: Prisma.AuditEventWhereInput[] = [];
  if (query.actor) conditions.push({ actorId: query.actor });
  if (query.action) conditions.push({ action: query.action });
  if (query.from) conditions.push({ at: { gte: new Date(`${query.from}T00:00:00Z`) } });
  if (query.to) conditions.push({ at: { lt: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY_MS) } });
  if (query.article) {
    const claims = await prisma.claim.findMany({ where: { articleId: query.article }, select: { id: true } });
    conditions.push({
      OR: [
        { entityType: "Article", entityId: query.article },
        { entityType: "Claim", entityId: { in: claims.map((c) => c.id) } },
        { entityType: "Claim", action: "claim.delete", before: { path: ["articleId"], equals: query.article } },
      ],
    });
  }
  return { AND: conditions };
}

/** One page of the audit log, newest first, for admins only. */
export async function listAuditEvents(actor: Actor, query: AuditLogQuery): Promise<{ entries: AuditLogEntry[]; total: number }> {
  assertRole(actor, "ADMIN");
  const where = await auditWhere(query);
  const [events, total] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, action: true, entityType: true, entityId: true, before: true, after: true, actor: { select: { name: true } } },
    }),
    prisma.auditEvent.count({ where }),
  ]);
  const records = await recordsOf(actor, events);
  return {
    total,
    entries: events.map((event) => ({
      id: String(event.id),
      at: event.at,
      action: event.action,
      actionLabel: auditActionLabel(event.action),
      actor: event.actor?.name ?? null,
      record: records.get(`${event.entityType}:${event.entityId}`) ?? goneRecord(event),
      changes: fieldChanges(event.before, event.after),
    })),
  };
}

/** The users, articles and claims the events name, read in one query each. */
async function recordsOf(actor: Actor, events: Array<{ entityType: string; entityId: string }>): Promise<Map<string, AuditRecord>> {
  const idsOf = (kind: string) => [...new Set(events.filter((e) => e.entityType === kind).map((e) => e.entityId))];
  const [users, articles, claims] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: idsOf("User") } }, select: { id: true, name: true, email: true } }),
    prisma.article.findMany({ where: { AND: [{ id: { in: idsOf("Article") } }, visibleArticleWhere(actor)] }, select: { id: true, title: true } }),
    prisma.claim.findMany({ where: { AND: [{ id: { in: idsOf("Claim") } }, visibleClaimWhere(actor)] }, select: { id: true, restatement: true, articleId: true, article: { select: { title: true } } } }),
  ]);
  return new Map<string, AuditRecord>([
    ...users.map((u) => [`User:${u.id}`, { kind: "User", name: `${u.name} (${u.email})`, href: null }] as const),
    ...articles.map((a) => [`Article:${a.id}`, { kind: "Article", name: a.title, href: `/articles/${a.id}` }] as const),
    ...claims.map((c) => [`Claim:${c.id}`, { kind: "Claim", name: `“${c.restatement}” in ${c.article.title}`, href: `/articles/${c.articleId}?claim=${c.id}` }] as const),
  ]);
}

function goneRecord(event: { entityType: string; entityId: string }): AuditRecord {
  // The organisation's one row is never deleted.
  if (event.entityType === "Organisation") return { kind: "Organisation", name: "Organisation settings", href: "/admin/organisation" };
  // A scale is deleted only with its organisation's database; its events link to the scales page.
  if (event.entityType === "RatingScale") return { kind: "RatingScale", name: "Rating scales", href: "/admin/ratings" };
  const kind = event.entityType === "User" || event.entityType === "Article" ? event.entityType : "Claim";
  return { kind, name: `a ${kind.toLowerCase()} that no longer exists (${event.entityId})`, href: null };
}

/** The choices of the log's filters: every user, and the articles the admin may see. */
export async function auditFilterChoices(actor: Actor) {
  assertRole(actor, "ADMIN");
  const [users, articles] = await Promise.all([
    prisma.user.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.article.findMany({ where: visibleArticleWhere(actor), select: { id: true, title: true }, orderBy: { title: "asc" } }),
  ]);
  return { users, articles };
}
