import { readFileSync } from "node:fs";
import path from "node:path";
import { describeSpan } from "@/lib/anchoring";
import type { Placement, StoredSpan } from "@/lib/versions/reanchor";

/**
 * The re-anchoring edit set: realistic edits an outlet makes to an article (the sample
 * articles in seeds/), each with a claim on the old text and, labelled by hand, the text the
 * claim must land on in the new version, or null where it must be orphaned (its words are
 * gone). Used by reanchor.test.ts, which prints the tally (`npx jest lib/versions/reanchor.test.ts`).
 */
export interface EditCase {
  name: string;
  family: EditFamily;
  oldText: string;
  newText: string;
  /** The claim's quote in the old text (once). */
  claim: string;
  /** The quote it must land on in the new text (once), or null: it must be orphaned. */
  expected: string | null;
}

export const EDIT_FAMILIES = [
  "inserted before",
  "edited inside",
  "paragraph split",
  "paragraphs merged",
  "sentence deleted",
  "paragraph moved",
  "typography",
] as const;
export type EditFamily = (typeof EDIT_FAMILIES)[number];

const SEEDS = path.join(__dirname, "../../seeds");

/** A sample article's text as an import's canonical text has it: one "\n" between paragraphs. */
export function seedText(file: string): string {
  return readFileSync(path.join(SEEDS, file), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

const HEGSETH = seedText("000_d78417cbfd61cd3c.txt");
const CONCESSIONS = seedText("001_73626d045f155711.txt");
const CLARITY = seedText("002_32a433d7d855f8fc.txt");
const TABLE = seedText("003_2e21b0443b55ba82.txt");

/** `text` with its one occurrence of `from` replaced. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`Not exactly once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const paragraphs = (text: string) => text.split("\n");
const paragraphWith = (text: string, words: string) => {
  const found = paragraphs(text).filter((p) => p.includes(words));
  if (found.length !== 1) throw new Error(`Not in exactly one paragraph: ${words}`);
  return found[0];
};

/** The paragraph holding `words` moved to `where` (the start or the end of the text). */
function moveParagraph(text: string, words: string, where: "start" | "end"): string {
  const moving = paragraphWith(text, words);
  const rest = paragraphs(text).filter((p) => p !== moving);
  return (where === "start" ? [rest[0], moving, ...rest.slice(1)] : [...rest, moving]).join("\n");
}

/** The paragraph holding `words` and the one after it as one paragraph. */
function mergeWithNext(text: string, words: string): string {
  const all = paragraphs(text);
  const i = all.indexOf(paragraphWith(text, words));
  return [...all.slice(0, i), `${all[i]} ${all[i + 1]}`, ...all.slice(i + 2)].join("\n");
}

const NOTE = "Editor’s note: This article was updated on Friday with comments from the State Department and a correction.";

function editCase(name: string, family: EditFamily, oldText: string, edit: (text: string) => string, claim: string, expected: string | null = claim): EditCase {
  return { name, family, oldText, newText: edit(oldText), claim, expected };
}

export const EDIT_CASES: EditCase[] = [
  // An editor's note, a paragraph or a sentence inserted before the claim.
  editCase("editor's note on top, claim in the first paragraph", "inserted before", HEGSETH, (t) => `${NOTE}\n${t}`, "returning to Ukraine’s pre-2014 borders is “an unrealistic objective.”"),
  editCase("editor's note on top, claim at the end", "inserted before", CONCESSIONS, (t) => `${NOTE}\n${t}`, "Russia currently occupies roughly 20% of Ukraine’s territory"),
  editCase("paragraph inserted before the claim's", "inserted before", TABLE, (t) => replaceOnce(t, "Hegseth bristled at", "The State Department said on Friday it had not been consulted.\nHegseth bristled at"), "the U.S. was giving away leverage to Putin"),
  editCase("sentence inserted just before the claim", "inserted before", CLARITY, (t) => replaceOnce(t, "During the conference, Hegseth", "The speech lasted twenty minutes. During the conference, Hegseth"), "Hegseth labeled it \"unrealistic\" for Ukraine to expect to reclaim territory occupied by Russia"),
  editCase("words inserted right before the claim", "inserted before", TABLE, (t) => replaceOnce(t, "German Defense Minister", "Speaking after the meeting, German Defense Minister"), "Boris Pistorius accused the Trump administration"),
  editCase("a dateline added before the first sentence", "inserted before", TABLE, (t) => `BRUSSELS — ${t}`, "Defense Secretary Pete Hegseth on Thursday pulled back some of the peace deal concessions"),
  editCase("a subheading inserted before the claim's paragraph", "inserted before", HEGSETH, (t) => replaceOnce(t, "In response to Hegseth’s comments", "Reaction in Congress\nIn response to Hegseth’s comments"), "Rep. Judy Chu accused the Trump administration of prioritizing Russia’s interests"),

  // Words of the claim itself edited.
  editCase("a figure corrected inside the claim", "edited inside", CONCESSIONS, (t) => replaceOnce(t, "roughly 20% of Ukraine’s", "roughly 18% of Ukraine’s"), "Russia currently occupies roughly 20% of Ukraine’s territory", "Russia currently occupies roughly 18% of Ukraine’s territory"),
  editCase("a name's spelling corrected", "edited inside", CONCESSIONS, (t) => replaceOnce(t, "Volodymyr Zelenskiy, directing", "Volodymyr Zelenskyy, directing"), "Trump spoke separately with Russian President Vladimir Putin and Ukrainian President Volodymyr Zelenskiy", "Trump spoke separately with Russian President Vladimir Putin and Ukrainian President Volodymyr Zelenskyy"),
  editCase("a word replaced inside the claim", "edited inside", HEGSETH, (t) => replaceOnce(t, "could exploit Hegseth’s", "might exploit Hegseth’s"), "Putin could exploit Hegseth’s comments to demand even more concessions", "Putin might exploit Hegseth’s comments to demand even more concessions"),
  editCase("a qualifier inserted inside the claim", "edited inside", TABLE, (t) => replaceOnce(t, "would not accept NATO membership", "would not currently accept NATO membership"), "the U.S. would not accept NATO membership for Ukraine or provide peacekeeping troops", "the U.S. would not currently accept NATO membership for Ukraine or provide peacekeeping troops"),
  editCase("a word deleted inside the claim", "edited inside", CLARITY, (t) => replaceOnce(t, "offering vast concessions before", "offering concessions before"), "offering vast concessions before negotiations didn't reflect a strong bargaining position", "offering concessions before negotiations didn't reflect a strong bargaining position"),
  editCase("the claim's last word changed", "edited inside", TABLE, (t) => replaceOnce(t, "a rare public show of disunity", "a rare public show of division"), "who one by one made a rare public show of disunity", "who one by one made a rare public show of division"),
  editCase("the claim's first word changed", "edited inside", CONCESSIONS, (t) => replaceOnce(t, "Critics warn that Trump’s approach", "Analysts warn that Trump’s approach"), "Critics warn that Trump’s approach could set a dangerous precedent", "Analysts warn that Trump’s approach could set a dangerous precedent"),
  editCase("a date corrected inside the claim", "edited inside", CONCESSIONS, (t) => replaceOnce(t, "who took office on January 20", "who took office on January 20, 2025"), "President Donald Trump, who took office on January 20, has vowed", "President Donald Trump, who took office on January 20, 2025, has vowed"),
  editCase("an edit in the sentence beside the claim", "edited inside", TABLE, (t) => replaceOnce(t, "The Pentagon didn’t immediately respond", "The Pentagon did not respond"), "Hegseth bristled at questions concerning the possibility"),

  // A paragraph split in two.
  editCase("paragraph split before the claim's sentence", "paragraph split", HEGSETH, (t) => replaceOnce(t, "objective.” He also emphasized", "objective.”\nHe also emphasized"), "He also emphasized the need for Europe, rather than the U.S., to offer security guarantees"),
  editCase("paragraph split after the claim's sentence", "paragraph split", CONCESSIONS, (t) => replaceOnce(t, "in return.\nA Question", "in return.\nA Question").replace("Kyiv as part of any solution. He also", "Kyiv as part of any solution.\nHe also"), "ruled out NATO membership for Kyiv as part of any solution"),
  editCase("paragraph split inside the claim", "paragraph split", TABLE, (t) => replaceOnce(t, "two days of NATO meetings in Brussels.\nHe made", "two days of NATO meetings in Brussels.\nHe made").replace("negotiations to end the Ukraine war, Hegseth said", "negotiations to end the Ukraine war,\nHegseth said"), "when it comes to negotiations to end the Ukraine war, Hegseth said during a press conference", "when it comes to negotiations to end the Ukraine war,\nHegseth said during a press conference"),
  editCase("a long paragraph split in three", "paragraph split", CLARITY, (t) => replaceOnce(replaceOnce(t, "Russia, along with dismissing", "Russia,\nalong with dismissing"), "membership. His suggestion", "membership.\nHis suggestion"), "European forces should shoulder security responsibilities"),
  editCase("paragraph split with the claim in the second half", "paragraph split", HEGSETH, (t) => replaceOnce(t, "non-NATO mission. He also ruled out", "non-NATO mission.\nHe also ruled out"), "He also ruled out the deployment of U.S. troops to Ukraine"),

  // Two paragraphs merged into one.
  editCase("the claim's paragraph merged with the next", "paragraphs merged", TABLE, (t) => mergeWithNext(t, "Hegseth bristled at"), "Hegseth bristled at questions concerning the possibility that the U.S. was giving away leverage to Putin."),
  editCase("the claim's paragraph merged with the one before", "paragraphs merged", TABLE, (t) => mergeWithNext(t, "The Pentagon didn’t immediately respond"), "The Wednesday turn of events caused a firestorm of criticism"),
  editCase("a claim across two paragraphs, merged", "paragraphs merged", HEGSETH, (t) => mergeWithNext(t, "Critics of Hegseth’s remarks"), "demand even more concessions.\nHegseth further stated that NATO membership", "demand even more concessions. Hegseth further stated that NATO membership"),
  editCase("three paragraphs merged", "paragraphs merged", TABLE, (t) => mergeWithNext(mergeWithNext(t, "Kaja Kallas"), "Kaja Kallas"), "“It is clear that any deal behind our backs will not work,” she told journalists"),
  editCase("a subheading merged into its paragraph", "paragraphs merged", CONCESSIONS, (t) => mergeWithNext(t, "A Concession to Reality?"), "characterized Hegseth’s comments as a “concession to reality.”"),

  // A sentence deleted: the claim's own (orphaned) or one beside it.
  editCase("the claim's sentence deleted", "sentence deleted", TABLE, (t) => replaceOnce(t, "The Pentagon didn’t immediately respond to a request for comment.\n", ""), "The Pentagon didn’t immediately respond to a request for comment.", null),
  editCase("the claim's sentence deleted from a paragraph", "sentence deleted", HEGSETH, (t) => replaceOnce(t, " He also ruled out the deployment of U.S. troops to Ukraine as part of any security guarantee.", ""), "He also ruled out the deployment of U.S. troops to Ukraine", null),
  editCase("the claim's quotation deleted, a similar one stays", "sentence deleted", CONCESSIONS, (t) => replaceOnce(t, " He also emphasized that U.S. troops would not participate in any security presence in Ukraine.", ""), "U.S. troops would not participate in any security presence in Ukraine", null),
  editCase("the claim's paragraph deleted", "sentence deleted", CLARITY, (t) => replaceOnce(t, `${paragraphWith(t, "Trump later commented on the chaos")}\n`, ""), "he would discuss the comments with him directly", null),
  editCase("the sentence before the claim deleted", "sentence deleted", TABLE, (t) => replaceOnce(t, "Kaja Kallas, the European Union’s top diplomat, rejected the idea that Trump and Putin would lead negotiations over Ukraine.\n", ""), "“It is clear that any deal behind our backs will not work,”"),
  editCase("the sentence after the claim deleted", "sentence deleted", HEGSETH, (t) => replaceOnce(t, " This move has raised concerns about the administration’s approach to international diplomacy and its potential impact on Ukraine’s sovereignty.", ""), "Trump has reportedly pressured Ukraine to grant access to rare Earth minerals in exchange for security aid."),
  editCase("a quoted remark retracted", "sentence deleted", TABLE, (t) => replaceOnce(t, "Lithuanian Defense Minister Dovilė Šakalienė told reporters that leaving the negotiations to Trump and Putin alone would be a “deadly trap.”\n", ""), "leaving the negotiations to Trump and Putin alone would be a “deadly trap.”", null),

  // A paragraph moved elsewhere.
  editCase("the claim's paragraph moved to the end", "paragraph moved", HEGSETH, (t) => moveParagraph(t, "Rep. Judy Chu", "end"), "Rep. Judy Chu accused the Trump administration"),
  editCase("the claim's paragraph moved to the top", "paragraph moved", TABLE, (t) => moveParagraph(t, "Zelenskyy, in a Thursday post", "start"), "reiterated the importance of multi-country support"),
  editCase("another paragraph moved before the claim", "paragraph moved", CONCESSIONS, (t) => moveParagraph(t, "Since the war began in February 2022", "start"), "described the U.S. stance as tantamount to “abandoning Ukraine.”"),
  editCase("the claim's paragraph moved up, with a word changed", "paragraph moved", CLARITY, (t) => moveParagraph(replaceOnce(t, "may embolden Russian aggression", "could embolden Russian aggression"), "The contradictory statements", "start"), "the absence of strong US support may embolden Russian aggression", "the absence of strong US support could embolden Russian aggression"),
  editCase("a quote moved to the end of the article", "paragraph moved", TABLE, (t) => moveParagraph(t, "Instead, she said, Europeans must", "end"), "we will be the ones who will be deciding what will happen in Europe and in Ukraine"),
  editCase("the first paragraph moved down", "paragraph moved", CLARITY, (t) => moveParagraph(t, "A recent speech by US Defence Secretary", "end"), "has caused alarm among European allies"),

  // Typography and whitespace.
  editCase("straight quotation marks made curly", "typography", CLARITY, (t) => t.replaceAll('"unrealistic"', "“unrealistic”"), 'Hegseth labeled it "unrealistic" for Ukraine', "Hegseth labeled it “unrealistic” for Ukraine"),
  editCase("straight apostrophes made curly", "typography", CLARITY, (t) => t.replaceAll("'s", "’s"), "Hegseth's remarks about Ukraine's potential concessions to Russia", "Hegseth’s remarks about Ukraine’s potential concessions to Russia"),
  editCase("curly quotation marks made straight", "typography", TABLE, (t) => t.replaceAll("“", '"').replaceAll("”", '"'), "“Everything is on the table” when it comes to negotiations", '"Everything is on the table" when it comes to negotiations'),
  editCase("an em dash made spaced hyphens", "typography", CONCESSIONS, (t) => t.replaceAll("—", " - "), "“giving Putin gifts—Ukrainian land and no NATO membership for Ukraine—before negotiations even begin.”", "“giving Putin gifts - Ukrainian land and no NATO membership for Ukraine - before negotiations even begin.”"),
  editCase("a hyphen made an en dash", "typography", TABLE, (t) => t.replaceAll("pre-2014", "pre–2014"), "warned the country would not return to its pre-2014 borders", "warned the country would not return to its pre–2014 borders"),
  editCase("double spaces after full stops", "typography", HEGSETH, (t) => t.replaceAll(". ", ".  "), "Brett Bruen, director of Global Engagement under the Obama White House, warned that Russian President"),
  editCase("double spaces inside the claim", "typography", TABLE, (t) => t.replaceAll(", a bedrock", ",  a bedrock"), "not be covered by Article 5, a bedrock principle of the alliance", "not be covered by Article 5,  a bedrock principle of the alliance"),
  editCase("non-breaking spaces in a figure", "typography", CONCESSIONS, (t) => t.replaceAll("roughly 20%", "roughly\u00A020%"), "occupies roughly 20% of Ukraine’s territory", "occupies roughly\u00A020% of Ukraine’s territory"),
  editCase("the whole article retyped with straight quotes", "typography", HEGSETH, (t) => t.replaceAll(/[‘’]/g, "'").replaceAll(/[“”]/g, '"'), "Hegseth’s statements came amidst escalating tensions between Russia and Ukraine", "Hegseth's statements came amidst escalating tensions between Russia and Ukraine"),
];

/** How a case came out against its label. */
export type EditOutcome = "exact" | "fuzzy" | "orphaned" | "wrongly orphaned" | "misplaced";

/** Runs one case: the claim re-anchored onto the new text, judged against the labelled span. */
export function runEditCase(c: EditCase, reanchor: (oldText: string, newText: string, spans: StoredSpan[]) => Placement[]): { outcome: EditOutcome; placement: Placement } {
  const start = onlyIndex(c.oldText, c.claim);
  const { quote } = describeSpan(c.oldText, start, start + c.claim.length);
  const [placement] = reanchor(c.oldText, c.newText, [{ startOffset: start, endOffset: start + c.claim.length, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }]);
  if (c.expected === null) return { outcome: placement.kind === "orphaned" ? "orphaned" : "misplaced", placement };
  if (placement.kind === "orphaned") return { outcome: "wrongly orphaned", placement };
  const expectedStart = onlyIndex(c.newText, c.expected);
  const right = placement.span.startOffset === expectedStart && placement.span.endOffset === expectedStart + c.expected.length;
  if (!right) return { outcome: "misplaced", placement };
  return { outcome: placement.method === "fuzzy" ? "fuzzy" : "exact", placement };
}

function onlyIndex(text: string, quote: string): number {
  const at = text.indexOf(quote);
  if (at === -1 || text.indexOf(quote, at + 1) !== -1) throw new Error(`Not exactly once: ${quote}`);
  return at;
}
