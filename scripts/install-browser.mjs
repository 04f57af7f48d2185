// npm postinstall: when this machine has no Chromium for the browser tests, fetch
// Playwright's own. Never fails the install: where the download is not possible it
// says so in one line, and `npm test` still runs the unit and database tests.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { findChromium, INSTALL_HINT } from "./chromium.cjs";

const DOWNLOAD_TIME_LIMIT_MS = 10 * 60_000;

function playwrightInstalled() {
  try {
    createRequire(import.meta.url).resolve("@playwright/test");
    return true;
  } catch {
    return false; // an install without dev dependencies runs no browser tests
  }
}

/** The most telling line of a failed download: the network error if there is one. */
function downloadProblem(download) {
  if (download.error) return download.error.message;
  const lines = `${download.stdout}\n${download.stderr}`.split("\n").map((line) => line.trim());
  return lines.find((line) => /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|certificate/i.test(line)) ?? lines.find((line) => line.startsWith("Error:")) ?? "unknown error";
}

if (!process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD && !findChromium().found && playwrightInstalled()) {
  console.log("No Chromium on this machine: fetching Playwright's own for the browser tests (about 170 MB)…");
  const download = spawnSync("npx", ["playwright", "install", "chromium"], {
    stdio: ["ignore", "pipe", "pipe"],
    timeout: DOWNLOAD_TIME_LIMIT_MS,
    encoding: "utf8",
  });
  if (download.status === 0 && findChromium().found) {
    console.log(`Browser for the tests: ${findChromium().path}`);
  } else {
    console.log(`Chromium could not be downloaded (${downloadProblem(download)}); the browser tests will not run until you ${INSTALL_HINT}.`);
  }
}
