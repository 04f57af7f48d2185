import { VERITY_CATALOGUE } from "@/lib/ratings/test-catalogue";
import { EXPORT_CONTEXT, toAnnotationCollection } from "@/lib/export/web-annotation";
import { fixtureModel, FIXTURE_APP_URL, FIXTURE_ORGANISATION, FIXTURE_TEXT } from "@/lib/export/test-fixture";
import { IMPORT_FUZZY_WORK, IMPORT_TIME_LIMIT_MS, notSearchedNote, planAnnotationImport, verdictOf } from "@/lib/export/import-annotations";

/**
 * The Web Annotation export checked against the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/): the required fields of collections, pages,
 * annotations, bodies, targets and selectors, and that every key is a term of the
 * model's JSON-LD context (http://www.w3.org/ns/anno.jsonld) or a CURIE on one of its
 * prefixes or on the verity: prefix the export's own context defines, so a JSON-LD
 * processor loses nothing.
 */

// The terms and prefixes of http://www.w3.org/ns/anno.jsonld.
const CONTEXT_TERMS = new Set([
  "id", "type", "body", "target", "source", "selector", "state", "scope", "refinedBy", "startSelector", "endSelector",
  "renderedVia", "creator", "generator", "rights", "homepage", "via", "canonical", "stylesheet", "cached", "conformsTo",
  "items", "partOf", "first", "last", "next", "prev", "audience", "motivation", "purpose", "textDirection", "accessibility",
  "bodyValue", "format", "language", "processingLanguage", "value", "exact", "prefix", "suffix", "styleClass", "name",
  "email", "email_sha1", "nickname", "label", "created", "modified", "generated", "sourceDate", "sourceDateStart",
  "sourceDateEnd", "start", "end", "total", "startIndex",
]);
const CONTEXT_PREFIXES = ["oa", "dc", "dcterms", "dctypes", "foaf", "rdf", "rdfs", "skos", "xsd", "iana", "owl", "as", "schema", "verity"];
const CLASSES = new Set([
  "Annotation", "Dataset", "Image", "Video", "Audio", "Text", "TextualBody", "ResourceSelection", "SpecificResource",
  "FragmentSelector", "CssSelector", "XPathSelector", "TextQuoteSelector", "TextPositionSelector", "DataPositionSelector",
  "SvgSelector", "RangeSelector", "TimeState", "HttpRequestState", "CssStylesheet", "Choice", "Person", "Software",
  "Organization", "AnnotationCollection", "AnnotationPage", "Audience",
]);
const MOTIVATIONS = new Set([
  "assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting", "identifying",
  "linking", "moderating", "questioning", "replying", "tagging",
]);

type Node = Record<string, unknown>;

function walk(value: unknown, visit: (node: Node, path: string) => void, path = "$") {
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, visit, `${path}[${i}]`));
  else if (value && typeof value === "object") {
    visit(value as Node, path);
    // The context defines terms; it uses none.
    for (const [key, child] of Object.entries(value)) if (key !== "@context") walk(child, visit, `${path}.${key}`);
  }
}

const many = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe.each([
  ["public", fixtureModel()],
  ["internal", fixtureModel({ includePending: true })],
])("the %s Web Annotation export", (_name, model) => {
  const collection = toAnnotationCollection(model);
  const page = collection.first as Node;
  const items = page.items as Node[];

  it("is an AnnotationCollection with its page embedded", () => {
    expect(collection["@context"]).toEqual(["http://www.w3.org/ns/anno.jsonld", { verity: expect.stringMatching(/[:/#]$/) }]);
    expect(collection.id).toBe(`${FIXTURE_APP_URL}/articles/art-harbour/export/annotations.jsonld${model.includesPending ? "?pending=1" : ""}`);
    expect(collection.type).toBe("AnnotationCollection");
    expect(typeof collection.label).toBe("string");
    expect(collection.total).toBe(items.length);
    expect(page).toMatchObject({ type: "AnnotationPage", startIndex: 0 });
    expect(typeof page.id).toBe("string");
  });

  it("uses only the model's terms, classes and motivations", () => {
    walk(collection, (node, path) => {
      for (const key of Object.keys(node)) {
        if (key === "@context") continue;
        const [prefix, local] = key.split(":");
        const known = local ? CONTEXT_PREFIXES.includes(prefix) : CONTEXT_TERMS.has(key);
        expect({ path, key, known }).toEqual({ path, key, known: true });
      }
      for (const type of many(node.type as string | string[])) expect({ path, type, known: CLASSES.has(type) }).toEqual({ path, type, known: true });
      for (const m of [...many(node.motivation as string), ...many(node.purpose as string)]) {
        expect({ path, m, known: MOTIVATIONS.has(m) }).toEqual({ path, m, known: true });
      }
    });
  });

  it("gives every annotation the required fields, a unique IRI, and a target on the text with both selectors, or only its quote once orphaned", () => {
    const ids = new Set<string>();
    for (const item of items) {
      expect(item["@context"]).toEqual(EXPORT_CONTEXT);
      expect(item.type).toBe("Annotation");
      expect(typeof item.id).toBe("string");
      expect(item.id as string).toMatch(new RegExp(`^${FIXTURE_APP_URL}/annotations/(art-harbour|evidence)/`));
      expect(ids.has(item.id as string)).toBe(false);
      ids.add(item.id as string);
      expect(item.created).toMatch(ISO);
      expect(many(item.body).length).toBeGreaterThan(0);

      const target = item.target as Node;
      const source = target.source as Node;
      expect(typeof source.id).toBe("string");
      const selectors = many(target.selector) as Node[];
      const position = selectors.find((s) => s.type === "TextPositionSelector");
      const quote = selectors.find((s) => s.type === "TextQuoteSelector")!;
      if (target["verity:orphaned"] === true) expect(position).toBeUndefined();
      else expect(Number.isInteger(position!.start) && Number.isInteger(position!.end) && (position!.start as number) < (position!.end as number)).toBe(true);
      expect(typeof quote.exact).toBe("string");
      expect(typeof quote.prefix).toBe("string");
      expect(typeof quote.suffix).toBe("string");
    }
  });

  it("has one assessing annotation per claim on the public page, whose position (in code points) and quote give exactly the claim's text", () => {
    const claims = items.filter((item) => item.motivation === "assessing");
    expect(claims.map((item) => item.id)).toEqual(model.claims.map((claim) => `${FIXTURE_APP_URL}/annotations/art-harbour/${claim.id}`));
    const codePoints = [...FIXTURE_TEXT];
    for (const [i, item] of claims.entries()) {
      const claim = model.claims[i];
      const target = item.target as Node;
      expect(target.source).toEqual({
        id: `${FIXTURE_APP_URL}/p/art-harbour`,
        type: "Text",
        "dcterms:title": model.article.title,
        via: "https://coastal.example/news/harbour-plan",
      });
      const quote = { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix };
      if (claim.anchorStatus === "ANCHORED") {
        const [position] = target.selector as Array<{ start: number; end: number }>;
        expect(target.selector).toEqual([{ type: "TextPositionSelector", start: position.start, end: position.end }, quote]);
        expect(codePoints.slice(position.start, position.end).join("")).toBe(quote.exact);
        expect(codePoints.slice(0, position.start).join("").endsWith(quote.prefix)).toBe(true);
        expect(codePoints.slice(position.end).join("").startsWith(quote.suffix)).toBe(true);
        expect(target["verity:orphaned"]).toBeUndefined();
      } else {
        // Its stored position now selects other text: only the quote, and the reason why.
        expect(target.selector).toEqual([quote]);
        expect(target["verity:orphaned"]).toBe(true);
      }
      const bodies = many(item.body) as Node[];
      const textual = (purpose: string) => bodies.filter((b) => b.type === "TextualBody" && b.purpose === purpose).map((b) => b.value);
      expect(textual("describing")).toEqual([claim.restatement]);
      expect(textual("assessing")).toEqual(claim.rating ? [claim.rating.label] : []);
      expect(textual("commenting")).toEqual(claim.rationale ? [claim.rationale] : []);
      expect(textual("tagging").some((v) => /^Pending/.test(v as string))).toBe(claim.state !== "APPROVED");
      const links = bodies.filter((b) => b.purpose === "linking" && b.label !== "Same claim");
      expect(links).toHaveLength(claim.evidence.length);
      for (const link of links) expect(link).toMatchObject({ type: "SpecificResource", source: { id: expect.stringMatching(/^https?:\/\//) } });
      const sameClaim = bodies.filter((b) => b.label === "Same claim");
      expect(sameClaim).toEqual(
        claim.sameClaim.map((other) => ({ type: "SpecificResource", purpose: "linking", label: "Same claim", source: `${FIXTURE_APP_URL}/annotations/${other.article.id}/${other.id}` })),
      );
    }
  });

  it("has one linking annotation per evidence passage, on the passage's article, linking to its claim", () => {
    const passages = items.filter((item) => item.motivation === "linking");
    const expected = model.claims.flatMap((claim) =>
      claim.evidence.flatMap((e) => (e.kind === "PASSAGE" ? [{ e, claim }] : [])),
    );
    expect(passages).toHaveLength(expected.length);
    for (const [i, item] of passages.entries()) {
      const { e, claim } = expected[i];
      if (e.kind !== "PASSAGE") throw new Error("unreachable");
      expect(item.id).toBe(`${FIXTURE_APP_URL}/annotations/evidence/${e.id}`);
      const target = item.target as Node;
      expect(target.source).toMatchObject({ id: `${FIXTURE_APP_URL}/p/${e.passage.articleId}`, "dcterms:title": e.passage.articleTitle });
      expect(target.selector).toEqual([
        { type: "TextPositionSelector", ...e.passage.codePoints },
        { type: "TextQuoteSelector", exact: e.passage.exact, prefix: e.passage.prefix, suffix: e.passage.suffix },
      ]);
      expect(many(item.body)).toEqual(
        expect.arrayContaining([{ type: "SpecificResource", purpose: "linking", source: `${FIXTURE_APP_URL}/annotations/art-harbour/${claim.id}` }]),
      );
    }
  });

  it("carries no email address but the organisation's public contact, no comment and no review note", () => {
    const json = JSON.stringify(collection).replaceAll(`mailto:${FIXTURE_ORGANISATION.contactEmail}`, "");
    expect(json).not.toMatch(/@[a-z0-9-]+\.[a-z]/i);
    expect(json).not.toMatch(/reviewNote|comment"/i);
  });
});

describe("reading an export back", () => {
  it("finds every placed claim at the same span with its restatement, verdict and rationale", async () => {
    const model = fixtureModel({ includePending: true });
    const plan = await planAnnotationImport(FIXTURE_TEXT, JSON.parse(JSON.stringify(toAnnotationCollection(model))), VERITY_CATALOGUE.choices);
    const placed = model.claims.filter((claim) => claim.anchorStatus === "ANCHORED");
    expect(plan.claims.map((c) => [c.start, c.end, c.exact, c.restatement, c.verdict, c.rationale, c.method])).toEqual(
      placed.map((claim) => [claim.startOffset, claim.endOffset, claim.exact, claim.restatement, claim.rating?.id ?? null, claim.rationale, "position"]),
    );
    // The orphaned claim's text is not in the article: reported, not placed.
    expect(plan.orphaned.map((o) => o.restatement)).toEqual(["The harbour will pay for itself within a decade."]);
    expect(plan.skipped).toHaveLength(1);
  });

  it("maps every verdict label and id of the scale back to the verdict, and nothing else", () => {
    for (const rating of VERITY_CATALOGUE.choices) {
      expect(verdictOf(rating.label, VERITY_CATALOGUE.choices)).toBe(rating.id);
      expect(verdictOf(rating.id, VERITY_CATALOGUE.choices)).toBe(rating.id);
    }
    expect(verdictOf("Pants on fire", VERITY_CATALOGUE.choices)).toBeNull();
  });

  /** A claim annotation quoting `exact` at `start`, with the context given. */
  function claimAnnotation(exact: string, start: number, prefix = "", suffix = "") {
    return {
      type: "Annotation",
      motivation: "assessing",
      target: {
        selector: [
          { type: "TextQuoteSelector", exact, prefix, suffix },
          { type: "TextPositionSelector", start, end: start + exact.length },
        ],
      },
    };
  }
  const placedQuote = FIXTURE_TEXT.slice(40, 80);
  // The placed quote with one unit changed: only a fuzzy search finds it.
  const changedQuote = `${placedQuote.slice(0, 20)}#${placedQuote.slice(21)}`;

  it("stops searching for changed text once the import's fuzzy work is spent, and marks what it left unsearched", async () => {
    const file = [claimAnnotation(placedQuote, 40), claimAnnotation(changedQuote, 40)];
    expect((await planAnnotationImport(FIXTURE_TEXT, file, VERITY_CATALOGUE.choices)).claims.map((c) => c.method)).toEqual(["position", "fuzzy"]);

    const plan = await planAnnotationImport(FIXTURE_TEXT, file, VERITY_CATALOGUE.choices, { fuzzyWork: 0, timeLimitMs: IMPORT_TIME_LIMIT_MS });
    // Text that is there word for word needs no fuzzy search.
    expect(plan.claims.map((c) => c.method)).toEqual(["position"]);
    expect(plan.orphaned).toEqual([expect.objectContaining({ exact: changedQuote, notSearched: true, reason: expect.stringMatching(/used up its searches for changed text.*smaller file/) })]);
  });

  it("looks for nothing more once the import's time is up, and marks what it left", async () => {
    const plan = await planAnnotationImport(FIXTURE_TEXT, [claimAnnotation(placedQuote, 40)], VERITY_CATALOGUE.choices, { fuzzyWork: IMPORT_FUZZY_WORK, timeLimitMs: 0 });
    expect(plan.claims).toEqual([]);
    expect(plan.orphaned).toEqual([expect.objectContaining({ exact: placedQuote, notSearched: true, reason: expect.stringMatching(/time limit.*smaller file/) })]);
  });

  it("says how many orphans the limits left unsearched, in one sentence", () => {
    const orphan = { annotationId: null, restatement: "", exact: "x", reason: "" };
    expect(notSearchedNote([orphan])).toBe("");
    expect(notSearchedNote([orphan, { ...orphan, notSearched: true }])).toBe(
      "1 of them was not fully searched for, because one import’s work is limited: import it in a smaller file.",
    );
    expect(notSearchedNote(Array.from({ length: 1200 }, () => ({ ...orphan, notSearched: true as const })))).toBe(
      "1,200 of them were not fully searched for, because one import’s work is limited: import them in a smaller file.",
    );
  });

  it("says why a claim is orphaned when its text is in two places too alike to choose between", async () => {
    // The text twice with all its context, and no position to prefer one.
    const text = `${FIXTURE_TEXT}\n${FIXTURE_TEXT}`;
    const quote = { type: "TextQuoteSelector", exact: placedQuote, prefix: FIXTURE_TEXT.slice(8, 40), suffix: FIXTURE_TEXT.slice(80, 112) };
    const file = [{ type: "Annotation", motivation: "assessing", target: { selector: [quote] } }];
    const plan = await planAnnotationImport(text, file, VERITY_CATALOGUE.choices);
    expect(plan.claims).toEqual([]);
    expect(plan.orphaned).toEqual([expect.objectContaining({ exact: placedQuote, reason: "Its text is in 2 places in this article, too alike to choose between." })]);
    expect(plan.orphaned[0].notSearched).toBeUndefined();
  });

  it("reads only the context Verity keeps, however long the file's", async () => {
    const prefix = "x".repeat(900) + FIXTURE_TEXT.slice(8, 40);
    const suffix = FIXTURE_TEXT.slice(80, 112) + "x".repeat(900);
    const plan = await planAnnotationImport(FIXTURE_TEXT, [claimAnnotation(placedQuote, 40, prefix, suffix)], VERITY_CATALOGUE.choices);
    // The first 900 units of each side would disagree with the text; the 32 nearest the quote agree.
    expect(plan.claims).toEqual([expect.objectContaining({ start: 40, end: 80, method: "position" })]);
  });

  it("refuses what is not a Web Annotation export, saying why", async () => {
    await expect(planAnnotationImport(FIXTURE_TEXT, { hello: "world" }, VERITY_CATALOGUE.choices)).rejects.toThrow(/not a W3C Web Annotation export/);
    await expect(planAnnotationImport(FIXTURE_TEXT, { type: "AnnotationCollection", first: "https://x.example/page1" }, VERITY_CATALOGUE.choices)).rejects.toThrow(/embedded/);
    await expect(planAnnotationImport(FIXTURE_TEXT, [], VERITY_CATALOGUE.choices)).rejects.toThrow(/no claim annotations/);
  });
});
