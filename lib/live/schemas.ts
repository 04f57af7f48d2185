import { z } from "zod";
import { recordId } from "@/lib/validation/fields";
import { isStorableText } from "@/lib/storable-text";

// An id that cannot be in the database (a NUL, a lone surrogate) is refused here, not by PostgreSQL.
const id = (message: string) => recordId(message).refine(isStorableText, { error: message });

/** The query of the live stream (GET /api/live): what the page shows, and where it left off. */
export const liveQuerySchema = z
  .object({
    article: id("article names the article to follow.").optional(),
    queue: z.literal("1", { error: "queue is 1 or left out." }).optional(),
    mywork: z.literal("1", { error: "mywork is 1 or left out." }).optional(),
    /** The claim whose edit form the viewer has open (on the article's page). */
    editing: id("editing names the claim being edited.").optional(),
    /** The last event the page received, for a page that opens a new stream (EventSource sends Last-Event-ID itself). */
    since: z.string().regex(/^\d{1,18}$/, "since is the id of an event.").optional(),
  })
  .refine((query) => query.article || query.queue || query.mywork, { message: "Name what to follow: article, queue or mywork.", path: ["article"] })
  .refine((query) => !query.editing || query.article, { message: "A claim being edited belongs to an article's page.", path: ["editing"] });

export type LiveQuery = z.output<typeof liveQuerySchema>;

/** A Last-Event-ID header worth resuming from, or null. */
export function lastEventId(header: string | null): string | null {
  return header && /^\d{1,18}$/.test(header) ? header : null;
}
