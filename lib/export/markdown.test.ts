import { renderMarkdown } from "@/lib/export/markdown";
import { fixtureModel, fixtureWithQuotedEvidence } from "@/lib/export/test-fixture";
import { expectWithin, HOSTILE_INPUT_LIMIT_MS } from "@/test/time-limit";

/** The Markdown export: footnotes that resolve, escaping that keeps the article's text as text. */

const publicMd = renderMarkdown(fixtureModel());
const internalMd = renderMarkdown(fixtureModel({ includePending: true }));

describe.each([
  ["public", publicMd, fixtureModel()],
  ["internal", internalMd, fixtureModel({ includePending: true })],
])("the %s Markdown export", (_name, md, model) => {
  it("defines one footnote per claim, and refers to each at least once before its definition", () => {
    for (const claim of model.claims) {
      const definition = `\n[^${claim.number}]: `;
      const at = md.indexOf(definition);
      expect(at).toBeGreaterThan(0);
      expect(md.indexOf(definition, at + 1)).toBe(-1);
      expect(md.slice(0, at)).toContain(`[^${claim.number}]`);
    }
    const defined = [...md.matchAll(/^\[\^(\d+)\]: /gm)].map((m) => Number(m[1]));
    expect(defined).toEqual(model.claims.map((claim) => claim.number));
  });

  it("puts each placed claim's reference right after its last character", () => {
    for (const claim of model.claims.filter((c) => c.anchorStatus === "ANCHORED")) {
      const lastWord = claim.exact.trim().split(/\s+/).pop()!.replace(/[*_[\]<`~\\]/g, (c) => `\\${c}`);
      expect(md).toMatch(new RegExp(`${lastWord.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\*\\*)?(\\[\\^\\d+\\])*\\[\\^${claim.number}\\]`));
    }
  });
});

it("quotes evidence that brings its own quotation marks once", () => {
  const md = renderMarkdown(fixtureWithQuotedEvidence());
  expect(md).toContain(": “We estimate 600 permanent posts \\<after> completion.”");
  expect(md).toContain("Context: “about 600 jobs once the harbour is fully operating” from");
  expect(md).not.toMatch(/“[“"]|[”"]”/);
});

it("keeps the article's markup characters as text", () => {
  expect(publicMd).toContain("\\<script>alert(1)\\</script>");
  expect(publicMd).toContain("were \\*optimistic\\*.");
  expect(publicMd).toMatch(/^\\# Not a heading, and not a link\.$/m);
  expect(publicMd).toMatch(/^1\\\. 600 jobs expected/m);
  expect(publicMd).not.toContain("javascript:");
});

it("keeps the article's own formatting and links", () => {
  expect(publicMd).toContain("[Harbour Watch](https://harbour.example/watch)");
  expect(publicMd).toContain("*doubled*");
  expect(publicMd).toContain("**2,000 jobs[^");
  expect(publicMd).toMatch(/^## Harbour plan: what the minister said$/m);
  expect(publicMd).toMatch(/^> “This is the biggest project in our history,” the mayor said\.$/m);
  expect(publicMd).toMatch(/^3\. Third point\.$/m);
});

it("says what each claim's verdict is, and marks pending claims as pending only in the internal export", () => {
  expect(publicMd).toContain("[^1]: **≠ Mostly false.** The new harbour will create 2,000 jobs.");
  expect(publicMd).not.toMatch(/pending/i);
  expect(internalMd).toContain("**○ Unrated (pending: draft, not approved).** The budget doubled since 2019.");
  expect(internalMd).toContain("> **Internal export, not for publication:** 2 claims are pending and not approved.");
});

it("keeps titles, outlets and names on their line, whatever line breaks they hold", () => {
  const model = fixtureModel();
  const injected = (value: string) => `${value}\r# Injected heading\n\n## Another\r\n- item`;
  model.article.title = injected(model.article.title);
  model.article.outlet = injected(model.article.outlet);
  model.claims = model.claims.map((claim) => ({
    ...claim,
    approvedBy: claim.approvedBy && { ...claim.approvedBy, name: injected(claim.approvedBy.name) },
    evidence: claim.evidence.map((item) =>
      item.kind === "PASSAGE"
        ? { ...item, passage: { ...item.passage, articleTitle: injected(item.passage.articleTitle), outlet: item.passage.outlet && injected(item.passage.outlet) } }
        : item.kind === "EXTERNAL"
          ? { ...item, external: { ...item.external, title: injected(item.external.title) } }
          : item,
    ),
    sameClaim: claim.sameClaim.map((other) => ({ ...other, article: { ...other.article, title: injected(other.article.title), outlet: other.article.outlet && injected(other.article.outlet) } })),
  }));
  const md = renderMarkdown(model);
  // CommonMark ends a line at CR, LF or CRLF: none may be left for the injected text to start a line.
  const lines = md.split(/\r\n|\r|\n/);
  expect(lines.filter((line) => /^\s*(# Injected|## Another|- item)/.test(line))).toEqual([]);
  expect(lines[0]).toBe("# Harbour plan approved: 2,000 jobs & “the biggest project in our history” # Injected heading ## Another - item");
  expect(md).toContain("The Coastal Times # Injected heading ## Another - item · ");
});

it("writes a title with a long run of spaces in linear time", () => {
  const model = fixtureModel();
  model.article.title = `a${" ".repeat(2 * 1024 * 1024)}b`;
  expectWithin(HOSTILE_INPUT_LIMIT_MS, () => renderMarkdown(model));
});
