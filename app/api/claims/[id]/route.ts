import { z } from "zod";
import { route } from "@/lib/http/route";
import { getClaimDetail } from "@/lib/claims/data";

// The claim panel's data: read through the data layer, which scopes it to the caller.
export const GET = route({ user: "required", signedOut: "Sign in to see claims.", params: z.object({ id: z.string() }) }, ({ user, params }) =>
  getClaimDetail(user, params.id),
);
