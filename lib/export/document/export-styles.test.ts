import { hex as contrast } from "wcag-contrast";
import { EXPORT_CSS } from "@/lib/export/document/export-styles";
import { VERITY_CATALOGUE } from "@/lib/ratings/test-catalogue";

/**
 * Every text colour the export's stylesheet (the HTML export and the public page) puts on
 * a background reaches WCAG AA for normal text, 4.5:1, computed from the colours the
 * stylesheet declares (its custom properties, and each verdict's --v and --v-tint).
 */

function declarations(block: string): Map<string, string> {
  return new Map([...block.matchAll(/(?<![\w-])(--[\w-]+|color|background):\s*(#[0-9a-f]{3,6})\b/gi)].map((m) => [m[1], m[2]]));
}

const root = declarations(/:root \{([^}]*)\}/.exec(EXPORT_CSS)![1]);
const verdicts = [...EXPORT_CSS.matchAll(/^\.v-(\w+) \{([^}]*)\}/gm)].map(([, name, block]) => ({ name, colours: declarations(block) }));
const colour = (name: string) => {
  const value = name.startsWith("#") ? name : root.get(name);
  if (!value) throw new Error(`${name} is not declared in the export's :root`);
  return value;
};

// Text colour on background, where the stylesheet puts them together.
const PAIRS: Array<[string, string, string]> = [
  ["--ink", "--canvas", "page text, claim numbers"],
  ["--ink", "--paper", "article text, claim entries"],
  ["--ink-soft", "--canvas", "verdict counts and key"],
  ["--ink-soft", "--paper", "quotes, blockquotes, Context stance"],
  ["--ink-faint", "--canvas", "article details, footer"],
  ["--ink-faint", "--paper", "section headings, approval, hosts, dates, public bar label"],
  ["--ink-faint", "#fff", "printed link targets"],
  ["--accent", "--canvas", "kicker, links in the header and footer"],
  ["--accent", "--paper", "links in the article and entries"],
  ["--danger", "--canvas", "internal kicker"],
  ["--danger", "--paper", "pending badge, orphaned note, Contradicts stance"],
  ["--ok", "--paper", "Supports stance"],
  ["#fff", "--accent", "public bar mark"],
];

describe("the export's colours", () => {
  it("declares every colour the pairs use, and every verdict's", () => {
    expect(root.size).toBeGreaterThanOrEqual(8);
    // Each rating's colours come with it (lib/ratings): only Unrated's are in the stylesheet.
    expect(verdicts.map((v) => v.name)).toEqual(["UNRATED"]);
  });

  it.each(PAIRS)("%s on %s (%s) is at least 4.5:1", (text, background) => {
    expect(contrast(colour(text), colour(background))).toBeGreaterThanOrEqual(4.5);
  });

  it("puts the internal warning's text on its own background at 4.5:1 or more", () => {
    const warning = declarations(/\.doc-warning \{([^}]*)\}/.exec(EXPORT_CSS)![1]);
    expect(contrast(colour("--danger"), warning.get("background")!)).toBeGreaterThanOrEqual(4.5);
  });

  // Unrated's, and the default scale's with the tints lib/ratings derives (admins' colours are checked when saved).
  const ratingColours = [
    ...verdicts.map((v) => [v.name, v.colours] as const),
    ...VERITY_CATALOGUE.choices.map((rating) => [rating.label, new Map([["--v", rating.color], ["--v-tint", rating.tint]])] as const),
  ];
  it.each(ratingColours)("%s: white on its colour, its colour on paper, and text and links on its tint at 4.5:1 or more", (_name, colours) => {
    const v = colours.get("--v")!;
    const tint = colours.get("--v-tint")!;
    expect(contrast("#fff", v)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(v, colour("--paper"))).toBeGreaterThanOrEqual(4.5);
    for (const text of ["--ink", "--ink-soft", "--accent"]) expect({ text, ratio: contrast(colour(text), tint) >= 4.5 }).toEqual({ text, ratio: true });
  });
});
