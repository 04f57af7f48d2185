import { DomUtils, parseDocument } from "htmlparser2";
import { renderNotPublishedPage, renderPublicPage } from "@/lib/export/public-page";
import { toClaimReviews } from "@/lib/export/claim-review";
import { fixtureModel, fixtureWithQuotedEvidence } from "@/lib/export/test-fixture";

/** The public page: the export's document with the page's metadata and its ClaimReview JSON-LD in the head. */

function parse(html: string) {
  const root = parseDocument(html).children;
  const all = DomUtils.findAll(() => true, root);
  const head = all.find((el) => el.name === "head")!;
  const body = all.find((el) => el.name === "body")!;
  return { root, all, head, body };
}

describe("the public page", () => {
  const model = fixtureModel();
  const { all, head, body } = parse(renderPublicPage(model));

  it("has the ClaimReview JSON-LD in its head, one review per approved claim, and no other script", () => {
    const scripts = all.filter((el) => el.name === "script");
    expect(scripts).toHaveLength(1);
    expect(scripts[0].parent).toBe(head);
    expect(scripts[0].attribs.type).toBe("application/ld+json");
    expect(JSON.parse(DomUtils.textContent(scripts[0]))).toEqual(toClaimReviews(model));
    for (const el of all) for (const name of Object.keys(el.attribs)) expect(name).not.toMatch(/^on/i);
  });

  it("names itself for search engines and link previews", () => {
    const meta = (key: string, value: string) => DomUtils.findOne((el) => el.name === "meta" && el.attribs[key] === value, [head])?.attribs.content;
    expect(DomUtils.textContent(DomUtils.findOne((el) => el.name === "title", [head])!)).toBe(`Fact-check: ${model.article.title}`);
    expect(meta("name", "description")).toBe(`6 claims fact-checked in “${model.article.title}” (The Coastal Times).`);
    expect(meta("property", "og:url")).toBe("https://verity.example/p/art-harbour");
    expect(DomUtils.findOne((el) => el.name === "link" && el.attribs.rel === "canonical", [head])?.attribs.href).toBe("https://verity.example/p/art-harbour");
    expect(meta("name", "robots")).toBeUndefined();
  });

  it("shows approved verdicts only, even when handed pending claims", () => {
    const internal = parse(renderPublicPage(fixtureModel({ includePending: true })));
    const text = DomUtils.textContent(internal.body);
    expect(text).not.toMatch(/pending/i);
    expect(text).not.toContain("The budget doubled since 2019.");
    expect(text).not.toContain("An independent study expects 600 jobs.");
    const entries = DomUtils.findAll((el) => el.name === "li" && (el.attribs.class ?? "").includes("claim-entry"), internal.root);
    // Numbered among themselves, as the ClaimReview urls say.
    expect(entries.map((el) => el.attribs.id)).toEqual(["claim-1", "claim-2", "claim-3", "claim-4", "claim-5", "claim-6"]);
    expect(renderPublicPage(fixtureModel({ includePending: true }))).toBe(renderPublicPage(fixtureModel()));
    expect(JSON.parse(DomUtils.textContent(internal.all.find((el) => el.name === "script")!))).toHaveLength(6);
  });

  it("links to every download", () => {
    const hrefs = DomUtils.findAll((el) => el.name === "a" && el.attribs.download !== undefined, [body]).map((a) => a.attribs.href);
    expect(hrefs).toEqual([
      "/articles/art-harbour/export/html",
      "/articles/art-harbour/export/md",
      "/articles/art-harbour/export/annotations.jsonld",
      "/articles/art-harbour/export/claimreview.jsonld",
    ]);
  });

  it("quotes each evidence excerpt and passage once, even when it brings its own quotation marks", () => {
    // <q> adds the quotation marks; the text inside must not bring a second pair.
    const quotes = DomUtils.findAll((el) => el.name === "q" && el.attribs.class === "evidence-entry__quote", parse(renderPublicPage(fixtureWithQuotedEvidence())).root);
    expect(quotes.map((q) => DomUtils.textContent(q))).toEqual(
      expect.arrayContaining(["We estimate 600 permanent posts <after> completion.", "about 600 jobs once the harbour is fully operating"]),
    );
    for (const q of quotes) expect(DomUtils.textContent(q)).not.toMatch(/^["“]|["”]$/);
  });

  it("keeps text that looks like markup out of the script", () => {
    const hostile = fixtureModel();
    hostile.claims[0] = { ...hostile.claims[0], restatement: "</script><script>alert(1)</script>" };
    const html = renderPublicPage(hostile);
    const { all: elements } = parse(html);
    expect(elements.filter((el) => el.name === "script")).toHaveLength(1);
    const reviews = JSON.parse(DomUtils.textContent(elements.find((el) => el.name === "script")!));
    expect(reviews[0].claimReviewed).toBe("</script><script>alert(1)</script>");
  });
});

it("answers an unpublished article with a page that says so and names nothing", () => {
  const html = renderNotPublishedPage();
  expect(html).toContain("This fact-check is not published");
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain('<meta name="robots" content="noindex"/>');
});
