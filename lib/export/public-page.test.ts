import { DomUtils, parseDocument } from "htmlparser2";
import { renderClaimPage, renderNotPublishedPage, renderPublicPage } from "@/lib/export/public-page";
import { toClaimReviews } from "@/lib/export/claim-review";
import { fixtureModel, fixtureWithQuotedEvidence } from "@/lib/export/test-fixture";

/**
 * The public pages: the article's (the export's document with the page's metadata, linking to
 * each claim's page) and each approved claim's, which carries its one ClaimReview JSON-LD.
 */

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

  it("embeds no ClaimReview and runs nothing: each claim links to its own page instead", () => {
    expect(all.filter((el) => el.name === "script")).toHaveLength(0);
    for (const el of all) for (const name of Object.keys(el.attribs)) expect(name).not.toMatch(/^on/i);
    const pages = DomUtils.findAll((el) => el.name === "a" && (el.parent as { attribs?: Record<string, string> })?.attribs?.class === "claim-entry__page", [body]);
    expect(pages.map((a) => [DomUtils.textContent(a), a.attribs.href])).toEqual(
      model.claims.map((claim) => [`Claim ${claim.number}’s fact-check page`, `https://verity.example/p/art-harbour/claims/${claim.number}`]),
    );
  });

  it("names itself for search engines and link previews", () => {
    const meta = (key: string, value: string) => DomUtils.findOne((el) => el.name === "meta" && el.attribs[key] === value, [head])?.attribs.content;
    expect(DomUtils.textContent(DomUtils.findOne((el) => el.name === "title", [head])!)).toBe(`Fact-check: ${model.article.title}`);
    expect(meta("name", "description")).toBe(`6 claims fact-checked in “${model.article.title}” (The Coastal Times).`);
    expect(meta("property", "og:url")).toBe("https://verity.example/p/art-harbour");
    expect(DomUtils.findOne((el) => el.name === "link" && el.attribs.rel === "canonical", [head])?.attribs.href).toBe("https://verity.example/p/art-harbour");
    expect(meta("name", "robots")).toBeUndefined();
  });

  it("is published by the organisation: its logo, name and links; the software is named only in the footer's small print", () => {
    const logo = DomUtils.findOne((el) => el.name === "img" && el.attribs.class === "public-bar__logo", [body]);
    expect(logo?.attribs.src).toBe(model.organisation.logo!.dataUri);
    const links = DomUtils.findAll((el) => el.name === "a", [body]).map((a) => [DomUtils.textContent(a), a.attribs.href]);
    expect(links).toEqual(
      expect.arrayContaining([
        ["Coastal Fact Check", "https://factcheck.example"],
        ["Methodology and corrections policy", "https://factcheck.example/methodology"],
        ["Contact: desk@factcheck.example", "mailto:desk@factcheck.example"],
      ]),
    );
    const meta = DomUtils.findOne((el) => el.name === "meta" && el.attribs.property === "og:site_name", [head]);
    expect(meta?.attribs.content).toBe("Coastal Fact Check");
    const mentions = DomUtils.findAll((el) => DomUtils.getChildren(el).some((child) => child.type === "text" && /Verity/.test(DomUtils.textContent(child))), [body, head]);
    expect(mentions.map((el) => [el.attribs.class, DomUtils.textContent(el)])).toEqual([["doc-made-with", "Made with Verity"]]);
    expect(JSON.stringify(head.attribs) + DomUtils.findAll((el) => el.name === "meta", [head]).map((el) => JSON.stringify(el.attribs)).join("")).not.toContain("Verity");
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
  });

  it("has one banner landmark: a <header> is a banner only outside main, article, aside, nav and section", () => {
    const sectioning = new Set(["main", "article", "aside", "nav", "section"]);
    const isBanner = (el: (typeof all)[number]) => {
      if (el.name !== "header" && el.attribs.role !== "banner") return false;
      for (let up = el.parent; up && up.type === "tag"; up = up.parent) if (sectioning.has(up.name)) return false;
      return true;
    };
    expect(all.filter(isBanner).map((el) => el.attribs.class)).toEqual(["public-bar"]);
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

});

describe("a claim's public page", () => {
  const model = fixtureModel({ includePending: true });
  const publicClaims = fixtureModel().claims;

  it("exists for each approved claim, numbered as on the article's page, and for nothing else", () => {
    for (const claim of publicClaims) expect(renderClaimPage(model, claim.number)).not.toBeNull();
    expect(renderClaimPage(model, publicClaims.length + 1)).toBeNull();
    expect(renderClaimPage(model, 0)).toBeNull();
  });

  it("carries exactly one ClaimReview, of its own claim, whose url is the page's own address", () => {
    const reviews = toClaimReviews(fixtureModel());
    for (const claim of publicClaims) {
      const { all, head } = parse(renderClaimPage(model, claim.number)!);
      const scripts = all.filter((el) => el.name === "script");
      expect(scripts).toHaveLength(1);
      expect(scripts[0].parent).toBe(head);
      expect(scripts[0].attribs.type).toBe("application/ld+json");
      const review = JSON.parse(DomUtils.textContent(scripts[0]));
      expect(review).toEqual(reviews[claim.number - 1]);
      expect(review).toMatchObject({ "@type": "ClaimReview", claimReviewed: claim.restatement, url: `https://verity.example/p/art-harbour/claims/${claim.number}` });
      expect(DomUtils.findOne((el) => el.name === "link" && el.attribs.rel === "canonical", [head])?.attribs.href).toBe(review.url);
    }
  });

  it("shows the claim as its heading with its verdict, quote, rationale and evidence, and links back to the article", () => {
    const claim = publicClaims.find((c) => c.rationale && c.evidence.length > 0)!;
    const { body } = parse(renderClaimPage(model, claim.number)!);
    expect(DomUtils.textContent(DomUtils.findOne((el) => el.name === "h1", [body])!)).toBe(claim.restatement);
    const text = DomUtils.textContent(body);
    expect(text).toContain(claim.exact);
    expect(text).toContain(claim.rationale!);
    expect(DomUtils.findAll((el) => el.attribs.class === "evidence-entry", [body])).toHaveLength(claim.evidence.length);
    const links = DomUtils.findAll((el) => el.name === "a", [body]).map((a) => a.attribs.href);
    expect(links).toContain("https://verity.example/p/art-harbour");
    expect(links).toContain(`https://verity.example/p/art-harbour#claim-${claim.number}-text`);
  });

  it("names no workbench address: every link is public", () => {
    for (const claim of publicClaims) {
      const html = renderClaimPage(model, claim.number)!;
      expect(html).not.toMatch(/\/articles\/|\/annotations\/|\/api\/claims|\?claim=/);
    }
    expect(renderPublicPage(model)).not.toMatch(/https:\/\/verity\.example\/(articles|annotations)\//);
  });

  it("keeps text that looks like markup out of the script", () => {
    const hostile = fixtureModel();
    hostile.claims[0] = { ...hostile.claims[0], restatement: "</script><script>alert(1)</script>" };
    const { all: elements } = parse(renderClaimPage(hostile, 1)!);
    expect(elements.filter((el) => el.name === "script")).toHaveLength(1);
    const review = JSON.parse(DomUtils.textContent(elements.find((el) => el.name === "script")!));
    expect(review.claimReviewed).toBe("</script><script>alert(1)</script>");
  });
});

it("answers an unpublished article with a page that says so and names nothing", () => {
  const html = renderNotPublishedPage();
  expect(html).toContain("This fact-check is not published");
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain('<meta name="robots" content="noindex"/>');
});
