/**
 * How long a transaction may wait for a connection (`maxWait`) and run from its start
 * (`timeout`), by kind of work: every limit is here. Past its timeout Prisma refuses the
 * transaction's next statement and rolls it back, so the user must start again; a limit is
 * there to end a transaction that is stuck, not one that is working.
 */
export const TRANSACTION_LIMITS = {
  /**
   * Every transaction not named below. Prisma's defaults (2 s to get a connection, 5 s to
   * finish) turned a busy moment into an error the user must retry: a burst of saves on one
   * claim on a loaded machine. Waiting longer is the better answer; a database that is down
   * still fails at once.
   */
  default: { maxWait: 10_000, timeout: 20_000 },
  /** A bulk action: up to a thousand claims, each read, changed and audited (seconds on a busy server). */
  bulk: { maxWait: 10_000, timeout: 120_000 },
  /**
   * An article's text imported, or a new version of it: up to 2 MB (MAX_SOURCE_BYTES) split into
   * some 13,000 passages whose search vectors and indexes the database computes in the
   * transaction. A 1 MB import took over 9 s on the embedded database at 100,000 passages on a
   * loaded machine (bench/README.md, search-scale), and failed there at the default limit.
   */
  articleText: { maxWait: 10_000, timeout: 120_000 },
} as const;
