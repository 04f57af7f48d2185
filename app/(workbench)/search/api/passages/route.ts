import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { parseSearchParams } from "@/lib/search/schemas";
import { searchPassages } from "@/lib/search/search";
import { isDatabaseUnavailable, unavailableResponse } from "@/lib/db/unavailable";

// The search page's results as JSON (same parameters as /search): for scripts and the benchmark.
export async function GET(request: Request) {
  try {
    const actor = await getCurrentUser();
    if (!actor) return NextResponse.json({ error: "Your session has ended. Sign in again." }, { status: 401 });
    const { q, filters, errors } = parseSearchParams(Object.fromEntries(new URL(request.url).searchParams));
    const outcome = await searchPassages(actor, q, filters);
    return NextResponse.json({ ...outcome, ignored: errors }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return unavailableResponse();
    console.error("Search failed", error);
    return NextResponse.json({ error: "The search could not be run. Please try again." }, { status: 500 });
  }
}
