import { formRoute } from "@/lib/http/form-route";
import { createClaimAction } from "@/lib/claims/actions";

// The reader's "Mark a claim" form posts here (lib/http/form-route.ts says why not to the Server Action itself).
export const POST = formRoute(createClaimAction);
