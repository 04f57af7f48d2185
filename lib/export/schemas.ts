import { z } from "zod";
import { EXPORT_FORMAT_NAMES } from "@/lib/export/formats";
import { recordId } from "@/lib/validation/fields";

export const MAX_ANNOTATION_FILE_BYTES = 4 * 1024 * 1024;

const noFile = (value: unknown) =>
  // A file input with nothing chosen still sends an empty, nameless file.
  value === "" || (value instanceof File && value.name === "" && value.size === 0) ? undefined : value;

/** An uploaded W3C Web Annotation export (.jsonld or .json) or Hypothesis file (.json) for an article. */
export const importAnnotationsSchema = z.object({
  articleId: recordId("Choose an article."),
  file: z
    .preprocess(noFile, z.file({ error: "Choose a .jsonld file (a Web Annotations export)." }))
    .refine((file) => file.size <= MAX_ANNOTATION_FILE_BYTES, { error: "The file is larger than 4 MB." })
    .refine((file) => /\.(jsonld|json)$/i.test(file.name), { error: "Choose a .jsonld or .json file." }),
});

export const FEED_PAGE_SIZE = 50;

const wholeNumber = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

/** ?page=N&pageSize=M of the ClaimReview feed; pages count from 1. */
export const feedQuerySchema = z.object({
  page: wholeNumber(1, 1_000_000, "page must be a whole number of 1 or more.").default(1),
  pageSize: wholeNumber(1, 100, "pageSize must be a whole number from 1 to 100.").default(FEED_PAGE_SIZE),
});

/** ?pageSize=M&pageToken=T of the ClaimReviewMarkupPage feed, as Google's list calls name them; the token is the page number. */
export const markupFeedQuerySchema = z
  .object({
    pageSize: wholeNumber(1, 100, "pageSize must be a whole number from 1 to 100.").default(FEED_PAGE_SIZE),
    pageToken: wholeNumber(1, 1_000_000, "pageToken must be one this feed gave as nextPageToken.").default(1),
  })
  .transform(({ pageSize, pageToken }) => ({ pageSize, page: pageToken }));

/** /p/<article>/claims/<n>: n counts the article's approved claims from 1. */
export const claimPageParamsSchema = z.object({
  articleId: z.string(),
  n: z.string().regex(/^[1-9]\d{0,5}$/, { error: "There is no such claim." }).transform(Number),
});

/** /articles/<id>/export/<format>: a format that is not one of ours names nothing. */
export const exportParamsSchema = z.object({
  id: z.string(),
  format: z.enum(EXPORT_FORMAT_NAMES, { error: (issue) => `There is no export format “${String(issue.input)}”.` }),
});

/** ?pending=1: an editor's internal export, with the claims not approved yet. */
export const exportQuerySchema = z.object({ pending: z.string().optional().transform((value) => value === "1") });
