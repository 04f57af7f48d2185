"use client";

import { saveOrganisationAction } from "@/lib/organisation/actions";
import { MAX_LOGO_BYTES } from "@/lib/organisation/schemas";
import { Field, FormMessage } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";

export interface OrganisationFormValues {
  name: string;
  url: string;
  publicBaseUrl: string;
  contactEmail: string;
  policyUrl: string;
  /** The current logo as a data: URI, to show it; null: none. */
  logo: string | null;
}

/** The organisation's settings; the logo is replaced by choosing a file, or removed with the checkbox. */
export function OrganisationForm({ values }: { values: OrganisationFormValues }) {
  const [state, action, pending, form] = useFormAction(saveOrganisationAction);
  const logoErrors = state.fieldErrors?.logo;
  return (
    <form ref={form} action={action} className="organisation-form" noValidate>
      <FormMessage state={state} />
      <Field name="name" label="Name" state={state} defaultValue={values.name} autoComplete="organization" required />
      <Field name="url" label="Website" type="url" state={state} defaultValue={values.url} hint="The organisation's own site, linked from every public page." />
      <Field
        name="publicBaseUrl"
        label="Public address of the fact-checks"
        type="url"
        state={state}
        defaultValue={values.publicBaseUrl}
        hint="Where readers reach Verity's public pages, e.g. https://factcheck.example.org. Public pages and exports link there instead of the address a request came in on. Leave empty to use this server's address."
      />
      <Field name="contactEmail" label="Contact email" type="email" state={state} defaultValue={values.contactEmail} hint="Shown to readers who want to report an error." />
      <Field
        name="policyUrl"
        label="Methodology and corrections policy"
        type="url"
        state={state}
        defaultValue={values.policyUrl}
        hint="A page that explains how you rate claims and correct mistakes."
      />
      <fieldset className="organisation-form__logo">
        <legend>Logo</legend>
        {values.logo ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data: URI of the stored logo
          <img className="organisation-form__preview" src={values.logo} alt="The current logo" />
        ) : (
          <p className="muted">No logo yet.</p>
        )}
        <Field name="logo" label={values.logo ? "Replace it with" : "Upload a logo"} state={state} hint={`An SVG or PNG of at most ${MAX_LOGO_BYTES / 1024} KB. Scripts and outside references are removed from an SVG.`}>
          <input
            id="logo"
            name="logo"
            type="file"
            accept=".svg,.png,image/svg+xml,image/png"
            aria-invalid={logoErrors ? true : undefined}
            aria-describedby={["logo-hint", logoErrors && "logo-error"].filter(Boolean).join(" ")}
          />
        </Field>
        {values.logo && (
          <label className="checkbox">
            <input type="checkbox" name="removeLogo" /> Remove the logo
          </label>
        )}
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save organisation"}
      </button>
    </form>
  );
}
