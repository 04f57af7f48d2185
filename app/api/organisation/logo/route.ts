import { z } from "zod";
import { route } from "@/lib/http/route";
import { NotFoundError } from "@/lib/errors";
import { readOrganisation } from "@/lib/organisation/store";

// The organisation's logo, public (ClaimReview names it as the author's logo). Stored
// sanitised; served so that even an SVG opened on its own runs and loads nothing.
export const GET = route(
  {
    user: "none",
    // The logo's checksum, which only keeps caches from serving an old logo.
    query: z.object({ v: z.string().max(64).optional() }),
    notFound: "This organisation has no logo.",
    cache: "public, max-age=3600",
    headers: { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox" },
  },
  async () => {
    const { logo } = await readOrganisation();
    if (!logo) throw new NotFoundError("The logo");
    return new Response(new Uint8Array(logo.bytes), { headers: { "Content-Type": logo.type } });
  },
);
