import { defineConfig } from "@playwright/test";
import { CHROMIUM_PATH, chromiumArgs } from "./e2e/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;

// Browser tests run against the production build (`npm test` builds it first),
// served by `npm start` on a fresh database (e2e/serve.ts).
export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  outputDir: "test-results/e2e",
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumArgs },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  webServer: {
    command: "node --import tsx e2e/serve.ts",
    url: `${BASE_URL}/login`,
    // The URL-import test serves its news pages on the next port (e2e/url-import.spec.ts).
    env: { PORT: String(PORT), NEXTAUTH_URL: BASE_URL, VERITY_FETCH_ALLOW_HOSTS: `127.0.0.1:${PORT + 1}` },
    timeout: 240_000,
    reuseExistingServer: false,
    // Without this Playwright SIGKILLs the server, and e2e/serve.ts never drops its database or temp folder.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
