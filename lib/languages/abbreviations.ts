/**
 * Words whose period does not end a sentence (lower-cased, without the period): titles
 * before names and month abbreviations. English's hold in every article (they were the only
 * ones before languages were recorded); a language adds its own. Words that often end a
 * sentence too ("etc.", "usw.") are left out: a missed break joins two sentences, a wrong one
 * cuts a claim in half.
 */
const ENGLISH = [
  "mr", "mrs", "ms", "dr", "prof", "st", "mt", "ft", "jr", "sr", "rev", "hon",
  "rep", "reps", "sen", "sens", "gov", "pres", "gen", "lt", "col", "maj",
  "capt", "sgt", "cmdr", "adm", "vs",
  "jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec",
];

const BY_LANGUAGE: Record<string, string[]> = {
  fr: ["m", "mm", "mme", "mmes", "mlle", "mlles", "me", "pr", "ste", "janv", "févr", "avr", "juil", "déc", "env", "cf", "p"],
  de: ["hr", "fr", "nr", "str", "bzw", "ca", "vgl", "ggf", "inkl", "evtl", "mio", "mrd", "okt", "dez", "jh", "abs"],
  es: ["sra", "srta", "dra", "dña", "ud", "uds", "pág", "núm", "ene", "abr", "ago", "dic", "aprox", "av", "avda"],
  pt: ["sra", "dra", "profa", "av", "fev", "abr", "ago", "set", "out", "dez", "aprox", "pág"],
  it: ["sig", "sigg", "dott", "ing", "avv", "on", "gen", "giu", "lug", "ott", "dic"],
  nl: ["dhr", "mevr", "mw", "drs", "ir", "mr", "blz", "nr", "ca", "jl", "mrt", "okt"],
};

const cache = new Map<string, ReadonlySet<string>>();

/** The abbreviations of a language (a BCP 47 tag; null: not known), English's included. */
export function abbreviationsOf(language: string | null): ReadonlySet<string> {
  const primary = language?.split("-")[0].toLowerCase() ?? "";
  let set = cache.get(primary);
  if (!set) {
    set = new Set([...ENGLISH, ...(BY_LANGUAGE[primary] ?? [])]);
    cache.set(primary, set);
  }
  return set;
}
