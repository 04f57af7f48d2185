import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getCurrentUser, type Actor } from "@/lib/auth/current-user";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { isStorableText } from "@/lib/storable-text";
import { isDatabaseUnavailable, unavailableResponse } from "@/lib/db/unavailable";

/**
 * The search module's read routes (JSON for the reader's panels): the caller must be
 * signed in, the parameter must be a plausible id, and only expected errors reach the
 * browser; anything else is logged and answered with one generic message.
 */
const id = z.string().trim().min(1).max(64).refine(isStorableText);

export async function jsonRead<T>(
  request: Request,
  parameter: string,
  run: (actor: Actor, id: string) => Promise<T>,
): Promise<Response> {
  try {
    const actor = await getCurrentUser();
    if (!actor) return NextResponse.json({ error: "Your session has ended. Sign in again." }, { status: 401 });
    const parsed = id.safeParse(new URL(request.url).searchParams.get(parameter) ?? "");
    if (!parsed.success) return NextResponse.json({ error: `Give the ${parameter} to look up (?${parameter}=…).` }, { status: 400 });
    return NextResponse.json(await run(actor, parsed.data), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return unavailableResponse();
    if (error instanceof NotFoundError) return NextResponse.json({ error: error.message }, { status: 404 });
    if (error instanceof UserFacingError) return NextResponse.json({ error: error.message }, { status: 400 });
    console.error(`Search route failed (${parameter})`, error);
    return NextResponse.json({ error: "That could not be loaded. Please try again." }, { status: 500 });
  }
}
