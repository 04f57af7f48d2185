import { route } from "@/lib/http/route";
import { lastEventId, liveQuerySchema } from "@/lib/live/schemas";
import { openLiveStream } from "@/lib/live/stream";

// Live updates (Server-Sent Events): what changed on the page's article, queue or My work.
export const GET = route({ user: "required", signedOut: "Sign in to follow changes.", query: liveQuerySchema }, ({ user, query, request }) =>
  openLiveStream(user, query, lastEventId(request.headers.get("last-event-id")) ?? query.since ?? null, request.signal),
);
