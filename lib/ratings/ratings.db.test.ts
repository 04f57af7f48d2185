import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { FieldError, ForbiddenError } from "@/lib/errors";
import { lastAuditId, makeArticle, makeClaim, makeUser, type TestArticle } from "@/lib/claims/test-fixtures";
import { createClaim, updateClaim } from "@/lib/claims/writes";
import { readCatalogue } from "@/lib/ratings/catalogue";
import { contrastWithPage, MIN_CONTRAST } from "@/lib/ratings/colour";
import { copyScale, deleteRating, moveRating, previewSwitch, saveRating, scalesForAdmin, setRatingRetired, switchScale, updateScale } from "@/lib/ratings/data";
import { saveRatingSchema } from "@/lib/ratings/schemas";
import { VERITY_CATALOGUE } from "@/lib/ratings/test-catalogue";
import { claimReview } from "@/lib/export/claim-review";
import { scaledRating } from "@/lib/ratings/types";

/** Rating scales as data: the presets, the rules every verdict obeys, and the admins' changes. */

useTestDatabase();

let admin: Actor;
let editor: Actor;
let reviewer: Actor;
let article: TestArticle;

beforeAll(async () => {
  [admin, editor, reviewer] = await Promise.all([makeUser("ADMIN"), makeUser("EDITOR"), makeUser("REVIEWER")]);
  article = await makeArticle(["The mayor said unemployment fell by half.", "The port hired 600 people.", "Rents rose 40 percent.", "Crime fell by a third."]);
});

afterEach(async () => {
  // Back to the Verity preset, without the copies a test made (claims first: they hold ratings).
  await prisma.claim.deleteMany();
  await prisma.organisation.deleteMany();
  await prisma.ratingScale.deleteMany({ where: { preset: null } });
});

const rating = (input: Record<string, string> & { scaleId: string }) =>
  saveRatingSchema.parse({ label: "Exaggerated", definition: "Bigger than the facts.", color: "#7a3fb0", icon: "↑", ratingValue: "", truth: "MOSTLY_FALSE", ...input });

async function fieldErrorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FieldError);
  const { field, message } = error as FieldError;
  return { field, message };
}

describe("the presets", () => {
  it("the Verity preset is the default scale, as the unit tests' copy of it says", async () => {
    const catalogue = await readCatalogue();
    expect(catalogue.current.id).toBe("verity");
    expect(catalogue.choices).toEqual(VERITY_CATALOGUE.choices);
  });

  it("has the four presets, each rating's colour at WCAG AA against white", async () => {
    const catalogue = await readCatalogue();
    expect(Object.values(catalogue.scales).map((scale) => scale.preset).sort()).toEqual(["label-only", "pinocchio", "truth-o-meter", "verity"]);
    for (const each of Object.values(catalogue.ratings)) expect({ label: each.label, ok: contrastWithPage(each.color) >= MIN_CONTRAST }).toEqual({ label: each.label, ok: true });
  });

  it("gives a ClaimReview per preset with the scale's numbers, or words only", async () => {
    const catalogue = await readCatalogue();
    const reviewOf = (id: string) =>
      claimReview("https://verity.example", { name: "Coastal Fact Check", url: null, logo: null, contactEmail: null, policyUrl: null }, { id: "a", title: "T", outlet: "O", url: null, publicationDate: null, publishedAt: null }, { id: "c", restatement: "R", rating: scaledRating(catalogue, id), rationale: null, approvedAt: "2026-12-03T00:00:00.000Z", sameClaim: [], corrections: [], claimant: null, claimantKind: null, claimDate: null, appearanceUrl: null }, 1).reviewRating;
    expect(reviewOf("UNVERIFIABLE")).toEqual({ "@type": "Rating", bestRating: 5, worstRating: 1, name: "Unverifiable", alternateName: "Unverifiable" });
    expect(reviewOf("tom-pants-on-fire")).toEqual({ "@type": "Rating", ratingValue: 1, bestRating: 6, worstRating: 1, name: "Pants on Fire", alternateName: "Pants on Fire" });
    expect(reviewOf("wp-four")).toEqual({ "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, name: "Four Pinocchios", alternateName: "Four Pinocchios" });
    expect(reviewOf("label-opinion")).toEqual({ "@type": "Rating", name: "Opinion — not checkable", alternateName: "Opinion — not checkable" });
  });
});

describe("every verdict written", () => {
  it("is a rating of the organisation's scale: another scale's is refused, and nothing is written", async () => {
    expect(await fieldErrorOf(makeClaim(reviewer, article, "Rents rose 40 percent", { verdict: "tom-false" }))).toEqual({ field: "verdict", message: "Choose a verdict from the list." });
    expect(await fieldErrorOf(makeClaim(reviewer, article, "Rents rose 40 percent", { verdict: "MAYBE" }))).toEqual({ field: "verdict", message: "Choose a verdict from the list." });
    expect(await prisma.claim.count()).toBe(0);
  });

  it("cannot be a retired rating, but a claim keeps the retired rating it has", async () => {
    const scaleId = await copyScale(admin, { scaleId: "verity", name: "Ours" });
    await switchScale(admin, { scaleId, mapping: {} });
    const [first] = (await readCatalogue()).choices;
    const claim = await makeClaim(reviewer, article, "Crime fell by a third", { verdict: first.id });
    await setRatingRetired(admin, { ratingId: first.id }, true);
    expect(await fieldErrorOf(makeClaim(reviewer, article, "Rents rose 40 percent", { verdict: first.id }))).toEqual({ field: "verdict", message: `“${first.label}” is retired: choose another verdict.` });
    // Saving the claim with its own (retired) rating is allowed; it still shows it.
    await updateClaim(reviewer, { claimId: claim.id, version: claim.version, restatement: "Crime fell by a third, he said.", verdict: first.id, rationale: null });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).verdict).toBe(first.id);
  });
});

describe("editing a scale", () => {
  it("only admins may, and a preset cannot be changed", async () => {
    await expect(copyScale(editor, { scaleId: "verity", name: "Mine" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(scalesForAdmin(reviewer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveRating(admin, rating({ scaleId: "truth-o-meter" }))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a colour below WCAG AA, showing its ratio, and writes nothing", async () => {
    const scaleId = await copyScale(admin, { scaleId: "verity", name: "Ours" });
    const before = await prisma.rating.count();
    const { field, message } = await fieldErrorOf(saveRating(admin, rating({ scaleId, color: "#f5c518" })));
    expect(field).toBe("color");
    expect(message).toMatch(/contrast of 1\.\d+:1 .* at least 4\.5:1/);
    expect(await prisma.rating.count()).toBe(before);
  });

  it("adds, renames, reorders, retires and deletes, each audited; a used rating is retired, never deleted", async () => {
    const scaleId = await copyScale(admin, { scaleId: "label-only", name: "Desk labels" });
    const added = await saveRating(admin, rating({ scaleId }));
    let ratings = await prisma.rating.findMany({ where: { scaleId }, orderBy: { position: "asc" } });
    expect(ratings.at(-1)!.id).toBe(added);
    expect(await fieldErrorOf(saveRating(admin, rating({ scaleId, label: "exaggerated" })))).toEqual({ field: "label", message: "The scale already has a rating called “Exaggerated”." });
    await saveRating(admin, rating({ scaleId, ratingId: added, label: "Overstated" }));
    await moveRating(admin, { ratingId: added, direction: "up" });
    ratings = await prisma.rating.findMany({ where: { scaleId }, orderBy: { position: "asc" } });
    expect(ratings.map((r) => r.label).slice(-2)).toEqual(["Overstated", "Opinion — not checkable"]);

    await switchScale(admin, { scaleId, mapping: {} });
    await makeClaim(reviewer, article, "The port hired 600 people", { verdict: added });
    expect(await fieldErrorOf(deleteRating(admin, { ratingId: added }))).toEqual({ field: "ratingId", message: "“Overstated” has been used, so its verdicts keep it: retire it instead." });
    await setRatingRetired(admin, { ratingId: added }, true);
    const unused = ratings.find((r) => r.label === "Satire")!;
    await deleteRating(admin, { ratingId: unused.id });
    expect(await prisma.rating.findUnique({ where: { id: unused.id } })).toBeNull();
    const actions = (await prisma.auditEvent.findMany({ where: { entityType: "RatingScale", entityId: scaleId }, orderBy: { id: "asc" }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(["rating_scale.copy", "rating.create", "rating.update", "rating.move", "rating_scale.switch", "rating.retire", "rating.delete"]);
  });

  it("keeps numbers within the scale's worst and best", async () => {
    const scaleId = await copyScale(admin, { scaleId: "truth-o-meter", name: "Meter" });
    expect(await fieldErrorOf(saveRating(admin, rating({ scaleId, ratingValue: "9" })))).toEqual({ field: "ratingValue", message: "Enter a number from 1 to 6, the scale's worst and best." });
    expect((await fieldErrorOf(updateScale(admin, { scaleId, name: "Meter", worstRating: 1, bestRating: 5 }))).field).toBe("bestRating");
  });
});

describe("switching scales", () => {
  it("maps open claims' verdicts, previewed with counts, in one audited transaction; approved claims keep theirs", async () => {
    const since = await lastAuditId();
    const open = await makeClaim(reviewer, article, "Crime fell by a third", { verdict: "FALSE" });
    const alsoOpen = await makeClaim(reviewer, article, "Rents rose 40 percent", { verdict: "FALSE" });
    const approved = await makeClaim(reviewer, article, "The port hired 600 people", { verdict: "MOSTLY_TRUE", state: "APPROVED" });
    const catalogue = await readCatalogue();
    expect(await previewSwitch(admin, catalogue, "truth-o-meter")).toEqual([{ ratingId: "FALSE", claims: 2, suggested: "tom-false" }]);

    // Every rating in use must be mapped: nothing changes until it is.
    expect(await fieldErrorOf(switchScale(admin, { scaleId: "truth-o-meter", mapping: {} }))).toMatchObject({ field: "map:FALSE" });
    expect((await readCatalogue()).current.id).toBe("verity");

    expect(await switchScale(admin, { scaleId: "truth-o-meter", mapping: { FALSE: "tom-pants-on-fire" } })).toBe(2);
    const claims = await prisma.claim.findMany({ where: { id: { in: [open.id, alsoOpen.id, approved.id] } }, select: { id: true, verdict: true, version: true } });
    expect(Object.fromEntries(claims.map((c) => [c.id, c.verdict]))).toEqual({ [open.id]: "tom-pants-on-fire", [alsoOpen.id]: "tom-pants-on-fire", [approved.id]: "MOSTLY_TRUE" });
    expect(claims.find((c) => c.id === open.id)!.version).toBe(open.version + 1);
    expect((await readCatalogue()).current.id).toBe("truth-o-meter");
    const events = await prisma.auditEvent.findMany({ where: { action: "rating_scale.switch", id: { gt: since } }, orderBy: { id: "asc" }, select: { entityType: true, after: true } });
    expect(events.map((e) => e.entityType)).toEqual(["Claim", "Claim", "RatingScale"]);
    expect(events[2].after).toMatchObject({ scaleId: "truth-o-meter", mapping: { FALSE: "tom-pants-on-fire" }, claimsChanged: 2 });

    // New verdicts come from the new scale.
    await createClaim(reviewer, { articleId: article.id, start: 0, end: 9, exact: "The mayor", restatement: "The mayor spoke.", verdict: "tom-half-true" });
    expect(await fieldErrorOf(makeClaim(reviewer, article, "unemployment fell by half", { verdict: "MIXED" }))).toMatchObject({ field: "verdict" });
  });
});
