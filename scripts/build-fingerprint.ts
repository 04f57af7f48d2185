/**
 * Whether the production build in .next/ was made from the code that is here now, so
 * that `npm start` after a `git pull` builds again instead of serving the old app.
 * The fingerprint is a hash of every source file the build reads, written beside the
 * build by `npm start` when it builds; a build made another way (`npx next build`) has
 * none and is trusted as it is.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCE_FOLDERS = ["app", "components", "lib", "types", "prisma", "public"];
const SOURCE_FILES = ["next.config.js", "proxy.ts", "instrumentation-client.ts", "tsconfig.json", "package-lock.json"];
const SKIPPED = new Set(["node_modules", "generated", ".next"]);
const FINGERPRINT_FILE = "verity-source-fingerprint";

function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && !/\.test\.tsx?$/.test(entry.name)) files.push(child);
    }
  };
  for (const folder of SOURCE_FOLDERS) if (existsSync(path.join(root, folder))) walk(folder);
  for (const file of SOURCE_FILES) if (existsSync(path.join(root, file))) files.push(file);
  return files.sort();
}

/** A hash of the names and contents of the files the build is made from (tests left out). */
export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const file of sourceFiles(root)) {
    hash.update(file.split(path.sep).join("/")).update("\0").update(readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex");
}

/** Why the build must be made (again), or null when the one in .next/ serves this code. */
export function buildNeeded(root: string): string | null {
  const distDir = path.join(root, ".next");
  if (!existsSync(path.join(distDir, "BUILD_ID"))) return "No build found: building the app (once; this takes a few minutes)…";
  const recorded = path.join(distDir, FINGERPRINT_FILE);
  if (existsSync(recorded) && readFileSync(recorded, "utf8").trim() !== sourceFingerprint(root)) {
    return "The code has changed since the last build: building the app again…";
  }
  return null;
}

export function recordBuild(root: string) {
  writeFileSync(path.join(root, ".next", FINGERPRINT_FILE), `${sourceFingerprint(root)}\n`);
}
