import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Where e2e/serve.ts keeps the test server's data folder (its generated auth secret) and database. */
export interface ServerInfo {
  dataDir: string;
  databaseUrl: string | null;
}

/** One per port, so test runs on other ports do not share it. */
export function serverInfoFile(port = process.env.PORT ?? process.env.E2E_PORT ?? "3100") {
  return path.join(os.tmpdir(), `verity-e2e-server-${port}.json`);
}

export function readServerInfo(): ServerInfo {
  return JSON.parse(readFileSync(serverInfoFile(), "utf8")) as ServerInfo;
}
