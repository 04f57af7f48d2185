import type { z } from "zod";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A page's URL query (its filters), checked with a zod schema whose fields may all be left
 * out: a value the schema refuses is dropped and named with its message, so the other
 * filters still apply and the page can say what it did not understand.
 */
export function parseQuery<Schema extends z.ZodType>(schema: Schema, params: SearchParams): { query: z.output<Schema>; problems: Record<string, string> } {
  // A repeated parameter (?q=a&q=b) counts by its first value.
  let values = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, [value].flat()[0]]));
  const problems: Record<string, string> = {};
  // Each round drops the fields refused; a check across fields (a date range) may refuse one only once the others pass.
  for (;;) {
    const checked = schema.safeParse(values);
    if (checked.success) return { query: checked.data, problems };
    for (const issue of checked.error.issues) problems[String(issue.path[0])] ??= issue.message;
    const left = Object.fromEntries(Object.entries(values).filter(([key]) => !(key in problems)));
    // A refusal no field can be dropped for is a schema this helper does not serve.
    if (Object.keys(left).length === Object.keys(values).length) throw checked.error;
    values = left;
  }
}
