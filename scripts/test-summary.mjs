// Prints one closing line over both runners ("Total: N passed, N failed") from their
// JSON reports, and fails when a report is missing or no test ran.
import { readFileSync } from "node:fs";

function read(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const jest = read("test-results/jest.json");
const e2e = read("test-results/e2e.json");
const passed = (jest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
const failed = (jest?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
const skipped = (jest?.numPendingTests ?? 0) + (jest?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);

if (!jest) console.log("Jest wrote no report: the unit and database tests did not run.");
if (!e2e) console.log("Playwright wrote no report: the browser tests did not run.");
console.log(`Total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(jest && e2e && failed === 0 && passed > 0 ? 0 : 1);
