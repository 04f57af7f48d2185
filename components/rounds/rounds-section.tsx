"use client";

import { useState } from "react";
import type { UserRef } from "@/lib/claims/types";
import type { FormState } from "@/lib/actions/form-state";
import type { RatingId } from "@/lib/ratings/types";
import { formatDateTime } from "@/lib/format";
import { closeRoundAction, openRoundAction, reconcileRoundAction, submitIndependentVerdictAction } from "@/lib/rounds/actions";
import { PANEL_SIZES } from "@/lib/rounds/schemas";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { Field, FormMessage, describedBy, invalid } from "@/components/forms/field";
import { VerdictBadge } from "@/components/reader/verdict";
import { VerdictSelect } from "@/components/reader/verdict-select";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";

type Round = ClaimDetailData["rounds"][number];

/**
 * Blind independent verdicts in the claim panel (lib/rounds): an editor asks a panel for
 * them; each panellist gives theirs without seeing the others' (the server leaves them out);
 * once revealed they show side by side, and an editor reconciles them into the claim's verdict.
 */
export function RoundsSection({
  claim,
  isEditor,
  people,
  onChanged,
}: {
  claim: ClaimDetailData;
  isEditor: boolean;
  /** Whom an editor may put on a panel. */
  people: UserRef[];
  onChanged: () => void;
}) {
  const underway = claim.rounds.some((round) => round.reconciledAt === null);
  const mayOpen = isEditor && !underway && claim.state !== "APPROVED";
  if (claim.rounds.length === 0 && !mayOpen) return null;
  return (
    <section aria-labelledby="rounds-heading" className="panel-section rounds" data-testid="rounds">
      <h3 id="rounds-heading">Independent verdicts</h3>
      {claim.rounds.map((round) => (
        <RoundView key={round.id} round={round} claim={claim} onChanged={onChanged} />
      ))}
      {mayOpen && <OpenRoundForm claim={claim} people={people} onChanged={onChanged} />}
    </section>
  );
}

function RoundView({ round, claim, onChanged }: { round: Round; claim: ClaimDetailData; onChanged: () => void }) {
  const given = round.seats.filter((seat) => seat.submittedAt !== null).length;
  const status = round.reconciledAt
    ? `Reconciled by ${round.reconciledBy?.name ?? "an editor"}, ${formatDateTime(round.reconciledAt)}`
    : round.closedAt
      ? `Revealed ${formatDateTime(round.closedAt)}${round.closedBy ? `, closed early by ${round.closedBy.name}` : ": all verdicts are in"}`
      : `Open: ${given} of ${round.requiredCount} verdicts given. Each stays hidden from everyone else until the round is revealed.`;
  return (
    <div className="round" data-testid="round">
      <p className="round__status">{status}</p>
      <ul className={`round__seats${round.closedAt ? " round__seats--revealed" : ""}`} aria-label="The panel">
        {round.seats.map((seat) => (
          <li key={seat.reviewer.id} className="round__seat" data-testid="round-seat">
            <strong>{seat.reviewer.name}</strong>
            {seat.verdict ? (
              <>
                <VerdictBadge verdict={seat.verdict as RatingId} />
                {seat.rationale && <p className="round__rationale">{seat.rationale}</p>}
              </>
            ) : (
              <span className="muted">{seat.submittedAt ? (round.closedAt ? "No verdict" : "Verdict given (hidden)") : round.closedAt ? "No verdict given" : "Waiting"}</span>
            )}
          </li>
        ))}
      </ul>
      {round.reconciledAt && (
        <p>
          Final verdict: <VerdictBadge verdict={round.finalVerdict as RatingId} /> {round.reconcileNote && <span className="muted">“{round.reconcileNote}”</span>}
        </p>
      )}
      {round.mayGiveVerdict && <GiveVerdictForm round={round} onChanged={onChanged} />}
      {round.mayClose && <CloseRoundForm round={round} onChanged={onChanged} />}
      {round.mayReconcile && <ReconcileForm round={round} claim={claim} onChanged={onChanged} />}
    </div>
  );
}

function GiveVerdictForm({ round, onChanged }: { round: Round; onChanged: () => void }) {
  const [state, action, pending, form] = useFormAction(submitIndependentVerdictAction);
  useOnSuccess(state, onChanged);
  return (
    <form ref={form} action={action} className="panel-form" noValidate aria-label="Your independent verdict">
      <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
      <input type="hidden" name="roundId" value={round.id} />
      <Field name="verdict" id="round-verdict" label="Your verdict" state={state} hint="The others on the panel do not see it until the round is revealed.">
        <VerdictSelect id="round-verdict" defaultValue={(state.values?.verdict as RatingId) || null} invalid={!!invalid(state, "verdict")} />
      </Field>
      <Field name="rationale" id="round-rationale" label="Your rationale" multiline state={state} />
      <button className="button button--small" type="submit" disabled={pending}>
        {pending ? "Giving…" : "Give my verdict"}
      </button>
    </form>
  );
}

function CloseRoundForm({ round, onChanged }: { round: Round; onChanged: () => void }) {
  const [state, action, pending, form] = useFormAction(closeRoundAction);
  useOnSuccess(state, onChanged);
  return (
    <form ref={form} action={action} className="panel-form" noValidate>
      <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
      <input type="hidden" name="roundId" value={round.id} />
      <button className="button button--small button--quiet" type="submit" disabled={pending}>
        {pending ? "Closing…" : "Close and reveal now"}
      </button>
    </form>
  );
}

function ReconcileForm({ round, claim, onChanged }: { round: Round; claim: ClaimDetailData; onChanged: () => void }) {
  const [state, action, pending, form] = useFormAction(reconcileRoundAction);
  useOnSuccess(state, onChanged);
  return (
    <form ref={form} action={action} className="panel-form" noValidate aria-label="Reconcile the verdicts">
      <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
      <input type="hidden" name="roundId" value={round.id} />
      <input type="hidden" name="version" value={claim.version} />
      <Field name="verdict" id="reconcile-verdict" label="Final verdict" state={state} hint="You become its proposer: another editor approves it.">
        <VerdictSelect id="reconcile-verdict" defaultValue={(state.values?.verdict as RatingId) || null} invalid={!!invalid(state, "verdict")} />
      </Field>
      <Field name="rationale" id="reconcile-rationale" label="Rationale" multiline state={state} defaultValue={claim.rationale ?? ""} />
      <Field name="note" id="reconcile-note" label="How you weighed the panel's verdicts" multiline state={state} />
      <button className="button button--small" type="submit" disabled={pending}>
        {pending ? "Reconciling…" : "Reconcile"}
      </button>
    </form>
  );
}

function OpenRoundForm({ claim, people, onChanged }: { claim: ClaimDetailData; people: UserRef[]; onChanged: () => void }) {
  const [state, action, pending, form] = useFormAction(openRoundAction);
  const [round, setRound] = useState(0);
  useOnSuccess(state, () => {
    setRound((n) => n + 1);
    onChanged();
  });
  return (
    <form ref={form} action={action} className="panel-form" noValidate aria-label="Ask for independent verdicts">
      <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
      <input type="hidden" name="claimId" value={claim.id} />
      <input type="hidden" name="version" value={claim.version} />
      <PanelFields key={round} state={state} people={people} idPrefix="round" />
      <button className="button button--small" type="submit" disabled={pending}>
        {pending ? "Asking…" : "Ask for independent verdicts"}
      </button>
    </form>
  );
}

/** The panel an editor chooses: its size and its reviewers (sent as one field of ids joined by commas). */
export function PanelFields({ state, people, idPrefix }: { state: FormState; people: UserRef[]; idPrefix: string }) {
  const [chosen, setChosen] = useState<string[]>(() => state.values?.reviewerIds?.split(",").filter(Boolean) ?? []);
  const toggle = (id: string, on: boolean) => setChosen((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));
  const errorId = `${idPrefix}-reviewerIds-error`;
  return (
    <>
      <input type="hidden" name="reviewerIds" value={chosen.join(",")} />
      <Field name="size" id={`${idPrefix}-size`} label="Ask for" state={state}>
        <select id={`${idPrefix}-size`} name="size" defaultValue={state.values?.size ?? "2"} aria-invalid={invalid(state, "size")} aria-describedby={describedBy(state, "size")}>
          {PANEL_SIZES.map((size) => (
            <option key={size} value={size}>
              {size === 2 ? "2 reviewers" : `a panel of ${size}`}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="round__people" aria-invalid={invalid(state, "reviewerIds")} aria-describedby={state.fieldErrors?.reviewerIds ? errorId : undefined}>
        <legend>Reviewers</legend>
        {people.map((person) => (
          <label key={person.id} className="checkbox">
            <input type="checkbox" checked={chosen.includes(person.id)} onChange={(event) => toggle(person.id, event.target.checked)} /> {person.name}
          </label>
        ))}
      </fieldset>
      {state.fieldErrors?.reviewerIds && (
        <p id={errorId} className="field-error">
          {state.fieldErrors.reviewerIds[0]}
        </p>
      )}
    </>
  );
}
