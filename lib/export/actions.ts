"use server";

import { formAction } from "@/lib/actions/form-action";
import { revalidateArticles } from "@/lib/actions/revalidate";
import { FieldError } from "@/lib/errors";
import { importAnnotations } from "@/lib/export/import";
import { notSearchedNote } from "@/lib/export/import-annotations";
import { importAnnotationsSchema } from "@/lib/export/schemas";

export const importAnnotationsAction = formAction(importAnnotationsSchema, async (actor, input) => {
  let json: unknown;
  try {
    json = JSON.parse(await input.file.text());
  } catch {
    throw new FieldError("file", "This file is not JSON: choose a Web Annotations export (.jsonld) or a Hypothesis export (.json).");
  }
  const result = await importAnnotations(actor, input.articleId, json);
  revalidateArticles([input.articleId]);
  const created = result.created.length;
  const changed = result.created.filter((claim) => claim.method === "fuzzy").length;
  const orphaned = result.orphaned.length;
  const count = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
  const message =
    `${created === 0 ? "No" : created.toLocaleString("en")} draft claim${created === 1 ? "" : "s"} created` +
    (changed > 0 ? ` (${changed.toLocaleString("en")} on text that has changed: check ${changed === 1 ? "it" : "them"})` : "") +
    (result.comments > 0 ? `, with ${count(result.comments, "reply as a comment", "replies as comments")}` : "") +
    (orphaned > 0 ? `; ${orphaned.toLocaleString("en")} could not be placed on this article’s text. ${notSearchedNote(result.orphaned)}`.trimEnd() : ".") +
    (result.skipped.length > 0 ? ` ${count(result.skipped.length, "annotation", "annotations")} skipped.` : "");
  return { message, data: result };
});
