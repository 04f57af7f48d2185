/**
 * @jest-environment jsdom
 */
import { describeSpan } from "@/lib/anchoring";
import { approvedOnly, compareClaims, type ExportModel } from "@/lib/export/model";
import { renderHtml } from "@/lib/export/html";
import { renderPublicPage } from "@/lib/export/public-page";
import { fixtureModel, FIXTURE_TEXT } from "@/lib/export/test-fixture";
import { toAnnotationCollection } from "@/lib/export/web-annotation";
import { renderExport } from "@/lib/export/render";
import { EXPORT_FORMAT_NAMES } from "@/lib/export/formats";
import { anchorWithLibraries, type Selectors } from "@/test/dom-anchoring";

/**
 * The exported selectors anchor exactly on the public page and on the HTML export, with
 * third-party annotation libraries (test/dom-anchoring.ts), over the rendered HTML parsed
 * as a browser would: every claim's quote finds its text, once, and its position lands
 * on the same text. The fixture's claims include one spanning two blocks, one ending with
 * an emoji, and (added here) one after an emoji, where a position in the wrong unit is off.
 */

function withClaimAfterEmoji(model: ExportModel): ExportModel {
  const start = FIXTURE_TEXT.indexOf("if all goes well.");
  const { quote } = describeSpan(FIXTURE_TEXT, start, start + "if all goes well.".length);
  const claim = {
    ...model.claims[0],
    id: "claim-well",
    restatement: "All goes well.",
    startOffset: start,
    endOffset: start + quote.exact.length,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    evidence: [],
    sameClaim: [],
  };
  const claims = [...model.claims, claim].sort(compareClaims);
  return { ...model, claims: claims.map((each, i) => ({ ...each, number: i + 1 })) };
}

const model = approvedOnly(withClaimAfterEmoji(fixtureModel()));

/** Each claim's exported selectors, with the claim. */
const exported = (toAnnotationCollection(model).first as { items: Array<Record<string, unknown>> }).items
  .filter((item) => item.motivation === "assessing")
  .map((item, i) => {
    const selectors = (item.target as { selector: Array<Record<string, unknown>> }).selector;
    const quote = selectors.find((s) => s.type === "TextQuoteSelector") as unknown as Selectors["quote"];
    const position = selectors.find((s) => s.type === "TextPositionSelector") as unknown as Selectors["position"];
    return { claim: model.claims[i], quote, position };
  });

describe.each([
  ["the public page", renderPublicPage(model)],
  ["the HTML export", renderHtml(model)],
])("on %s", (_name, html) => {
  const article = () => new DOMParser().parseFromString(html, "text/html").querySelector("article")!;

  it("the text content of the article is the canonical text", () => {
    expect(article().textContent).toBe(FIXTURE_TEXT);
  });

  it("covers a claim across two blocks, one ending with an emoji and one after an emoji", () => {
    const exact = exported.map(({ quote }) => quote.exact);
    expect(exact).toEqual(expect.arrayContaining(["the mayor said.\nConstruction starts next spring", "The harbour opens in 2027 🚢", "if all goes well."]));
  });

  it.each(exported.map((each) => [each.claim.number, each] as const))("anchors claim %i's quote and position exactly with every library", async (_number, { claim, quote, position }) => {
    const found = await anchorWithLibraries(article(), { quote, position });
    if (claim.anchorStatus === "ORPHANED") {
      // No position to mislead anyone, and its quote is not in the text.
      expect(position).toBeUndefined();
      expect(found.apacheQuote).toEqual([]);
      return;
    }
    const expected = { start: claim.startOffset, end: claim.endOffset, text: claim.exact };
    expect(found).toEqual({ apacheQuote: [expected], apachePosition: expected, domAnchorQuote: expected, domAnchorPosition: expected });
  });
});

it("names no workbench page in anything public: the public page and every format of a published article", () => {
  const published = fixtureModel();
  for (const output of [renderPublicPage(published), ...EXPORT_FORMAT_NAMES.map((format) => renderExport(published, format))]) {
    // Only the download routes, which serve a published article to anyone, are under /articles/.
    const workbench = (output.match(/\/articles\/[^"\s<>)]*/g) ?? []).filter((url) => !/^\/articles\/[^/]+\/export\//.test(url));
    expect(workbench).toEqual([]);
  }
});
