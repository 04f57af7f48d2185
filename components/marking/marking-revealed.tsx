"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { MarkGroup } from "@/lib/marking/types";
import { reconcileMarksAction } from "@/lib/marking/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { Field, FormMessage } from "@/components/forms/field";

/**
 * The revealed marks, one card per group of overlapping marks (one claim to reconcile): each
 * reviewer's span with its context and restatement; editors choose the span and the words of
 * the claim, or set the group aside.
 */
export function RevealedMarks({ articleId, groups, mayReconcile }: { articleId: string; groups: MarkGroup[]; mayReconcile: boolean }) {
  if (groups.length === 0) return <p className="muted">Nobody marked a claim.</p>;
  return (
    <ol className="marking__groups">
      {groups.map((group, i) => (
        <li key={group.marks[0].id} className="card marking__group" aria-labelledby={`group-${i}`}>
          <h3 id={`group-${i}`}>
            Claim {i + 1}: marked by {group.marks.length === 1 ? "1 reviewer" : `${new Set(group.marks.map((m) => m.reviewer.id)).size} reviewers`}
            {group.resolved && <span className="status-pill">{group.claimId ? "made a claim" : "set aside"}</span>}
          </h3>
          {group.resolved || !mayReconcile ? (
            <>
              <GroupMarks group={group} />
              {group.claimId && <Link href={`/articles/${articleId}?claim=${group.claimId}`}>Open the claim</Link>}
            </>
          ) : (
            <ReconcileGroup group={group} index={i} />
          )}
        </li>
      ))}
    </ol>
  );
}

function GroupMarks({ group, choose }: { group: MarkGroup; choose?: { name: string; chosen: string; onChoose: (id: string) => void } }) {
  return (
    <ul className="marking__spans">
      {group.marks.map((mark) => {
        const quote = (
          <span className="marking__quote">
            <strong>{mark.reviewer.name}</strong>: <span className="muted">…{mark.prefix.slice(-40)}</span>
            <mark>{mark.exact}</mark>
            <span className="muted">{mark.suffix.slice(0, 40)}…</span>
            <span className="marking__restatement">“{mark.restatement}”</span>
          </span>
        );
        return (
          <li key={mark.id}>
            {choose ? (
              <label className="radio">
                <input type="radio" name={choose.name} value={mark.id} checked={choose.chosen === mark.id} onChange={() => choose.onChoose(mark.id)} /> {quote}
              </label>
            ) : (
              quote
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ReconcileGroup({ group, index }: { group: MarkGroup; index: number }) {
  const router = useRouter();
  const [chosen, setChosen] = useState(group.marks[0].id);
  const [state, action, pending] = useFormAction(reconcileMarksAction);
  useOnSuccess(state, () => router.refresh());
  const restatement = group.marks.find((mark) => mark.id === chosen)!.restatement;
  return (
    <form action={action} className="panel-form" noValidate aria-label={`Reconcile claim ${index + 1}`}>
      <FormMessage state={state} />
      <fieldset>
        <legend>The span the claim covers</legend>
        <GroupMarks group={group} choose={{ name: "markId", chosen, onChoose: setChosen }} />
      </fieldset>
      <Field key={chosen} name="restatement" id={`reconcile-${index}-restatement`} label="The claim in your words" state={state} defaultValue={restatement} multiline />
      <div className="button-row">
        <button className="button" type="submit" name="outcome" value="claim" disabled={pending}>
          Make it a claim
        </button>
        <button className="button button--quiet" type="submit" name="outcome" value="set_aside" disabled={pending}>
          Set aside: not a claim
        </button>
      </div>
    </form>
  );
}
