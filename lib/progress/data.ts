import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import type { WorkProgressState } from "@/lib/progress/schemas";

/** How far the actor's own piece of work has got; someone else's, or work that has ended, is not found. */
export async function readProgress(actor: Actor, id: string): Promise<WorkProgressState> {
  const row = await prisma.workProgress.findUnique({ where: { userId_id: { userId: actor.id, id } }, select: { label: true, done: true, total: true } });
  if (!row) throw new NotFoundError("That work in progress");
  return row;
}
