/**
 * What people type into a search box, made safe and plain for PostgreSQL's
 * websearch_to_tsquery (which understands "quoted phrases", OR and -excluded words and
 * never fails on odd input). Pure: the page, the data layer and the tests share it.
 */

/** Longer input is cut (at a space) to this many characters. */
export const MAX_QUERY_CHARS = 500;

export type NormalisedQuery =
  | { kind: "empty"; message: string }
  | {
      kind: "query";
      /** What to look for, in websearch syntax: words, "phrases", OR. */
      include: string;
      /** Words and "phrases" that must not occur (the leading "-" removed), in websearch syntax joined by OR. */
      exclude: string;
      /** The quoted phrases every match holds (none when the query has an OR), without their quotes. */
      phrases: string[];
      /** The whole query as it will be run, for showing back to the user. */
      text: string;
      /** The input was longer than MAX_QUERY_CHARS and was cut. */
      truncated: boolean;
    };

export const EMPTY_QUERY_MESSAGE = "Type something to search.";
export const NO_WORDS_MESSAGE = "Type a word or a number to search for.";
export const ONLY_EXCLUDED_MESSAGE = "Add a word to look for: excluded words alone would match nearly everything.";
/** Shown when PostgreSQL finds nothing left to search for (only stop words such as “the” or “or”). */
export const STOP_WORDS_MESSAGE = "Those words are too common to search for. Add a more specific word.";

/** A quoted phrase (possibly unclosed at the end), or a run of anything else up to a space or quote. */
const TOKEN = /-?"[^"]*(?:"|$)|[^\s"]+/g;
const SEARCHABLE = /[\p{L}\p{N}]/u;

export function normaliseQuery(raw: unknown): NormalisedQuery {
  if (typeof raw !== "string") return { kind: "empty", message: EMPTY_QUERY_MESSAGE };
  let text = raw
    .normalize("NFC")
    // Control characters, lone surrogates and the typographic quotes people paste from articles.
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, " ")
    .replace(/[“”„‟«»]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
  if (text === "") return { kind: "empty", message: EMPTY_QUERY_MESSAGE };

  let truncated = false;
  if (text.length > MAX_QUERY_CHARS) {
    truncated = true;
    const space = text.lastIndexOf(" ", MAX_QUERY_CHARS);
    text = (space > MAX_QUERY_CHARS / 2 ? text.slice(0, space) : text.slice(0, MAX_QUERY_CHARS)).replace(/[\uD800-\uDBFF]$/, "").trim();
  }

  const include: string[] = [];
  const exclude: string[] = [];
  for (const [token] of text.matchAll(TOKEN)) {
    // "-word" and -"a phrase" exclude; a lone "-" or "--" is not a word at all.
    if (token.startsWith("-") && SEARCHABLE.test(token)) exclude.push(closeQuote(token.replace(/^-+/, "")));
    else include.push(closeQuote(token));
  }
  const included = include.join(" ");
  // "OR" between words is an operator, not something to look for.
  if (!include.some((token) => token !== "OR" && SEARCHABLE.test(token))) {
    return { kind: "empty", message: exclude.length > 0 ? ONLY_EXCLUDED_MESSAGE : NO_WORDS_MESSAGE };
  }
  const excluded = exclude.join(" OR ");
  const phrases = include.includes("OR") ? [] : include.filter((token) => token.startsWith('"')).map((token) => token.slice(1, -1).trim()).filter((phrase) => SEARCHABLE.test(phrase));
  return {
    kind: "query",
    include: included,
    exclude: excluded,
    phrases,
    text: exclude.length > 0 ? `${included} ${exclude.map((e) => `-${e}`).join(" ")}` : included,
    truncated,
  };
}

/** An unclosed quoted phrase runs to the end of the input: close it. */
function closeQuote(token: string) {
  return token.startsWith('"') && (token.length === 1 || !token.endsWith('"')) ? `${token}"` : token;
}
