import { z } from "zod";

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
