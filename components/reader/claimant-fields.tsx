import type { FormState } from "@/lib/actions/form-state";
import type { Claimant } from "@/lib/claims/types";
import { Field } from "@/components/forms/field";

/** The id of the page's list of earlier claimants (ClaimantSuggestions), which the claimant field suggests from. */
export const CLAIMANT_LIST_ID = "claimant-suggestions";

/** The earlier claimants, for every claimant field on the page. */
export function ClaimantSuggestions({ names }: { names: string[] }) {
  return (
    <datalist id={CLAIMANT_LIST_ID}>
      {names.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}

const FIELDS = ["claimant", "claimantKind", "claimDate", "appearanceUrl"] as const;

/**
 * Who made the claim, when and where it first appeared: folded away until used, as most
 * claims are the article's own (ClaimReview then names the outlet, its date and the article).
 */
export function ClaimantFields({ state, defaults }: { state: FormState; defaults?: Partial<Claimant> }) {
  const value = (field: (typeof FIELDS)[number]) => state.values?.[field] ?? defaults?.[field] ?? "";
  const open = FIELDS.some((field) => value(field) !== "" || state.fieldErrors?.[field]);
  const kindErrors = state.fieldErrors?.claimantKind;
  return (
    <details className="claimant-fields" open={open}>
      <summary>Who made the claim, when and where</summary>
      <Field name="claimant" id="claim-claimant" label="Claimant" hint="The person or organisation that made the claim; leave empty for the outlet itself." state={state} defaultValue={value("claimant")}>
        <input
          id="claim-claimant"
          name="claimant"
          list={CLAIMANT_LIST_ID}
          autoComplete="off"
          defaultValue={value("claimant")}
          aria-invalid={state.fieldErrors?.claimant ? true : undefined}
          aria-describedby={["claim-claimant-hint", state.fieldErrors?.claimant && "claim-claimant-error"].filter(Boolean).join(" ")}
        />
      </Field>
      <Field name="claimantKind" id="claim-claimant-kind" label="The claimant is" state={state}>
        <select
          id="claim-claimant-kind"
          name="claimantKind"
          key={value("claimantKind")}
          defaultValue={value("claimantKind") || "PERSON"}
          aria-invalid={kindErrors ? true : undefined}
          aria-describedby={kindErrors ? "claim-claimant-kind-error" : undefined}
        >
          <option value="PERSON">a person</option>
          <option value="ORGANIZATION">an organisation</option>
        </select>
      </Field>
      <Field name="claimDate" id="claim-date" label="Date the claim was made" type="date" state={state} defaultValue={value("claimDate")} />
      <Field
        name="appearanceUrl"
        id="claim-appearance"
        label="Where it first appeared"
        type="url"
        hint="A web address, when the claim was first made elsewhere (a speech, a post, another article)."
        state={state}
        defaultValue={value("appearanceUrl")}
      />
    </details>
  );
}
