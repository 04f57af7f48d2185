"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { MarkView } from "@/lib/marking/types";
import { addBlindMarkAction, finishMarkingAction, removeBlindMarkAction } from "@/lib/marking/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { Field, FormMessage } from "@/components/forms/field";
import { MarkedText, offsetsOfSelection } from "@/components/marking/marked-text";

type Selected = { start: number; end: number; exact: string };

/**
 * A panel reviewer's blind marking: the article's text with their own marks, a claim marked
 * by selecting its words (or, from the keyboard, by typing them as printed), their marks with
 * a way to take one back, and "I have finished".
 */
export function MarkingWorkspace({ roundId, text, mine }: { roundId: string; text: string; mine: MarkView[] }) {
  const router = useRouter();
  const textRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [typed, setTyped] = useState("");
  const [found, setFound] = useState("");
  const [state, action, pending, form] = useFormAction(addBlindMarkAction);
  useOnSuccess(state, () => {
    setSelected(null);
    setTyped("");
    setFound("");
    router.refresh();
  });

  function takeSelection() {
    const offsets = textRef.current && offsetsOfSelection(textRef.current, window.getSelection());
    if (!offsets) return;
    setSelected({ ...offsets, exact: text.slice(offsets.start, offsets.end) });
    setTyped("");
    setFound("");
  }

  function findTyped(words: string) {
    setTyped(words);
    const wanted = words.trim();
    if (!wanted) return setFound("");
    const first = text.indexOf(wanted);
    if (first === -1) {
      setSelected(null);
      return setFound("These words are not in the article as typed.");
    }
    const again = text.indexOf(wanted, first + 1) !== -1;
    setSelected({ start: first, end: first + wanted.length, exact: wanted });
    setFound(again ? "These words appear more than once: the first is marked. Type more of the sentence to choose another." : "Found in the article.");
  }

  return (
    <div className="marking">
      <div ref={textRef} onMouseUp={takeSelection} onKeyUp={takeSelection}>
        <MarkedText text={text} spans={mine.map((mark) => ({ start: mark.start, end: mark.end, title: mark.restatement }))} label="The article's text, with your marks" />
      </div>
      <aside className="marking__side">
        <form ref={form} action={action} className="card panel-form" noValidate aria-label="Mark a claim">
          <h2>Mark a claim</h2>
          <FormMessage state={state} />
          <input type="hidden" name="roundId" value={roundId} />
          <input type="hidden" name="start" value={selected?.start ?? ""} />
          <input type="hidden" name="end" value={selected?.end ?? ""} />
          <input type="hidden" name="exact" value={selected?.exact ?? ""} />
          <div className="field">
            <label htmlFor="marking-words">The claim’s words</label>
            <p id="marking-words-hint" className="field-hint">
              Select them in the text, or type them as printed.
            </p>
            <textarea
              id="marking-words"
              rows={3}
              value={selected && !typed ? selected.exact : typed}
              onChange={(event) => findTyped(event.target.value)}
              aria-describedby={["marking-words-hint", found && "marking-words-found", state.fieldErrors?.exact && "marking-words-error"].filter(Boolean).join(" ")}
              aria-invalid={state.fieldErrors?.exact || state.fieldErrors?.start || state.fieldErrors?.end ? true : undefined}
            />
            {found && (
              <p id="marking-words-found" className="field-hint" role="status">
                {found}
              </p>
            )}
            {(state.fieldErrors?.exact ?? state.fieldErrors?.start ?? state.fieldErrors?.end) && (
              <p id="marking-words-error" className="field-error">
                {(state.fieldErrors?.exact ?? state.fieldErrors?.start ?? state.fieldErrors?.end)![0]}
              </p>
            )}
          </div>
          <Field name="restatement" id="marking-restatement" label="The claim in your words" state={state} multiline />
          <button className="button" type="submit" disabled={pending}>
            {pending ? "Marking…" : "Mark as a claim"}
          </button>
        </form>
        <section className="card" aria-labelledby="my-marks">
          <h2 id="my-marks">Your marks ({mine.length})</h2>
          {mine.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <ol className="marking__marks">
              {mine.map((mark) => (
                <li key={mark.id}>
                  <q>{mark.exact}</q>
                  <span className="muted"> — {mark.restatement}</span> <RemoveMark markId={mark.id} />
                </li>
              ))}
            </ol>
          )}
          <FinishMarking roundId={roundId} count={mine.length} />
        </section>
      </aside>
    </div>
  );
}

function RemoveMark({ markId }: { markId: string }) {
  const router = useRouter();
  const [state, action, pending] = useFormAction(removeBlindMarkAction);
  useOnSuccess(state, () => router.refresh());
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="markId" value={markId} />
      <button className="button button--quiet button--small" type="submit" disabled={pending}>
        Remove
      </button>
      {state.status === "error" && <span className="field-error">{state.message}</span>}
    </form>
  );
}

function FinishMarking({ roundId, count }: { roundId: string; count: number }) {
  const router = useRouter();
  const [state, action, pending] = useFormAction(finishMarkingAction);
  useOnSuccess(state, () => router.refresh());
  return (
    <form action={action} className="panel-form">
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <button className="button button--quiet" type="submit" disabled={pending}>
        {count === 0 ? "I have finished: I found no claims" : "I have finished marking"}
      </button>
    </form>
  );
}
