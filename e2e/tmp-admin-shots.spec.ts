import { test } from "@playwright/test";
import { ADMIN, signIn } from "./fixtures";

test("shots", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  // one disabled user for the badge
  await page.goto("/admin/users");
  const row = page.locator("[data-testid=user-row][data-email='reviewer2@verity.test']");
  await row.getByRole("button", { name: "Disable" }).click();
  await row.getByRole("button", { name: "Enable" }).waitFor();
  await page.goto("/admin/audit?page=1&action=bogus");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, url] of [["articles", "/articles"], ["articles-filtered", "/articles?q=ukraine&language=xx-!!"], ["users", "/admin/users"], ["audit", "/admin/audit"]]) {
      await page.goto(url);
      await page.screenshot({ path: `/tmp/admin-shots/${name}-${width}.png`, fullPage: true });
    }
  }
});
