"use client";

import Link from "next/link";
import { useState } from "react";
import { addEvidenceAction } from "@/lib/claims/actions";
import type { FormState } from "@/lib/actions/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import { useOnSuccess } from "@/components/forms/use-on-success";
import { Field, FormMessage } from "@/components/forms/field";
import { StanceOptions } from "@/components/reader/verdict";
import type { ClaimDetailData } from "@/components/reader/use-claim-detail";

/** An article a passage of evidence can be taken from. */
export interface ArticleChoice {
  id: string;
  title: string;
}

export function AddPassage({ claimId, articles }: { claimId: string; articles: ArticleChoice[] }) {
  const [articleId, setArticleId] = useState(articles[0]?.id ?? "");
  return (
    <details className="add-evidence">
      <summary>Add a passage from an article</summary>
      <p className="field-hint">Open an article, select the passage, then choose &ldquo;Use as evidence&rdquo;.</p>
      <div className="inline-form">
        <label className="sr-only" htmlFor="passage-article">
          Article
        </label>
        <select id="passage-article" value={articleId} onChange={(event) => setArticleId(event.target.value)}>
          {articles.map((article) => (
            <option key={article.id} value={article.id}>
              {article.title}
            </option>
          ))}
        </select>
        <Link className="button button--quiet button--small" href={`/articles/${articleId}?evidenceFor=${claimId}`}>
          Open article
        </Link>
      </div>
    </details>
  );
}

function StanceSelect({ id, state }: { id: string; state: FormState }) {
  return (
    <Field name="stance" id={id} label="The source…" state={state}>
      <select id={id} name="stance" defaultValue={state.values?.stance ?? "SUPPORTS"}>
        <StanceOptions />
      </select>
    </Field>
  );
}

export function AddExternalSource({ claim, onAdded }: { claim: ClaimDetailData; onAdded: (claim: ClaimDetailData) => void }) {
  const [state, action, pending, form] = useFormAction(addEvidenceAction);
  useOnSuccess(state, (done) => onAdded(done.data.claim));
  const today = new Date().toISOString().slice(0, 10);
  return (
    <details className="add-evidence" open={state.status === "error" ? true : undefined}>
      <summary>Add an external source</summary>
      <form ref={form} action={action} className="panel-form" noValidate key={state.status === "ok" ? state.message : "form"}>
        <FormMessage state={state} />
        <input type="hidden" name="kind" value="EXTERNAL" />
        <input type="hidden" name="claimId" value={claim.id} />
        <input type="hidden" name="version" value={claim.version} />
        <StanceSelect id="external-stance" state={state} />
        <Field name="url" id="external-url" label="URL" type="url" state={state} required />
        <Field name="title" id="external-title" label="Title" state={state} required />
        <Field name="excerpt" id="external-excerpt" label="Quoted excerpt" multiline state={state} />
        <Field name="accessedAt" id="external-accessed" label="Date accessed" type="date" state={state} defaultValue={today} />
        <button className="button button--small" type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add source"}
        </button>
      </form>
    </details>
  );
}
