import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { EDITOR, REVIEWER, REVIEWER2, screenshot, signIn } from "./fixtures";
import { readServerInfo } from "./server-info";

/**
 * The agreement page on rounds seeded through the data layer (e2e/seed-rounds.ts), filtered by
 * a tag only they carry: it shows the Krippendorff's alpha computed here, independently, from
 * the published formula.
 */

type Verdict = "FALSE" | "MOSTLY_FALSE" | "MIXED" | "MOSTLY_TRUE" | "TRUE";

// Ravi's and Rosa's verdicts on six claims.
const VERDICTS: [Verdict, Verdict][] = [
  ["FALSE", "FALSE"],
  ["FALSE", "FALSE"],
  ["MOSTLY_FALSE", "FALSE"],
  ["TRUE", "TRUE"],
  ["MIXED", "MIXED"],
  ["TRUE", "MOSTLY_TRUE"],
];

/**
 * Krippendorff's alpha, nominal, for two coders and no missing values (Krippendorff 2011, section
 * "Nominal data, two observers, no missing data"): alpha = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k,
 * where o_ck counts ordered pairs across the units' two values and n_c how often value c occurs (n = 2·units).
 */
function nominalAlpha(pairs: [string, string][]) {
  const n = pairs.length * 2;
  let disagreeing = 0;
  const counts = new Map<string, number>();
  for (const [a, b] of pairs) {
    if (a !== b) disagreeing += 2;
    counts.set(a, (counts.get(a) ?? 0) + 1);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  const squares = [...counts.values()].reduce((sum, c) => sum + c * c, 0);
  return 1 - ((n - 1) * disagreeing) / (n * n - squares);
}

test("the agreement page shows the alpha of seeded rounds, filtered by their tag", async ({ page }) => {
  test.setTimeout(240_000);
  const { databaseUrl } = readServerInfo();
  expect(databaseUrl, "this test seeds the server's PostgreSQL database (run with TEST_DATABASE_URL)").toBeTruthy();
  const tag = `agree-${Date.now().toString(36)}`;
  const title = `Agreement Check ${tag}`;
  const seeded = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "e2e/seed-rounds.ts", JSON.stringify({ title, tag, editor: EDITOR.email, reviewers: [REVIEWER.email, REVIEWER2.email], verdicts: VERDICTS })],
    { env: { ...process.env, DATABASE_URL: databaseUrl! }, encoding: "utf8" },
  );
  expect(seeded.status, seeded.stderr).toBe(0);

  const expected = nominalAlpha(VERDICTS);
  // By hand: 2 of 6 units disagree; n = 12; counts F 5, MF 1, MIXED 2, T 3, MT 1 → Σ n_c² = 40; alpha = 1 − 11·4/(144 − 40).
  expect(expected).toBeCloseTo(1 - 44 / 104, 12);

  await signIn(page, EDITOR.email, EDITOR.password);
  await page.goto("/agreement");
  await page.getByLabel("Tag").selectOption(tag);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  await expect(page.getByText("6 revealed rounds · 12 verdicts · 2 reviewers")).toBeVisible();
  await expect(page.getByTestId("alpha-nominal-value")).toHaveText(expected.toFixed(3));
  // Every near miss is one step on the truth axis: ordinal alpha is higher than nominal.
  expect(Number(await page.getByTestId("alpha-ordinal-value").textContent())).toBeGreaterThan(expected);
  await expect(page.getByRole("img", { name: /Confusion matrix/ })).toBeVisible();

  // The CSV export carries the same twelve verdicts.
  const csv = await page.request.get(`/agreement/csv?tag=${tag}`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).trim().split("\n")).toHaveLength(13);

  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, "agreement-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "agreement-phone");
});

test("reviewers are not shown the agreement page", async ({ page }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password);
  await page.goto("/agreement");
  await expect(page.getByRole("heading", { name: "Editors only" })).toBeVisible();
  expect((await page.request.get("/agreement/csv")).status()).toBe(403);
});
