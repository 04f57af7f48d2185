import { languageName } from "@/lib/format";

/**
 * Which PostgreSQL text search configuration (stemmer and stop words) indexes and parses the
 * text of an article in a language. Pure: the data layer, the migration's back-fill (which
 * spells the same table in SQL) and the tests share it.
 */

/** BCP 47 primary language subtag -> the configuration PostgreSQL ships for it (Snowball stemmers). */
const CONFIGURATIONS: Record<string, string> = {
  ar: "arabic",
  ca: "catalan",
  da: "danish",
  de: "german",
  el: "greek",
  en: "english",
  es: "spanish",
  et: "estonian",
  eu: "basque",
  fi: "finnish",
  fr: "french",
  ga: "irish",
  hi: "hindi",
  hu: "hungarian",
  hy: "armenian",
  id: "indonesian",
  it: "italian",
  lt: "lithuanian",
  nb: "norwegian",
  ne: "nepali",
  nl: "dutch",
  nn: "norwegian",
  no: "norwegian",
  pt: "portuguese",
  ro: "romanian",
  ru: "russian",
  sr: "serbian",
  sv: "swedish",
  ta: "tamil",
  tr: "turkish",
  yi: "yiddish",
};

/** The languages whose words PostgreSQL can stem (where this database has the configuration), by tag. */
export const STEMMED_LANGUAGES = Object.keys(CONFIGURATIONS);

/** Words are matched as written, without stemming or stop words. */
export const EXACT_WORDS = "simple";

/**
 * An article whose language is not known is indexed in English: every article was, before
 * languages were recorded, and the column's default says the same.
 */
export const UNKNOWN_LANGUAGE = "english";

/** The configuration that stems a language's words, or null when PostgreSQL has none for it. */
export function stemmingConfiguration(language: string): string | null {
  return CONFIGURATIONS[language.split("-")[0].toLowerCase()] ?? null;
}

/**
 * What search cannot do for an article in `language` indexed with `config`, in a sentence, or
 * null when its words are stemmed as its language's.
 */
export function stemmingNotice(language: string, config: string): string | null {
  const wanted = stemmingConfiguration(language);
  if (wanted === config) return null;
  const name = languageName(language);
  return wanted
    ? `Stemming for ${name} is not available on this database; search matches exact words.`
    : `PostgreSQL has no stemming for ${name}; search matches exact words in it.`;
}

/**
 * The configuration an article's text is indexed with: its language's, if this database has
 * it (`available`: the names in pg_ts_config), else exact words.
 */
export function searchConfiguration(language: string | null, available: ReadonlySet<string>): string {
  if (language === null) return UNKNOWN_LANGUAGE;
  const wanted = stemmingConfiguration(language);
  return wanted && available.has(wanted) ? wanted : EXACT_WORDS;
}
