/**
 * The app as its own process, for benchmarks and for browser tests that need more than
 * Playwright's one server (e2e/two-servers.spec.ts). Imports nothing of the app itself.
 */
import { spawn } from "node:child_process";

/**
 * `npm start` (scripts/start.ts) on a port of its own; resolves once it serves. `detached`
 * puts it in a process group of its own, which `kill()` ends at once (SIGKILL to all of it).
 */
export async function startApp(env: Record<string, string | undefined>, port: number, options: { detached?: boolean } = {}) {
  const appEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}` };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete appEnv[key];
    else appEnv[key] = value;
  }
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: appEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The app did not start in time:\n${output}`)), 300_000);
    app.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
      if (output.includes("Verity is running at")) {
        clearTimeout(timer);
        resolve();
      }
    });
    app.stderr.on("data", (chunk: Buffer) => (output += chunk));
    app.on("exit", (code) => reject(new Error(`The app exited (${code}):\n${output}`)));
  });
  return {
    url: `http://localhost:${port}`,
    pid: app.pid!,
    /** Everything the app has printed so far (its errors, for a benchmark's report). */
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        app.removeAllListeners("exit");
        if (app.exitCode !== null || app.signalCode !== null) return resolve();
        app.on("exit", () => resolve());
        app.kill("SIGTERM");
      }),
    kill: () =>
      new Promise<void>((resolve) => {
        if (!options.detached) throw new Error("Only a detached app can be killed with its process group.");
        app.removeAllListeners("exit");
        app.on("exit", () => resolve());
        process.kill(-app.pid!, "SIGKILL");
      }),
  };
}
