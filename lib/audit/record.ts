import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/** Records who did what; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, entry: AuditEntry) {
  await tx.auditEvent.create({ data: entry, select: { id: true } });
}
