import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/layout/access-denied";
import { OrganisationForm } from "@/components/admin/organisation-form";
import { requireUser } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/errors";
import { getOrganisation } from "@/lib/organisation/data";
import { logoDataUri } from "@/lib/organisation/store";
import { loadCatalogue } from "@/lib/ratings/catalogue";

export const metadata: Metadata = { title: "Organisation" };

export default async function OrganisationPage() {
  const actor = await requireUser();
  let organisation;
  try {
    organisation = await getOrganisation(actor);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    return <AccessDenied title="Administrators only">Changing the organisation needs the Admin role.</AccessDenied>;
  }
  const { logo } = organisation;
  const ratings = await loadCatalogue();
  return (
    <>
      <div className="page-head">
        <h1>Organisation</h1>
        <div className="page-head__side">
          <Link href="/admin/audit?action=organisation.update">Changes in the audit log</Link>
        </div>
      </div>
      <p className="page-intro">
        Who publishes the fact-checks: public pages, exports and every ClaimReview name this organisation as their author, with its logo and links.
      </p>
      <p>
        Verdicts are chosen from the rating scale <strong>{ratings.current.name}</strong>. <Link href="/admin/ratings">Rating scales</Link>: copy a preset, edit its ratings, or switch.
      </p>
      <section className="card organisation-card" aria-label="Organisation settings">
        <OrganisationForm
          values={{
            name: organisation.name,
            url: organisation.url ?? "",
            publicBaseUrl: organisation.publicBaseUrl ?? "",
            contactEmail: organisation.contactEmail ?? "",
            policyUrl: organisation.policyUrl ?? "",
            logo: logo && logoDataUri(logo),
          }}
        />
      </section>
    </>
  );
}
