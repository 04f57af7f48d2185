import { randomBytes } from "node:crypto";

/**
 * A new record id for rows written without Prisma (which makes its ids the same way
 * on the client): "c", the time in base 36, then random base-36 characters; 25 in all,
 * like Prisma's cuid(), so ids look alike and sort roughly by creation time.
 */
export function newRecordId(): string {
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  let random = "";
  for (const byte of randomBytes(16)) random += (byte % 36).toString(36);
  return `c${time}${random}`;
}
