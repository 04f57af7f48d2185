import { findChromium } from "../scripts/chromium.cjs";

const browser = findChromium();
/** The Chromium the browser tests drive (scripts/chromium.cjs); undefined leaves Playwright to say what is missing. */
export const CHROMIUM_PATH: string | undefined = browser.found ? browser.path : undefined;

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  // Nothing but this machine: stops Chromium trying to reach outside hosts.
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
];
