import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fixtureModel } from "@/lib/export/test-fixture";
import { renderExport } from "@/lib/export/render";
import { EXPORT_FORMAT_NAMES, type ExportFormat } from "@/lib/export/formats";
import { toClaimReviews } from "@/lib/export/claim-review";
import { renderPublicPage } from "@/lib/export/public-page";

/**
 * Golden files: each format of the fixed fixture article (test-fixture.ts), compared byte
 * for byte with lib/export/__golden__/. After an intended change, look at the difference,
 * then rewrite them with UPDATE_GOLDEN=1 npx jest lib/export/golden.test.ts.
 */
const DIR = path.join(__dirname, "__golden__");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

function expectGolden(name: string, actual: string) {
  const file = path.join(DIR, name);
  if (UPDATE) writeFileSync(file, actual);
  expect(existsSync(file)).toBe(true);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

const VARIANTS: Array<[string, { includePending: boolean }, ExportFormat[]]> = [
  ["article", { includePending: false }, EXPORT_FORMAT_NAMES],
  ["article-internal", { includePending: true }, ["html", "md", "annotations.jsonld"]],
];

describe.each(VARIANTS)("%s", (prefix, options, formats) => {
  it.each(formats)("renders %s as its golden file", (format) => {
    expectGolden(`${prefix}.${format}`, renderExport(fixtureModel(options), format));
  });

  it.each(formats)("renders %s the same every time", (format) => {
    expect(renderExport(fixtureModel(options), format)).toBe(renderExport(fixtureModel(options), format));
  });
});

it("gives the internal export the same ClaimReviews as the public one: pending claims never become one", () => {
  expect(toClaimReviews(fixtureModel({ includePending: true }))).toEqual(toClaimReviews(fixtureModel()));
});

it("renders the public page as its golden file", () => {
  expectGolden("article.public.html", renderPublicPage(fixtureModel()));
});
