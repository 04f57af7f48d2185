/**
 * Faults benchmark (issue #8), two scenarios:
 *
 * 1. PostgreSQL restarted in the middle of the load benchmark's workload. A private
 *    PostgreSQL 15 server of its own (never the machine's shared one: it is stopped on
 *    purpose) in a temporary folder, run as the `postgres` user when we are root; the app on
 *    it; 50 simulated users; after FAULTS_OUTAGE_AFTER s the server is stopped (`pg_ctl stop
 *    -m fast`) for FAULTS_OUTAGE s and started again; the users go on. What every failed
 *    request got (the database-unavailable message, in a form's state, a 503, or the error
 *    page; never a generic error), how long after the database was back the first request
 *    succeeded, and the load benchmark's consistency checks (nothing half-written).
 *
 * 2. The embedded database, the app killed with SIGKILL (its whole process group: the
 *    database lives in `npm start`'s process) in the middle of writes, then started again
 *    on the same folder: it must start (the killed process's lock is stale), and every
 *    write that was acknowledged must be there, with the same consistency checks.
 */
import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  auditMark,
  checkFigures,
  checkLoad,
  driveLoad,
  fillLoad,
  kindDetails,
  signInAll,
  type LoadWorkload,
  type Outcome,
} from "@/bench/load";
import { AppClient } from "@/bench/app-client";
import { benchDatabase, report, startApp, type Figure } from "@/bench/support";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/unavailable";

const run = promisify(execFile);
const PG_BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";
const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 5499);
const PORT = Number(process.env.BENCH_PORT ?? 3350);
const EMBEDDED_DB_PORT = Number(process.env.BENCH_DB_PORT ?? 3352);
const OUTAGE_AFTER = Number(process.env.FAULTS_OUTAGE_AFTER ?? 15);
const OUTAGE = Number(process.env.FAULTS_OUTAGE ?? 5);
const AFTER_OUTAGE = Number(process.env.FAULTS_AFTER_OUTAGE ?? 20);
const KILL_AFTER = Number(process.env.FAULTS_KILL_AFTER ?? 10);
const RECOVERY_TARGET_S = 5;

/** A PostgreSQL server of the benchmark's own, in a temporary folder, trusting local connections. */
class PrivatePostgres {
  readonly url = `postgresql://postgres@127.0.0.1:${PG_PORT}/postgres`;
  private constructor(private readonly dir: string) {}

  static async create() {
    const dir = mkdtempSync(path.join(os.tmpdir(), "verity-faults-pg-"));
    const server = new PrivatePostgres(dir);
    if (process.getuid?.() === 0) chownSync(dir, Number((await run("id", ["-u", "postgres"])).stdout), Number((await run("id", ["-g", "postgres"])).stdout));
    await server.pg("initdb", ["-D", server.data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-instructions"]);
    await server.start();
    return server;
  }

  private get data() {
    return path.join(this.dir, "data");
  }

  /** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
  private pg(program: string, args: string[]) {
    const command = path.join(PG_BIN, program);
    return process.getuid?.() === 0 ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args);
  }

  /** Starts the server and waits until it accepts connections. */
  start() {
    const options = `-p ${PG_PORT} -k ${this.dir} -c listen_addresses=127.0.0.1`;
    return this.pg("pg_ctl", ["start", "-w", "-D", this.data, "-l", path.join(this.dir, "log"), "-o", options]);
  }

  /** Stops it as an administrator's restart does: sessions are ended, open transactions rolled back. */
  stop() {
    return this.pg("pg_ctl", ["stop", "-w", "-m", "fast", "-D", this.data]);
  }

  async destroy() {
    await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Whether a failed request told the user, in so many words, that the database is unavailable and to retry. */
function saidUnavailable(outcome: Outcome) {
  return outcome.message === DATABASE_UNAVAILABLE_MESSAGE && (outcome.status === 200 || outcome.status === 500 || outcome.status === 503);
}

async function restartScenario(): Promise<{ figures: Figure[]; details: ReturnType<typeof kindDetails>; context: Record<string, unknown> }> {
  const postgres = await PrivatePostgres.create();
  try {
    let workload!: LoadWorkload;
    const database = await benchDatabase(async (db) => {
      workload = await fillLoad(db);
    }, postgres.url);
    let app: Awaited<ReturnType<typeof startApp>> | undefined;
    try {
      app = await startApp(database.appEnv, PORT);
      const databaseUrl = database.appEnv.DATABASE_URL!;
      const clients = await signInAll(app.url, workload);
      const mark = await auditMark(databaseUrl);
      const load = driveLoad(clients, workload, OUTAGE_AFTER + OUTAGE + AFTER_OUTAGE);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_AFTER * 1000));
      const stopping = performance.now();
      await postgres.stop();
      const down = performance.now();
      await new Promise((resolve) => setTimeout(resolve, OUTAGE * 1000));
      await postgres.start();
      const back = performance.now();
      const { outcomes, acks, seconds } = await load;
      const check = await checkLoad(databaseUrl, { outcomes, acks, seconds }, mark);

      const failed = outcomes.filter((o) => o.result === "error");
      const unclear = failed.filter((o) => !saidUnavailable(o));
      const firstOk = outcomes.filter((o) => o.result === "ok" && o.started >= back).map((o) => o.started + o.ms).sort((a, b) => a - b)[0];
      const recovery = firstOk === undefined ? Infinity : (firstOk - back) / 1000;
      const lateFailures = failed.filter((o) => o.started >= back + RECOVERY_TARGET_S * 1000).length;
      const answers = new Map<string, number>();
      for (const o of failed) {
        const key = `${o.kind}: ${o.status} ${saidUnavailable(o) ? "(the database-unavailable message)" : (o.message ?? "").slice(0, 200)}`;
        answers.set(key, (answers.get(key) ?? 0) + 1);
      }
      console.log(`What the failed requests got:\n${[...answers].map(([answer, n]) => `  ${n} × ${answer}`).join("\n")}`);
      if (check.examples.length > 0) console.log(`Consistency problems, the first:\n  ${check.examples.join("\n  ")}`);
      return {
        context: {
          "outage at": `${OUTAGE_AFTER} s`,
          "stopping took": `${((down - stopping) / 1000).toFixed(1)} s`,
          "database down for": `${((back - down) / 1000).toFixed(1)} s`,
          requests: outcomes.length,
        },
        figures: [
          { figure: "restart: requests that failed (during the outage)", value: failed.length, unit: "", target: "", met: null },
          { figure: "restart: failed requests without the clear retry message (generic 500, stack, no answer)", value: unclear.length, unit: "", target: "0", met: unclear.length === 0 },
          { figure: "restart: database back to the first successful request", value: recovery, unit: "s", target: `<= ${RECOVERY_TARGET_S} s`, met: recovery <= RECOVERY_TARGET_S },
          { figure: `restart: requests failing more than ${RECOVERY_TARGET_S} s after the database was back`, value: lateFailures, unit: "", target: "0", met: lateFailures === 0 },
          ...checkFigures(check, true).map((f) => ({ ...f, figure: `restart: ${f.figure}` })),
        ],
        details: kindDetails(outcomes),
      };
    } finally {
      await app?.stop();
      await database.drop();
    }
  } finally {
    await postgres.destroy();
  }
}

async function killScenario(): Promise<{ figures: Figure[]; context: Record<string, unknown> }> {
  let workload!: LoadWorkload;
  const database = await benchDatabase(async (db) => {
    workload = await fillLoad(db, { reviewers: 12, editors: 4 });
  }, null);
  const appEnv = { ...database.appEnv, VERITY_DB_PORT: String(EMBEDDED_DB_PORT) };
  const databaseUrl = `postgresql://postgres@127.0.0.1:${EMBEDDED_DB_PORT}/postgres`;
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let restarted: typeof app;
  try {
    app = await startApp(appEnv, PORT + 1, { detached: true });
    const clients = await signInAll(app.url, workload);
    const mark = await auditMark(databaseUrl);
    let killed = false;
    const load = driveLoad(clients, workload, KILL_AFTER + 30, () => killed);
    await new Promise((resolve) => setTimeout(resolve, KILL_AFTER * 1000));
    await app.kill();
    killed = true;
    const { outcomes, acks, seconds } = await load;
    const inFlight = outcomes.filter((o) => o.status === 0).length;

    const restarting = performance.now();
    restarted = await startApp(appEnv, PORT + 1, { detached: true });
    const restartSeconds = (performance.now() - restarting) / 1000;
    const check = await checkLoad(databaseUrl, { outcomes, acks, seconds }, mark);
    // The restarted app serves: a user signs in and reads.
    const reader = new AppClient(restarted.url);
    await reader.signIn(workload.reviewers[0].email, workload.reviewers[0].password);
    const page = await reader.get("/articles");
    if (check.examples.length > 0) console.log(`Consistency problems, the first:\n  ${check.examples.join("\n  ")}`);
    return {
      context: { "killed after": `${KILL_AFTER} s`, "acknowledged writes": acks.length },
      figures: [
        { figure: "SIGKILL: acknowledged writes before the kill", value: acks.length, unit: "", target: "", met: null },
        { figure: "SIGKILL: requests cut off by the kill", value: inFlight, unit: "", target: "", met: null },
        { figure: "SIGKILL: the app started again on the same folder (stale lock, recovery) in", value: restartSeconds, unit: "s", target: "", met: null },
        { figure: "SIGKILL: article list after the restart (HTTP status)", value: page.status, unit: "", target: "200", met: page.status === 200 },
        ...checkFigures(check, true).map((f) => ({ ...f, figure: `SIGKILL: ${f.figure}` })),
      ],
    };
  } finally {
    await (restarted ?? app)?.stop();
    await database.drop();
  }
}

export async function runFaultsBench() {
  const restart = await restartScenario();
  const kill = await killScenario();
  report("faults", { ...restart.context, ...kill.context }, [...restart.figures, ...kill.figures], restart.details);
}
