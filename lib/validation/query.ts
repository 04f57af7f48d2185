import type { z } from "zod";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A page's URL query (its filters), checked with a zod schema whose fields may all be left
 * out: a value the schema refuses is dropped and named with its message, so the other
 * filters still apply and the page can say what it did not understand.
 */
export function parseQuery<Schema extends z.ZodObject>(schema: Schema, params: SearchParams) {
  // A repeated parameter (?q=a&q=b) counts by its first value.
  const values = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, [params[key]].flat()[0]]));
  const checked = schema.safeParse(values);
  if (checked.success) return { query: checked.data, problems: {} as Record<string, string> };
  const problems: Record<string, string> = {};
  for (const issue of checked.error.issues) problems[String(issue.path[0])] ??= issue.message;
  const query = schema.parse(Object.fromEntries(Object.entries(values).filter(([key]) => !(key in problems))));
  return { query, problems };
}
