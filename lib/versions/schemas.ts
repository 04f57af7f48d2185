import { z } from "zod";
import { articleDetailsSchema, hasSource, importSourceShape, sourceRequired } from "@/lib/articles/schemas";
import { recordId } from "@/lib/validation/fields";

const newVersionShape = {
  ...importSourceShape,
  articleId: recordId("Choose an article."),
  /** The day the outlet updated the article; blank: today. */
  outletUpdatedOn: articleDetailsSchema.shape.publicationDate,
};

/** A new version of an article to review: its source (pasted or uploaded, read as an import reads it) and the outlet's date. */
export const newVersionSchema = z.object(newVersionShape).refine(hasSource, sourceRequired);

/** The same, confirmed: with the version it was reviewed against and the digest of the text reviewed. */
export const confirmVersionSchema = z
  .object({
    ...newVersionShape,
    basedOn: z.coerce.number({ error: "Review the new version again." }).int({ error: "Review the new version again." }).min(1, { error: "Review the new version again." }),
    digest: z.string({ error: "Review the new version again." }).regex(/^[0-9a-f]{64}$/, { error: "Review the new version again." }),
  })
  .refine(hasSource, sourceRequired);

export type NewVersionInput = z.output<typeof newVersionSchema>;
export type ConfirmVersionInput = z.output<typeof confirmVersionSchema>;
