import { detectFormat, MAX_SOURCE_BYTES } from "@/lib/import";
import { safeHref } from "@/lib/import/html";
import { splitSentences } from "@/lib/import/plain-text";
import { expectWithin, HOSTILE_INPUT_LIMIT_MS } from "@/test/time-limit";

/**
 * Inputs of the largest size an import accepts, built so that a regex trying every start
 * position backtracks over the rest of the text (issue 22). Each must take linear time.
 */
const run = (unit: string, length = MAX_SOURCE_BYTES - 2) => unit.repeat(Math.floor(length / unit.length));

describe("importing hostile text takes linear time", () => {
  it.each([".", "!", "?", "!?."])("splits sentences in a run of %j without a space after it", (mark) => {
    let spans: ReturnType<typeof splitSentences> = [];
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => (spans = splitSentences(`x${run(mark)}x`)));
    expect(spans).toHaveLength(1);
  });

  it("detects the format of text full of block-tag starts without a closing >", () => {
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => expect(detectFormat(run("<p"))).toBe("TEXT"));
  });

  it("detects the format of text full of [ without a link", () => {
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => expect(detectFormat(run("["))).toBe("TEXT"));
  });

  it("checks a link whose address is a long run of spaces and control characters", () => {
    // Spaces and control characters inside the address are kept (percent-encoded); only its ends are trimmed.
    expectWithin(HOSTILE_INPUT_LIMIT_MS, () => expect(safeHref(`https://a.example/${run(" \u0001")}x`)?.endsWith("%01x")).toBe(true));
  });
});
