/**
 * Progress of long command-line work (backups, restores): a bar with counts, redrawn in
 * place on a terminal and printed as a line every tenth of the way otherwise (CI logs,
 * pipes), so a log shows progress without thousands of lines.
 */

export interface Progress {
  /** How far, from 0 to 1. */
  fraction: number;
  /** What the counts are about, e.g. "Backing up Claim". */
  label: string;
  /** Rows done so far, and of how many when known. */
  rows: number;
  totalRows?: number;
}

const BAR_WIDTH = 24;
const REDRAW_INTERVAL_MS = 100;

/** One line: `[#########...............]  38%  Backing up Claim  12,345 of 32,000 rows`. */
export function progressLine({ fraction, label, rows, totalRows }: Progress): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(clamped * BAR_WIDTH);
  const percent = `${Math.floor(clamped * 100)}%`.padStart(4);
  const counts = totalRows === undefined ? `${rows.toLocaleString("en")} rows` : `${rows.toLocaleString("en")} of ${totalRows.toLocaleString("en")} rows`;
  return `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${percent}  ${label}  ${counts}`;
}

interface Output {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * A reporter for `onProgress` callbacks. `done()` ends the bar's line. The clock is a
 * parameter so tests can drive it.
 */
export function progressReporter(output: Output = process.stderr, now: () => number = Date.now) {
  let lastDraw = -Infinity;
  let lastTenth = -1;
  let drawn = false;
  return {
    report(progress: Progress) {
      if (output.isTTY) {
        const time = now();
        if (time - lastDraw < REDRAW_INTERVAL_MS && progress.fraction < 1) return;
        lastDraw = time;
        const line = progressLine(progress).slice(0, Math.max(20, (output.columns ?? 80) - 1));
        output.write(`\r\x1b[2K${line}`);
        drawn = true;
      } else {
        const tenth = Math.floor(Math.min(1, progress.fraction) * 10);
        if (tenth <= lastTenth) return;
        lastTenth = tenth;
        output.write(`${progressLine(progress)}\n`);
      }
    },
    done() {
      if (drawn) output.write("\n");
      drawn = false;
    },
  };
}
