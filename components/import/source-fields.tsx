import type { ReactNode, Ref } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { describedBy, Field, invalid } from "@/components/forms/field";

const FORMATS = [
  ["auto", "Auto-detect"],
  ["TEXT", "Plain text"],
  ["MARKDOWN", "Markdown"],
  ["HTML", "HTML"],
] as const;

/**
 * The form's data as the server should get it: a file input with nothing chosen still
 * submits an empty file, which arrives under a made-up name ("blob"), so it is left out.
 */
export function sourceFormData(form: HTMLFormElement): FormData {
  const formData = new FormData(form);
  const file = formData.get("file");
  if (file instanceof File && file.size === 0 && file.name === "") formData.delete("file");
  return formData;
}

/**
 * Where an article's text comes from, for an import and for a new version alike: a web
 * address, pasted text or a file (read in that order of preference: a file, then the
 * address, then the text; lib/articles/data.ts readSource), and its format.
 */
export function SourceFields({
  state,
  urlLabel,
  urlHint,
  urlDefault,
  urlRef,
  contentLabel,
}: {
  state: FormState;
  urlLabel: string;
  urlHint: ReactNode;
  urlDefault?: string;
  urlRef?: Ref<HTMLInputElement>;
  contentLabel: string;
}) {
  return (
    <>
      <Field name="sourceUrl" label={urlLabel} state={state}>
        <input
          ref={urlRef}
          id="sourceUrl"
          name="sourceUrl"
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://"
          defaultValue={urlDefault}
          aria-invalid={invalid(state, "sourceUrl")}
          aria-describedby={describedBy(state, "sourceUrl", "sourceUrl-hint")}
        />
        <p id="sourceUrl-hint" className="field-hint">
          {urlHint}
        </p>
      </Field>
      <Field name="content" label={contentLabel} state={state}>
        <textarea id="content" name="content" rows={12} spellCheck={false} aria-invalid={invalid(state, "content")} aria-describedby={describedBy(state, "content")} />
      </Field>
      <Field name="file" label="Or choose a file" state={state}>
        <input id="file" name="file" type="file" accept=".txt,.md,.markdown,.html,.htm" aria-invalid={invalid(state, "file")} aria-describedby={describedBy(state, "file", "file-hint")} />
        <p id="file-hint" className="field-hint">
          .txt, .md or .html, up to 2 MB. A chosen file is read instead of the address or pasted text.
        </p>
      </Field>
      <Field name="format" label="Format" state={state}>
        <select id="format" name="format" defaultValue="auto" aria-invalid={invalid(state, "format")} aria-describedby={describedBy(state, "format")}>
          {FORMATS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
