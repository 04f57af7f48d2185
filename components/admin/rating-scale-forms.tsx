"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { TRUTH_STEPS } from "@/lib/ratings/truth";
import { MAX_RATING_VALUE } from "@/lib/ratings/schemas";
import { ratingStyle, type RatingInfo, type ScaleInfo } from "@/lib/ratings/types";
import type { FormAction } from "@/lib/actions/form-state";
import {
  copyScaleAction,
  deleteRatingAction,
  moveRatingAction,
  restoreRatingAction,
  retireRatingAction,
  saveRatingAction,
  switchScaleAction,
  updateScaleAction,
} from "@/lib/ratings/actions";
import { RatingBadge } from "@/lib/ratings/rating-badge";
import { Field, FormMessage, describedBy } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";

/** The forms of /admin/ratings: copy a scale, edit one's name and numbers, its ratings, and switch to it. */

export function CopyScaleForm({ scale }: { scale: ScaleInfo }) {
  const [state, action, pending, form] = useFormAction(copyScaleAction);
  return (
    <form ref={form} action={action} className="inline-form" aria-label={`Copy ${scale.name}`} noValidate>
      <input type="hidden" name="scaleId" value={scale.id} />
      <Field name="name" id={`copy-name-${scale.id}`} label="Name of the copy" state={state} defaultValue={`${scale.name} (our copy)`} required />
      <button className="button button--small" type="submit" disabled={pending}>
        {pending ? "Copying…" : "Copy to edit"}
      </button>
      <FormMessage state={state} />
      {state.status === "ok" && state.data && (
        <p>
          <Link href={`/admin/ratings?scale=${state.data.scaleId}`}>Edit the copy</Link>
        </p>
      )}
    </form>
  );
}

export function ScaleSettingsForm({ scale }: { scale: ScaleInfo }) {
  const [state, action, pending, form] = useFormAction(updateScaleAction);
  return (
    <form ref={form} action={action} className="scale-settings" aria-label="The scale's name and numbers" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="scaleId" value={scale.id} />
      <Field name="name" id="scale-name" label="Name" state={state} defaultValue={scale.name} required />
      <div className="scale-settings__numbers">
        <Field name="worstRating" id="scale-worst" label="Worst rating" type="number" state={state} defaultValue={scale.worstRating?.toString() ?? ""} />
        <Field name="bestRating" id="scale-best" label="Best rating" type="number" state={state} defaultValue={scale.bestRating?.toString() ?? ""} hint="ClaimReview's numbers; leave both empty for a scale of labels only." />
      </div>
      <button className="button button--small" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save the scale"}
      </button>
    </form>
  );
}

/** Adds a rating (no `rating`) or edits one. */
export function RatingForm({ scaleId, rating }: { scaleId: string; rating?: RatingInfo }) {
  const [state, action, pending, form] = useFormAction(saveRatingAction);
  const id = (name: string) => `${name}-${rating?.id ?? "new"}`;
  return (
    <form ref={form} action={action} className="rating-form" aria-label={rating ? `Edit ${rating.label}` : "Add a rating"} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="scaleId" value={scaleId} />
      {rating && <input type="hidden" name="ratingId" value={rating.id} />}
      <Field name="label" id={id("label")} label="Label" state={state} defaultValue={rating?.label} required />
      <Field name="definition" id={id("definition")} label="Definition" multiline state={state} defaultValue={rating?.definition} hint="Reviewers read it where they choose a verdict." required />
      <div className="rating-form__row">
        <Field name="color" id={id("color")} label="Colour" type="color" state={state} defaultValue={rating?.color ?? "#1f4f8f"} hint="White text must be readable on it (WCAG AA, 4.5:1)." />
        <Field name="icon" id={id("icon")} label="Icon" state={state} defaultValue={rating?.icon} hint="A symbol or up to four characters: colour is never the only sign." required />
        <Field name="ratingValue" id={id("ratingValue")} label="ClaimReview number" type="number" state={state} defaultValue={rating?.ratingValue?.toString() ?? ""} hint={`0 to ${MAX_RATING_VALUE}, within the scale's worst and best; empty: words only.`} />
      </div>
      <Field name="truth" id={id("truth")} label="Between false and true" state={state}>
        <select id={id("truth")} name="truth" defaultValue={state.values?.truth ?? rating?.truth ?? "MIXED"} aria-describedby={describedBy(state, "truth")}>
          {TRUTH_STEPS.map(({ step, label }) => (
            <option key={step} value={step}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <button className="button button--small" type="submit" disabled={pending}>
        {pending ? "Saving…" : rating ? "Save the rating" : "Add the rating"}
      </button>
    </form>
  );
}

/** One button that runs `action` on the rating, with its result beside it. */
function RatingButton({ action: serverAction, ratingId, label, extra, quiet }: { action: FormAction<undefined>; ratingId: string; label: string; extra?: ReactNode; quiet?: boolean }) {
  const [state, action, pending, form] = useFormAction(serverAction);
  return (
    <form ref={form} action={action} className="rating-row__action">
      <input type="hidden" name="ratingId" value={ratingId} />
      {extra}
      <button className={`button button--small${quiet ? " button--quiet" : ""}`} type="submit" disabled={pending}>
        {label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

export function RatingRow({ rating, position, count, openClaims, approvedClaims, inUse, editable }: {
  rating: RatingInfo;
  position: number;
  count: number;
  openClaims: number;
  approvedClaims: number;
  inUse: boolean;
  editable: boolean;
}) {
  const used = openClaims + approvedClaims;
  return (
    <li className={`rating-row${rating.retired ? " rating-row--retired" : ""}`} style={ratingStyle(rating)} data-rating-id={rating.id}>
      <div className="rating-row__head">
        <RatingBadge rating={rating} />
        {rating.retired && <span className="state-badge">Retired</span>}
        <span className="muted">
          {rating.ratingValue !== null ? `ClaimReview ${rating.ratingValue}` : "Words only"} · {TRUTH_STEPS.find((s) => s.step === rating.truth)?.label.toLowerCase()} ·{" "}
          {used === 0 ? "no claims" : `${openClaims} open, ${approvedClaims} approved claim${approvedClaims === 1 ? "" : "s"}`}
        </span>
      </div>
      <p className="rating-row__definition">{rating.definition}</p>
      {editable && (
        <div className="rating-row__actions">
          <details className="rating-row__edit">
            <summary>Edit</summary>
            <RatingForm scaleId={rating.scaleId} rating={rating} />
          </details>
          {position > 0 && <RatingButton action={moveRatingAction} ratingId={rating.id} label="Move up" quiet extra={<input type="hidden" name="direction" value="up" />} />}
          {position < count - 1 && <RatingButton action={moveRatingAction} ratingId={rating.id} label="Move down" quiet extra={<input type="hidden" name="direction" value="down" />} />}
          {rating.retired ? (
            <RatingButton key="restore" action={restoreRatingAction} ratingId={rating.id} label="Bring back" quiet />
          ) : (
            <RatingButton key="retire" action={retireRatingAction} ratingId={rating.id} label="Retire" quiet />
          )}
          {!inUse && <RatingButton action={deleteRatingAction} ratingId={rating.id} label="Delete" quiet />}
        </div>
      )}
    </li>
  );
}

/** The switch to `scale`: each rating open claims use, with their count, and the new rating they get. */
export function SwitchScaleForm({ scale, targets, rows }: {
  scale: ScaleInfo;
  targets: RatingInfo[];
  rows: Array<{ rating: RatingInfo | null; ratingId: string; claims: number; suggested: string | null }>;
}) {
  const [state, action, pending, form] = useFormAction(switchScaleAction);
  return (
    <form ref={form} action={action} className="switch-form" aria-label={`Switch to ${scale.name}`} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="scaleId" value={scale.id} />
      {rows.length === 0 ? (
        <p>No open claim has a verdict from another scale: nothing needs mapping.</p>
      ) : (
        <table className="data-table switch-form__map">
          <caption>Open claims’ verdicts on the new scale (approved claims keep theirs)</caption>
          <thead>
            <tr>
              <th scope="col">Verdict now</th>
              <th scope="col">Open claims</th>
              <th scope="col">Becomes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.ratingId}>
                <th scope="row">
                  <RatingBadge rating={row.rating} />
                </th>
                <td>{row.claims}</td>
                <td>
                  <label className="sr-only" htmlFor={`map-${row.ratingId}`}>
                    {`“${row.rating?.label ?? row.ratingId}” becomes`}
                  </label>
                  <select id={`map-${row.ratingId}`} name={`map:${row.ratingId}`} defaultValue={state.values?.[`map:${row.ratingId}`] ?? row.suggested ?? ""} aria-describedby={describedBy(state, `map:${row.ratingId}`)}>
                    <option value="">Choose…</option>
                    {targets.map((target) => (
                      <option key={target.id} value={target.id}>
                        {target.icon} {target.label}
                      </option>
                    ))}
                  </select>
                  {state.fieldErrors?.[`map:${row.ratingId}`] && (
                    <p id={`map:${row.ratingId}-error`} className="field-error">
                      {state.fieldErrors[`map:${row.ratingId}`]![0]}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Switching…" : `Switch to ${scale.name}`}
      </button>
    </form>
  );
}
