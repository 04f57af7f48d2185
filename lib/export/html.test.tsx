import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { DomUtils, parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";
import { canonicalText, isValidSpan } from "@/lib/anchoring";
import type { DocNode, InlineNode, Mark } from "@/lib/documents/schema";
import { AnnotatedBody, type BodyClaim } from "@/lib/export/document/annotated-body";
import { ClaimEntries } from "@/lib/export/document/claim-entries";
import { VerdictKey, VerdictSummary } from "@/lib/export/document/verdict-summary";
import { renderHtml } from "@/lib/export/html";
import { renderStaticMarkup } from "@/lib/export/static-markup";
import { fixtureModel, FIXTURE_DOC, FIXTURE_TEXT } from "@/lib/export/test-fixture";

/** The standalone HTML export: what it must and must never contain, checked on the parsed document. */

const publicHtml = renderHtml(fixtureModel());
const internalHtml = renderHtml(fixtureModel({ includePending: true }));

function elements(html: string) {
  return DomUtils.findAll(() => true, parseDocument(html).children);
}

function byClass(root: ChildNode[], className: string) {
  return DomUtils.findAll((el) => (el.attribs.class ?? "").split(" ").includes(className), root);
}

/** Text of the nodes, leaving out the claim markers (which are not article text). */
function textWithoutMarkers(nodes: ChildNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return node.data;
      if (node.type === "tag") {
        if ((node.attribs.class ?? "").split(" ").includes("claim-marker")) return "";
        return textWithoutMarkers(node.children);
      }
      return "";
    })
    .join("");
}

describe("the standalone HTML export", () => {
  it.each([
    ["public", publicHtml],
    ["internal", internalHtml],
  ])("(%s) has no script, no event handler attribute and no script URL", (_name, html) => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/javascript:/i);
    for (const el of elements(html)) {
      expect(el.name).not.toBe("script");
      for (const [name, value] of Object.entries(el.attribs)) {
        expect(name).not.toMatch(/^on/i);
        if (name === "href") expect(value).toMatch(/^(https?:\/\/|mailto:|#)/);
        if (name === "src") throw new Error(`Unexpected src attribute on <${el.name}>: the export loads nothing.`);
      }
    }
  });

  it("is one file: a doctype, inline CSS and no external resources", () => {
    expect(publicHtml.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    const all = elements(publicHtml);
    expect(all.filter((el) => el.name === "link")).toEqual([]);
    expect(all.filter((el) => el.name === "style")).toHaveLength(1);
    // htmlparser2 lower-cases attribute names, as browsers do.
    expect(all.filter((el) => el.name === "meta" && el.attribs.charset === "utf-8")).toHaveLength(1);
  });

  it("prints well: a print stylesheet that never splits a claim's entry", () => {
    const css = DomUtils.textContent(elements(publicHtml).find((el) => el.name === "style")!);
    const print = css.slice(css.indexOf("@media print"));
    expect(css).toContain("@media print");
    expect(print).toMatch(/\.claim-entry \{[^}]*break-inside: avoid/);
    expect(print).toMatch(/print-color-adjust: exact/);
    // Outside print too, for browsers that print the screen styles.
    expect(css.slice(0, css.indexOf("@media print"))).toMatch(/\.claim-entry \{[^}]*break-inside: avoid/);
  });

  it("escapes the article's text: markup in it stays text", () => {
    expect(publicHtml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const text = textWithoutMarkers(byClass(parseDocument(publicHtml).children, "article-text"));
    expect(text).toContain("<script>alert(1)</script>");
  });

  it("keeps the article's text exactly: every character of the canonical text, once, in order", () => {
    for (const html of [publicHtml, internalHtml]) {
      const text = textWithoutMarkers(byClass(parseDocument(html).children, "article-text"));
      // Blocks and hard breaks are elements, not "\n" characters.
      expect(text).toBe(FIXTURE_TEXT.replace(/\n/g, ""));
    }
  });

  it("highlights each placed claim over exactly its text, in its verdict's colour, with one numbered marker", () => {
    const model = fixtureModel({ includePending: true });
    const root = parseDocument(renderHtml(model)).children;
    for (const claim of model.claims) {
      const marks = DomUtils.findAll((el) => el.name === "mark" && el.attribs["data-claim"] === String(claim.number), root);
      const markers = DomUtils.findAll((el) => el.attribs.class?.startsWith("claim-marker") && el.attribs.href === `#claim-${claim.number}`, root);
      const entry = DomUtils.findAll((el) => el.name === "li" && el.attribs.id === `claim-${claim.number}`, root);
      expect(entry).toHaveLength(1);
      if (claim.anchorStatus !== "ANCHORED") {
        expect(marks).toEqual([]);
        expect(markers).toEqual([]);
        continue;
      }
      expect(marks.map((mark) => textWithoutMarkers(mark.children)).join("")).toBe(claim.exact.replace(/\n/g, ""));
      const verdict = claim.verdict ?? "UNRATED";
      for (const mark of marks) {
        expect(mark.attribs.class.split(" ")).toContain(`v-${verdict}`);
        expect(mark.attribs.class.split(" ").includes("claim-mark--pending")).toBe(claim.state !== "APPROVED");
      }
      expect(markers).toHaveLength(1);
      expect(DomUtils.textContent(markers[0])).toMatch(new RegExp(`${claim.number}$`));
      expect(marks[0].attribs.id).toBe(`claim-${claim.number}-text`);
      expect(markers[0].parent).toBe(marks[0]);
    }
  });

  it("nests a claim inside another and splits crossing claims, keeping the markup well formed", () => {
    const model = fixtureModel();
    const root = parseDocument(renderHtml(model)).children;
    const number = (id: string) => model.claims.find((claim) => claim.id === id)!.number;
    const marksOf = (id: string) => DomUtils.findAll((el) => el.name === "mark" && el.attribs["data-claim"] === String(number(id)), root);
    // "2,000 jobs" sits inside "the new harbour will create 2,000 jobs".
    const inner = marksOf("claim-2000");
    expect(inner).toHaveLength(1);
    expect(ancestors(inner[0])).toEqual(expect.arrayContaining([marksOf("claim-jobs")[0]]));
    // "2,000 jobs and cost £40 million" crosses the end of the "jobs" claim: two pieces, one marker.
    expect(marksOf("claim-cost").length).toBeGreaterThan(1);
    // The claim over two blocks is one piece in each.
    expect(marksOf("claim-mayor")).toHaveLength(2);
  });

  it("lists every claim with its verdict, rationale, evidence and approval, and nothing internal", () => {
    const model = fixtureModel();
    const root = parseDocument(publicHtml).children;
    const entries = byClass(root, "claim-entry");
    expect(entries.map((el) => el.attribs.id)).toEqual(model.claims.map((claim) => `claim-${claim.number}`));
    const jobs = entries[model.claims.findIndex((claim) => claim.id === "claim-jobs")];
    const text = DomUtils.textContent(jobs);
    expect(text).toContain("Mostly false");
    expect(text).toContain("The independent study expects about 600 permanent jobs.");
    expect(text).toContain("Harbour economic impact report");
    expect(text).toContain("about 600 jobs once the harbour is fully operating");
    expect(text).toContain("Jobs study finds 600 new posts");
    expect(text).toContain("Approved by Elena Editor on 10 Mar 2025");
    const links = DomUtils.findAll((el) => el.name === "a" && /^https?:/.test(el.attribs.href ?? ""), [jobs]);
    expect(links.map((a) => a.attribs.href)).toEqual([
      "https://stats.example.org/harbour-report?year=2025&page=2",
      "https://verity.example/p/art-study",
      "https://verity.example/p/art-gazette#claim-3",
    ]);
    for (const link of links) expect(link.attribs.rel.split(" ")).toEqual(expect.arrayContaining(["noopener", "noreferrer"]));
    expect(DomUtils.textContent(DomUtils.findAll((el) => el.name === "body", root))).not.toMatch(/pending/i);
    expect(byClass(root, "claim-mark--pending")).toEqual([]);
  });

  it("marks pending claims as pending in an internal export, and says it is internal", () => {
    const root = parseDocument(internalHtml).children;
    const pending = byClass(root, "claim-entry--pending");
    expect(pending.map((el) => DomUtils.textContent(el))).toEqual([
      expect.stringContaining("Pending: draft, not approved"),
      expect.stringContaining("Pending: submitted, not approved"),
    ]);
    expect(DomUtils.textContent(byClass(root, "doc-kicker"))).toContain("internal, includes pending claims");
    expect(DomUtils.textContent(byClass(root, "doc-warning"))).toContain("2 claims are pending");
    expect(elements(internalHtml).some((el) => el.name === "meta" && el.attribs.name === "robots" && el.attribs.content === "noindex")).toBe(true);
  });

  it("drops a link whose target is not http(s) or mailto, keeping its text", () => {
    expect(publicHtml).toContain("# Not a heading, and not a link.");
  });
});

function ancestors(node: ChildNode): Element[] {
  const found: Element[] = [];
  for (let parent = node.parent; parent; parent = parent.parent) if (parent.type === "tag") found.push(parent as Element);
  return found;
}

describe("renderStaticMarkup", () => {
  const model = fixtureModel({ includePending: true });
  const placed = model.claims.filter((claim) => claim.anchorStatus === "ANCHORED");

  it.each([
    ["AnnotatedBody", () => <AnnotatedBody doc={model.article.body} claims={placed} />],
    ["ClaimEntries", () => <ClaimEntries claims={model.claims} appUrl={model.appUrl} />],
    ["VerdictSummary", () => <VerdictSummary claims={model.claims} />],
    ["VerdictKey", () => <VerdictKey />],
    [
      "attributes of every kind",
      () => (
        <p hidden className="a" aria-hidden="true" data-claim={3} title={`"q" & <a>'`}>
          <a href="/x?a=1&b=2" download>
            x
          </a>
          <ol start={3} reversed>
            <li>{0}</li>
          </ol>
          <details open={false}>
            <summary>s</summary>
          </details>
          <label htmlFor="f" tabIndex={0}>
            l
          </label>
          <time dateTime="2025-03-10">d</time>
        </p>
      ),
    ],
  ])("renders %s exactly as react-dom/server does", (_name, element) => {
    expect(renderStaticMarkup(element())).toBe(renderToStaticMarkup(element()));
  });

  it("refuses a script element, an event handler and a script URL", () => {
    expect(() => renderStaticMarkup(<script>{"alert(1)"}</script>)).toThrow(/script/);
    expect(() => renderStaticMarkup(<button onClick={() => undefined}>x</button>)).toThrow(/event handlers/);
    expect(() => renderStaticMarkup(<a href=" javascript:alert(1)">x</a>)).toThrow(/script URL/);
  });
});

// ---------------------------------------------------------------- any document, any claims

const markArb: fc.Arbitrary<Mark[]> = fc.constantFrom<Mark[]>([], [{ type: "bold" }], [{ type: "italic" }], [{ type: "link", attrs: { href: "https://example.org/a" } }]);
const textArb = fc.stringMatching(/^[a-z <>&"'🚢é]{1,12}$/).filter((s) => s.length > 0);
const inlineArb: fc.Arbitrary<InlineNode> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant("text" as const), text: textArb, marks: markArb }) },
  { weight: 1, arbitrary: fc.constant({ type: "hardBreak" as const }) },
);
const docArb: fc.Arbitrary<DocNode> = fc
  .array(
    fc.oneof(
      fc.array(inlineArb, { maxLength: 6 }).map((content) => (content.length ? { type: "paragraph" as const, content } : { type: "paragraph" as const })),
      fc.array(inlineArb, { minLength: 1, maxLength: 4 }).map((content) => ({
        type: "blockquote" as const,
        content: [{ type: "paragraph" as const, content }],
      })),
      fc.array(inlineArb, { minLength: 1, maxLength: 4 }).map((content) => ({
        type: "bulletList" as const,
        content: [{ type: "listItem" as const, content: [{ type: "paragraph" as const, content }] }],
      })),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((content) => ({ type: "doc" as const, content }));

it("highlights any valid claims over exactly their text, keeping all the text, for any document", () => {
  fc.assert(
    fc.property(docArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }), (doc, pairs) => {
      const text = canonicalText(doc);
      const claims: BodyClaim[] = [];
      for (const [a, b] of pairs) {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(a, b) % (text.length + 1);
        if (!isValidSpan(text, start, end)) continue;
        claims.push({ number: claims.length + 1, startOffset: start, endOffset: end, verdict: "FALSE", state: "APPROVED", restatement: "r" });
      }
      const html = renderStaticMarkup(<AnnotatedBody doc={doc} claims={claims} />);
      const root = parseDocument(html).children;
      expect(textWithoutMarkers(root)).toBe(text.replace(/\n/g, ""));
      for (const claim of claims) {
        const marks = DomUtils.findAll((el) => el.name === "mark" && el.attribs["data-claim"] === String(claim.number), root);
        expect(marks.map((mark) => textWithoutMarkers(mark.children)).join("")).toBe(text.slice(claim.startOffset, claim.endOffset).replace(/\n/g, ""));
        expect(DomUtils.findAll((el) => el.attribs.href === `#claim-${claim.number}`, root)).toHaveLength(1);
      }
      // As React renders it: well formed (the parser rebuilds the same markup).
      expect(html).toBe(renderToStaticMarkup(<AnnotatedBody doc={doc} claims={claims} />));
    }),
    { numRuns: 300 },
  );
});

it("renders the fixture's document text in the same blocks as the reader's schema", () => {
  const html = renderStaticMarkup(<AnnotatedBody doc={FIXTURE_DOC} claims={[]} />);
  expect(html).toContain("<h2>Harbour plan: what the minister said</h2>");
  expect(html).toContain('<ol start="3"><li><p>Third point.</p></li></ol>');
  expect(html).toContain("Figures from the council:<br/>1. 600 jobs");
});
