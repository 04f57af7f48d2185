import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildNeeded, recordBuild, sourceFingerprint } from "./build-fingerprint";

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "verity-build-"));
  write("app/page.tsx", "export default function Page() {}");
  write("lib/x.ts", "export const x = 1;");
  write("package-lock.json", "{}");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("buildNeeded", () => {
  it("asks for a build when there is none", () => {
    expect(buildNeeded(root)).toMatch(/^No build found/);
  });

  it("trusts a build made without a fingerprint (npx next build)", () => {
    write(".next/BUILD_ID", "abc");
    expect(buildNeeded(root)).toBeNull();
  });

  it("builds again once a source file changes after npm start's build, and not before", () => {
    write(".next/BUILD_ID", "abc");
    recordBuild(root);
    expect(buildNeeded(root)).toBeNull();
    write("lib/x.ts", "export const x = 2;");
    expect(buildNeeded(root)).toMatch(/^The code has changed/);
  });

  it("notices added files and dependency changes, and ignores tests and generated code", () => {
    const before = sourceFingerprint(root);
    write("lib/x.test.ts", "test");
    write("lib/generated/prisma/client.ts", "generated");
    expect(sourceFingerprint(root)).toBe(before);
    write("components/new.tsx", "x");
    const withComponent = sourceFingerprint(root);
    expect(withComponent).not.toBe(before);
    write("package-lock.json", '{"lockfileVersion":3}');
    expect(sourceFingerprint(root)).not.toBe(withComponent);
  });
});
