/**
 * The screenshots of docs/user-guide.md, made again from the demo data:
 *
 *   DATABASE_URL=<the app's database> VERITY_URL=http://localhost:3000 npx tsx scripts/guide-screenshots.ts
 *
 * against a freshly seeded Verity (`npm start` on a new database). It marks three claims on
 * the first sample article through the data layer (one submitted with evidence and a
 * comment, one approved, one draft), then photographs the reader, the queue and the phone
 * layout with Chromium into docs/screenshots/.
 */
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { allowServerOnly } from "@/bench/support";
import { CHROMIUM_PATH, chromiumArgs } from "@/e2e/browser";
import { DEMO_USERS } from "@/lib/seed/seed";

const baseUrl = process.env.VERITY_URL ?? "http://localhost:3000";
const outDir = path.join(process.cwd(), "docs", "screenshots");

async function setUpClaims() {
  allowServerOnly();
  const { prisma } = await import("@/lib/db/client");
  const { createClaim, addEvidence, addComment } = await import("@/lib/claims/data");
  const { transitionClaim } = await import("@/lib/workflow/data");
  const actor = (email: string) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true, role: true } });
  const [reviewer, reviewer2, editor, admin] = await Promise.all(
    ["reviewer@verity.test", "reviewer2@verity.test", "editor@verity.test", "admin@verity.test"].map(actor),
  );
  const article = await prisma.article.findFirstOrThrow({ orderBy: { createdAt: "asc" }, select: { id: true, canonicalText: true } });
  const span = (exact: string) => {
    const start = article.canonicalText.indexOf(exact);
    if (start < 0) throw new Error(`The first sample article no longer says "${exact}".`);
    return { articleId: article.id, start, end: start + exact.length, exact };
  };
  const accessedAt = new Date().toISOString().slice(0, 10);

  const borders = await createClaim(reviewer, {
    ...span("returning to Ukraine’s pre-2014 borders is “an unrealistic objective.”"),
    restatement: "Hegseth said a return to Ukraine's pre-2014 borders is unrealistic.",
    verdict: "TRUE",
    rationale: "The Defense Department's transcript of his remarks in Brussels has these words.",
  });
  const withSource = await addEvidence(reviewer, {
    kind: "EXTERNAL",
    claimId: borders.id,
    version: borders.version,
    stance: "SUPPORTS",
    url: "https://www.defense.gov/News/Speeches/",
    title: "Opening remarks at the Ukraine Defense Contact Group",
    excerpt: "Returning to Ukraine's pre-2014 borders is an unrealistic objective.",
    accessedAt,
  });
  const submitted = await transitionClaim(reviewer, { claimId: borders.id, version: withSource.version, action: "submit", note: null });
  await addComment(editor, { claimId: borders.id, body: "Can we link the video too?" });

  const troops = await createClaim(reviewer2, {
    ...span("He also ruled out the deployment of U.S. troops to Ukraine"),
    restatement: "Hegseth ruled out sending U.S. troops to Ukraine as part of a security guarantee.",
    verdict: "MOSTLY_TRUE",
    rationale: "He ruled out U.S. troops in a peacekeeping force; he did not speak of other roles.",
  });
  const troopsSource = await addEvidence(reviewer2, {
    kind: "EXTERNAL",
    claimId: troops.id,
    version: troops.version,
    stance: "CONTEXT",
    url: "https://www.nato.int/",
    title: "NATO press conference",
    excerpt: "No U.S. troops will be deployed to Ukraine.",
    accessedAt,
  });
  const troopsSubmitted = await transitionClaim(reviewer2, { claimId: troops.id, version: troopsSource.version, action: "submit", note: null });
  await transitionClaim(admin, { claimId: troops.id, version: troopsSubmitted, action: "approve", note: null });

  await createClaim(reviewer, {
    ...span("NATO membership for Ukraine is not a realistic outcome"),
    restatement: "Hegseth said NATO membership for Ukraine is not realistic.",
  });
  await prisma.$disconnect();
  return { articleId: article.id, claimId: borders.id, version: submitted };
}

async function signIn(page: Page, email: string) {
  const user = DEMO_USERS.find((u) => u.email === email)!;
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Waits for the open claim's details, then shows the page from its top. */
async function showFromTheTop(page: Page) {
  await page.getByRole("heading", { name: "Rationale" }).waitFor();
  // The reader scrolls the open claim into view once its details arrive: let it, then go back up.
  await page.waitForTimeout(1500);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await page.waitForFunction(() => window.scrollY === 0);
}

async function main() {
  const { articleId, claimId } = await setUpClaims();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs });
  try {
    const desktop = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(desktop, "editor@verity.test");
    await desktop.goto(`${baseUrl}/articles/${articleId}?claim=${claimId}`);
    await showFromTheTop(desktop);
    await desktop.screenshot({ path: path.join(outDir, "reader-desktop.png") });
    await desktop.goto(`${baseUrl}/queue`);
    await desktop.getByTestId("queue-item").first().waitFor();
    await desktop.screenshot({ path: path.join(outDir, "queue-desktop.png") });

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(phone, "reviewer@verity.test");
    await phone.goto(`${baseUrl}/articles/${articleId}?claim=${claimId}`);
    await showFromTheTop(phone);
    await phone.screenshot({ path: path.join(outDir, "reader-phone.png") });
  } finally {
    await browser.close();
  }
  console.log(`Screenshots written to ${path.relative(process.cwd(), outDir)}.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
