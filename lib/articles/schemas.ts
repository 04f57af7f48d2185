import { z } from "zod";
import { MAX_SOURCE_BYTES, MAX_TITLE_CHARS, SOURCE_FORMATS, uploadProblem } from "@/lib/import";

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { error: message })
    .transform((v) => v || null);

export const articleDetailsSchema = z.object({
  articleId: z.string().trim().min(1).max(64),
  title: z
    .string({ error: "Enter a title." })
    .trim()
    .min(1, { error: "Enter a title." })
    .max(300, { error: "A title has at most 300 characters." }),
  outlet: z
    .string({ error: "Enter the outlet." })
    .trim()
    .min(1, { error: "Enter the outlet." })
    .max(120, { error: "An outlet name has at most 120 characters." }),
  url: optionalText(2000, "A URL has at most 2,000 characters.").refine(
    (v) => v === null || /^https?:\/\/[^\s]+$/i.test(v),
    { error: "Enter a web address starting with http:// or https://." },
  ),
  publicationDate: optionalText(10, "Use the form YYYY-MM-DD.")
    .refine((v) => v === null || isRealDate(v), {
      error: "Enter a real date (YYYY-MM-DD).",
    })
    .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null)),
});

// Date.parse rolls impossible days over ("2025-02-30" is 2 March), so the date must survive a round trip.
function isRealDate(v: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
}

const noFile = (value: unknown) =>
  // A file input with nothing chosen still sends an empty, nameless file.
  value === "" || (value instanceof File && value.name === "" && value.size === 0) ? undefined : value;

const importSourceShape = {
  format: z.enum(["auto", ...SOURCE_FORMATS], { error: "Choose a format." }).default("auto"),
  content: z
    .string()
    .optional()
    .refine((v) => v === undefined || new TextEncoder().encode(v).length <= MAX_SOURCE_BYTES, {
      error: "The text is larger than 2 MB.",
    })
    // PostgreSQL cannot store U+0000: pasted text loses it, as every import does (lib/import).
    .transform((v) => v?.replaceAll("\u0000", ""))
    .transform((v) => (v && /\S/.test(v) ? v : null)),
  file: z
    .preprocess(noFile, z.file({ error: "Choose a file." }).optional())
    .superRefine((file, ctx) => {
      const problem = file && uploadProblem(file.name, file.size);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((file) => file ?? null),
};

const hasSource = (v: { content: string | null; file: File | null }) => Boolean(v.content || v.file);
const sourceRequired: z.core.$ZodCustomParams = {
  path: ["content"],
  error: "Paste the article or choose a file.",
  // Also when other fields failed, so every message shows at once; not when the source fields did.
  when: ({ issues }) => !issues.some((issue) => issue.path?.[0] === "content" || issue.path?.[0] === "file"),
};

/** The source of an import: pasted text or an uploaded file (which wins), and its format. */
export const importSourceSchema = z.object(importSourceShape).refine(hasSource, sourceRequired);

export const importArticleSchema = z
  .object({
    ...importSourceShape,
    // Blank: the title the import found.
    title: optionalText(MAX_TITLE_CHARS, "A title has at most 300 characters."),
    outlet: articleDetailsSchema.shape.outlet,
    url: articleDetailsSchema.shape.url,
    publicationDate: articleDetailsSchema.shape.publicationDate,
  })
  .refine(hasSource, sourceRequired);
