import { isRatingId, ratingOf, verdictIcon, verdictLabel } from "@/lib/ratings/types";
import { VERITY_CATALOGUE } from "@/lib/ratings/test-catalogue";
import { parseSearchParams } from "@/lib/search/schemas";

// The catalogue's ratings are a plain object: a name every object has must not pass for a rating.
const INHERITED = ["valueOf", "constructor", "toString", "__proto__", "hasOwnProperty"];

describe("a rating id", () => {
  it("names a rating of the catalogue", () => {
    expect(isRatingId(VERITY_CATALOGUE, "FALSE")).toBe(true);
    expect(ratingOf(VERITY_CATALOGUE, "FALSE")?.label).toBe("False");
  });

  it.each(INHERITED)("is not %s, which every object has", (id) => {
    expect(isRatingId(VERITY_CATALOGUE, id)).toBe(false);
    expect(ratingOf(VERITY_CATALOGUE, id)).toBeNull();
    expect(verdictLabel(VERITY_CATALOGUE, id)).toBe(id);
    expect(verdictIcon(VERITY_CATALOGUE, id)).toBe("?");
  });

  it.each(INHERITED)("%s is refused as the search's verdict filter", (id) => {
    const { filters, errors } = parseSearchParams({ q: "budget", verdict: id }, (candidate) => isRatingId(VERITY_CATALOGUE, candidate));
    expect(filters.verdict).toBeNull();
    expect(errors.verdict).toBeDefined();
  });
});
