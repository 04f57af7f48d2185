import { route } from "@/lib/http/route";
import { marksCsv } from "@/lib/agreement/csv";
import { agreementFiltersSchema } from "@/lib/agreement/schemas";
import { listRevealedMarks } from "@/lib/marking/reads";

// The revealed blind marks as CSV, with the agreement page's filters (editors; the data layer refuses others).
export const GET = route(
  { user: "required", signedOut: "Sign in to see claims.", query: agreementFiltersSchema, cache: "private, no-store" },
  async ({ user, query }) =>
    new Response(marksCsv(await listRevealedMarks(user, query)), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="verity-blind-marks.csv"' },
    }),
);
