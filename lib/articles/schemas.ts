import { z } from "zod";
import { progressIdField } from "@/lib/progress/schemas";
import { MAX_SOURCE_BYTES, MAX_TITLE_CHARS, SOURCE_FORMATS, uploadProblem } from "@/lib/import";
import {
  DATE_OUT_OF_RANGE,
  blankToUndefined,
  isDateInRange,
  isRealDate,
  languageTag,
  omittable,
  optionalText,
  pageNumber,
  recordId,
  requiredText,
} from "@/lib/validation/fields";

export const articleDetailsSchema = z.object({
  articleId: recordId("Choose an article."),
  title: requiredText(300, "Enter a title.", "A title has at most 300 characters."),
  outlet: requiredText(120, "Enter the outlet.", "An outlet name has at most 120 characters."),
  url: optionalText(2000, "A URL has at most 2,000 characters.").refine(
    (v) => v === null || /^https?:\/\/[^\s]+$/i.test(v),
    { error: "Enter a web address starting with http:// or https://." },
  ),
  publicationDate: optionalText(10, "Use the form YYYY-MM-DD.")
    .refine((v) => v === null || isRealDate(v), {
      error: "Enter a real date (YYYY-MM-DD).",
    })
    // Not an abort of the one above: an aborted field stops the form's own checks (a missing source).
    .refine((v) => v === null || !isRealDate(v) || isDateInRange(v), { error: DATE_OUT_OF_RANGE })
    .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null)),
  language: omittable(languageTag()),
});

const noFile = (value: unknown) =>
  // A file input with nothing chosen still sends an empty, nameless file.
  value === "" || (value instanceof File && value.name === "" && value.size === 0) ? undefined : value;

const EDITS_UNREADABLE = "The preview's changes could not be read. Preview again.";
const editsShape = z.object({
  dropped: z.array(z.int().min(0).max(100_000)).max(100_000),
  texts: z.record(z.string().regex(/^\d{1,6}$/), z.string().max(MAX_SOURCE_BYTES).transform((v) => v.replaceAll("\u0000", ""))),
});

/**
 * The preview's edits, sent by the form as JSON (lib/import applyEdits): blocks left out and
 * rewritten. Absent or empty: no edits; anything else must be that JSON (a JSON null is not).
 */
const previewEdits = z
  .string()
  .optional()
  .transform((v, ctx): z.output<typeof editsShape> | null => {
    if (!v) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch {
      parsed = undefined;
    }
    const edits = editsShape.safeParse(parsed);
    if (edits.success) return edits.data;
    ctx.addIssue({ code: "custom", message: EDITS_UNREADABLE });
    return z.NEVER;
  });

/** The fields of an import's source: a format, pasted text, an uploaded file or a web address (a new version's too). */
export const importSourceShape = {
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
  // A web page to import; the fetch itself says what it refuses (lib/import/url).
  sourceUrl: omittable(optionalText(2000, "A web address has at most 2,000 characters.")),
  file: z
    .preprocess(noFile, z.file({ error: "Choose a file." }).optional())
    .superRefine((file, ctx) => {
      const problem = file && uploadProblem(file.name, file.size);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((file) => file ?? null),
};

export const hasSource = (v: { content: string | null; file: File | null; sourceUrl: string | null }) => Boolean(v.content || v.file || v.sourceUrl);
const SOURCE_FIELDS = new Set<unknown>(["content", "file", "sourceUrl"]);
export const sourceRequired: z.core.$ZodCustomParams = {
  path: ["content"],
  error: "Paste the article, choose a file or enter its web address.",
  // Also when other fields failed, so every message shows at once; not when the source fields did.
  when: ({ issues }) => !issues.some((issue) => SOURCE_FIELDS.has(issue.path?.[0])),
};

/** The source of an import: an uploaded file, else a web page, else pasted text; and its format. */
export const importSourceSchema = z.object(importSourceShape).refine(hasSource, sourceRequired);

export const importArticleSchema = z
  .object({
    ...importSourceShape,
    // Blank: the title the import found.
    title: optionalText(MAX_TITLE_CHARS, "A title has at most 300 characters."),
    outlet: articleDetailsSchema.shape.outlet,
    url: articleDetailsSchema.shape.url,
    publicationDate: articleDetailsSchema.shape.publicationDate,
    // The article a preview read from sourceUrl, so the import does not fetch the page again.
    fetched: z
      .string()
      .optional()
      .refine((v) => v === undefined || new TextEncoder().encode(v).length <= MAX_SOURCE_BYTES, { error: "The page's article is larger than 2 MB." })
      .transform((v) => v?.replaceAll("\u0000", "") || null),
    edits: previewEdits,
    // Set when the editor chose "Import anyway" over an article already in Verity.
    importAnyway: z.preprocess((v) => v === "1" || v === "on" || v === true, z.boolean()),
    // Blank: the language detected in the text.
    language: articleDetailsSchema.shape.language,
    progressId: progressIdField,
  })
  .refine(hasSource, sourceRequired);

/** The article list's sort orders, by their name in the URL. */
export const ARTICLE_SORTS = { newest: "Newest first", oldest: "Oldest first", title: "Title A–Z", claims: "Most claims" } as const;

/** The article list's "state" filter: articles with claims in a state, or retired articles. */
export const ARTICLE_STATE_FILTERS = {
  DRAFT: "Has draft claims",
  SUBMITTED: "Has submitted claims",
  CHANGES_REQUESTED: "Has claims with changes requested",
  APPROVED: "Has approved claims",
  RETIRED: "Retired",
} as const;

export const PUBLISHED_FILTERS = { yes: "Published", no: "Not published" } as const;
export const CLAIMS_FILTERS = { yes: "With claims", no: "Without claims" } as const;

/** One of a list's keys, or nothing when the URL leaves it out. */
function oneOf<Options extends Record<string, string>>(options: Options, message: string) {
  const keys = Object.keys(options) as [keyof Options & string, ...(keyof Options & string)[]];
  return z.preprocess(blankToUndefined, z.enum(keys, { error: message }).optional());
}

/** The article list's search, filters, sort and page, as its URL query carries them. */
export const articleListQuerySchema = z.object({
  q: omittable(optionalText(200, "Search for at most 200 characters.")),
  outlet: omittable(optionalText(120, "An outlet name has at most 120 characters.")),
  language: omittable(languageTag()),
  state: oneOf(ARTICLE_STATE_FILTERS, "Choose a state from the list."),
  published: oneOf(PUBLISHED_FILTERS, "Choose published or not published."),
  claims: oneOf(CLAIMS_FILTERS, "Choose with or without claims."),
  sort: oneOf(ARTICLE_SORTS, "Choose a sort order from the list.").transform((v) => v ?? "newest"),
  page: pageNumber(),
});

export type ArticleListQuery = z.output<typeof articleListQuerySchema>;

/** Retire or restore an article: which one. */
export const articleRefSchema = z.object({
  articleId: recordId("Choose an article."),
});
