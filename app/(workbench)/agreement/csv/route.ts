import { route } from "@/lib/http/route";
import { agreementCsv } from "@/lib/agreement/csv";
import { agreementFiltersSchema } from "@/lib/agreement/schemas";
import { listAgreementUnits } from "@/lib/agreement/units";

// The agreement page's data as CSV, with the page's filters (editors; the data layer refuses others).
export const GET = route(
  { user: "required", signedOut: "Sign in to see claims.", query: agreementFiltersSchema, cache: "private, no-store" },
  async ({ user, query }) =>
    new Response(agreementCsv(await listAgreementUnits(user, query)), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="verity-agreement.csv"' },
    }),
);
