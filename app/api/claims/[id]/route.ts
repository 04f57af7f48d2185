import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getClaimDetail } from "@/lib/claims/data";
import { NotFoundError } from "@/lib/errors";
import { isDatabaseUnavailable, unavailableResponse } from "@/lib/db/unavailable";

// The claim panel's data: read through the data layer, which scopes it to the caller.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await getCurrentUser();
    if (!actor) return NextResponse.json({ error: "Sign in to see claims." }, { status: 401 });
    const { id } = await params;
    return NextResponse.json(await getClaimDetail(actor, id), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return NextResponse.json({ error: error.message }, { status: 404 });
    if (isDatabaseUnavailable(error)) return unavailableResponse();
    console.error("Loading a claim failed", error);
    return NextResponse.json({ error: "The claim could not be loaded. Please try again." }, { status: 500 });
  }
}
