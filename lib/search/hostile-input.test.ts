import { MAX_SOURCE_BYTES } from "@/lib/import";
import { checkWorthiness } from "@/lib/search/check-worthy";
import { splitPassages } from "@/lib/search/passages";
import { sameClaimScore } from "@/lib/search/same-claim-match";
import { expectWithin, HOSTILE_INPUT_LIMIT_MS } from "@/test/time-limit";

/**
 * A stored sentence is as long as an article's line, up to the 2 MB an import accepts, and
 * every open of Suggested claims scores the article's sentences (issue 22). These sentences
 * make a regex that tries every start position backtrack over the rest of the text.
 */
const run = (unit: string) => unit.repeat(Math.floor((MAX_SOURCE_BYTES - 100) / unit.length));
// Seven more words and a full stop: a sentence long enough to be scored at all.
const scored = (text: string) => `${text} and then some more words follow here.`;

describe("scoring and splitting hostile sentences takes linear time", () => {
  it("scores a quotation mark followed by a long run of one-letter words", () => {
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => checkWorthiness(scored(`"${run("a ")}`)));
  });

  it("scores a long run of opening quotes", () => {
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => checkWorthiness(scored(run("“"))));
  });

  it("scores a long run of digits that is not a percentage", () => {
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => checkWorthiness(scored(run("1"))));
  });

  it("scores long runs of numbers, clock times and scores", () => {
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => checkWorthiness(scored(run("1 "))));
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => checkWorthiness(scored(run("1-1 7 p.m. "))));
  });

  it("compares claims made of long runs of figures, the same or all different", () => {
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => sameClaimScore(run("1,111 "), run("2.5 million ")));
    // Every figure pairs with the differences of the other's: the most work a read claim's 2,000 characters allow.
    const distinct = (first: number, step: number) => Array.from({ length: 2_000 }, (_, i) => String(first + step * i)).join(" ");
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => sameClaimScore(distinct(100, 1), distinct(3_000, 7)));
  });

  it("splits a long run of clock times into passages", () => {
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => splitPassages(run("7 p.m. ")));
  });

  it("scores a long word of capitals that names no official", () => {
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => checkWorthiness(scored(run("A"))));
  });

  it("splits a long dotted acronym without a closing quote into passages", () => {
    let passages: ReturnType<typeof splitPassages> = [];
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => (passages = splitPassages(run("a."))));
    expect(passages).toHaveLength(1);
  });
});
