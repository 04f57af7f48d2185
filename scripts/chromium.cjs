// Which Chromium the browser tests and benchmarks drive: CHROMIUM_PATH if set, else
// the system's, else the one Playwright downloads for itself (`npx playwright install
// chromium`, which `npm install` runs when there is no system Chromium).
// Run directly, it prints the browser it found, or what to install, and exits 1 if none.
// CommonJS, because Playwright's config loader turns what it loads into CommonJS.
const { existsSync } = require("node:fs");

const SYSTEM_CHROMIUMS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

const INSTALL_HINT =
  "install Chromium (Debian/Ubuntu: `sudo apt install chromium`), or run `npx playwright install chromium` where the network allows, or set CHROMIUM_PATH to a Chromium or Chrome";

/**
 * @returns {{ found: true, path: string, source: string } | { found: false, problem: string }}
 */
function findChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    return existsSync(configured)
      ? { found: true, path: configured, source: "CHROMIUM_PATH" }
      : { found: false, problem: `CHROMIUM_PATH is ${configured}, and there is no file there` };
  }
  const system = SYSTEM_CHROMIUMS.find((candidate) => existsSync(candidate));
  if (system) return { found: true, path: system, source: "the system's" };
  const own = playwrightChromium();
  if (own) return { found: true, path: own, source: "Playwright's own" };
  return { found: false, problem: "no Chromium on this machine" };
}

/** The path of Playwright's downloaded Chromium, if it is there (and Playwright is installed). */
function playwrightChromium() {
  try {
    const { chromium } = require("@playwright/test");
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

module.exports = { findChromium, INSTALL_HINT };

if (require.main === module) {
  const browser = findChromium();
  if (browser.found) {
    console.log(`Browser: ${browser.source} Chromium, ${browser.path}`);
  } else {
    console.log(`Browser tests not run: ${browser.problem}. To run them, ${INSTALL_HINT}.`);
    process.exit(1);
  }
}
