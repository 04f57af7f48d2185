import "server-only";
import { prisma } from "@/lib/db/client";

/** What a long piece of work tells as it goes: how many of its steps are done, and (when it changes) what it is doing. */
export interface Progress {
  advance(done: number, label?: string): void;
}

/** Where the work was started without a progress id (a test, a script): nobody asks. */
export const NO_PROGRESS: Progress = { advance() {} };

/** Often enough for a bar that moves smoothly, rarely enough to cost nothing beside the work. */
const WRITE_EVERY_MS = 250;
/** Rows of work that never finished (a server killed mid-way) are removed after this. */
const FORGET_AFTER_MS = 60 * 60 * 1000;

export interface ProgressOf {
  userId: string;
  /** The id the page chose; none: nobody asks, nothing is written. */
  progressId?: string | null;
  label: string;
  total: number;
}

/**
 * Runs `work`, keeping how far it has got in the database, where the page that started it
 * reads it (GET /api/progress/<id>), whichever app server answers. The writes go through their
 * own connections, outside the work's transaction, one after another and never awaited by the
 * work; a failed write only leaves the bar where it was. The row is removed when the work ends.
 */
export async function withProgress<T>({ userId, progressId, label, total }: ProgressOf, work: (progress: Progress) => Promise<T>): Promise<T> {
  if (!progressId) return work(NO_PROGRESS);
  const where = { userId_id: { userId, id: progressId } };
  let writes: Promise<unknown> = prisma.workProgress.deleteMany({ where: { updatedAt: { lt: new Date(Date.now() - FORGET_AFTER_MS) } } });
  let lastWrite = 0;
  let current = label;
  const write = (done: number) => {
    lastWrite = Date.now();
    const row = { label: current, done, total };
    writes = writes.then(() => prisma.workProgress.upsert({ where, create: { userId, id: progressId, ...row }, update: row })).catch(() => undefined);
  };
  write(0);
  const progress: Progress = {
    advance(done, newLabel) {
      const relabelled = newLabel !== undefined && newLabel !== current;
      if (newLabel !== undefined) current = newLabel;
      if (relabelled || Date.now() - lastWrite >= WRITE_EVERY_MS) write(done);
    },
  };
  try {
    return await work(progress);
  } finally {
    await writes;
    await prisma.workProgress.deleteMany({ where: { userId, id: progressId } }).catch(() => undefined);
  }
}
