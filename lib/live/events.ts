import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows, type Tx } from "@/lib/db/client";
import { hasRole } from "@/lib/auth/roles";
import { isVisibleArticle } from "@/lib/auth/visibility";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Live events (see the LiveEvent model): what was read of one, and who may be told of it.
 * An event is an invalidation, not data: it names the kind of change, the claim and who made
 * it, never what the claim says, so a page learns of it only to read again through the
 * authorised reads. Whether a viewer is told follows the visibility module's rule, applied
 * to the event's article as read once for all streams.
 */

/** The channel every change is announced on (NOTIFY payload: the event's id). */
export const LIVE_CHANNEL = "verity_events";
/** How long events are kept for pages that reconnect. */
export const EVENT_KEEP_MS = 10 * 60_000;
/** How many missed events a reconnecting page is sent at most (it reloads anyway). */
export const REPLAY_LIMIT = 500;

export interface LiveTopics {
  /** An article's page. */
  article?: string;
  /** The review queue (editors). */
  queue?: boolean;
  /** My work: the viewer's own claims. */
  mywork?: boolean;
}

export interface LiveViewer {
  id: string;
  role: Role;
}

export interface LiveEventRow {
  id: string;
  articleId: string;
  claimId: string | null;
  kind: string;
  actorId: string | null;
  actorName: string | null;
  /** The claim's author, while the claim exists (for My work). */
  claimAuthorId: string | null;
  /** The article as it is now; null when it is gone. */
  article: { publishedAt: Date | null; retiredAt: Date | null } | null;
}

/** What a page is sent: enough to know it should read again, and to say who changed what. */
export interface LiveMessage {
  kind: string;
  claimId: string | null;
  /** Who made the change: a page has its own changes from its actions' answers. */
  actorId: string | null;
  actorName: string | null;
}

type Row = Omit<LiveEventRow, "article"> & { publishedAt: Date | null; retiredAt: Date | null; articleFound: boolean };

function select(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT e.id::text AS id, e."articleId", e."claimId", e.kind, e."actorId", u.name AS "actorName", c."authorId" AS "claimAuthorId",
           a."publishedAt", a."retiredAt", a.id IS NOT NULL AS "articleFound"
      FROM "LiveEvent" e
      LEFT JOIN "User" u ON u.id = e."actorId"
      LEFT JOIN "Claim" c ON c.id = e."claimId"
      LEFT JOIN "Article" a ON a.id = e."articleId"
     WHERE ${where}
     ORDER BY e.id
     LIMIT ${REPLAY_LIMIT}`;
}

function toEvent({ publishedAt, retiredAt, articleFound, ...event }: Row): LiveEventRow {
  return { ...event, article: articleFound ? { publishedAt, retiredAt } : null };
}

/** The events with these ids (those a NOTIFY named), in order. */
export async function readEvents(ids: string[]): Promise<LiveEventRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<Row>(select(Prisma.sql`e.id = ANY(${ids}::bigint[])`));
  return rows.map(toEvent);
}

/** The events after `afterId` (a reconnecting page's Last-Event-ID), in order. */
export async function readEventsAfter(afterId: string): Promise<LiveEventRow[]> {
  const rows = await queryRows<Row>(select(Prisma.sql`e.id > ${afterId}::bigint`));
  return rows.map(toEvent);
}

/** The newest event's id, or "0": where a listener that starts now begins. */
export async function latestEventId(): Promise<string> {
  const [row] = await queryRows<{ id: string | null }>(Prisma.sql`SELECT max(id)::text AS id FROM "LiveEvent"`);
  return row?.id ?? "0";
}

/** Whether a viewer with these topics is told of the event: the one rule of who hears what. */
export function concerns(viewer: LiveViewer, topics: LiveTopics, event: LiveEventRow): boolean {
  if (!event.article || !isVisibleArticle(viewer, event.article)) return false;
  // A viewer's own arrival or departure is no news to them.
  if (event.kind === PRESENCE) return topics.article === event.articleId && event.actorId !== viewer.id;
  if (topics.article === event.articleId) return true;
  if (event.claimId === null) return false;
  if (topics.queue && hasRole(viewer, "EDITOR")) return true;
  return Boolean(topics.mywork) && event.claimAuthorId === viewer.id;
}

export function toMessage(event: LiveEventRow): LiveMessage {
  return { kind: event.kind, claimId: event.claimId, actorId: event.actorId, actorName: event.actorName };
}

/** The kind of event that says who is viewing an article changed. */
export const PRESENCE = "presence";

/** Announces an event that no audit event stands for (presence), in the caller's transaction. */
export async function announce(tx: Tx, event: { articleId: string; claimId?: string | null; kind: string; actorId: string | null }) {
  const { id } = await tx.liveEvent.create({ data: { claimId: null, ...event }, select: { id: true } });
  await tx.$queryRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${id.toString()})::text AS sent`;
}
