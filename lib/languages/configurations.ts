import type { Db, Tx } from "@/lib/db/client";
import { textSearchConfigurationsStatement } from "@/lib/search/statements";
import { searchConfiguration } from "@/lib/languages/text-search";

/**
 * The configuration that indexes the text of an article in `language` on this database, which
 * may lack one PostgreSQL ships elsewhere (PostgreSQL 15 has no Estonian; PGlite 0.5 has it).
 */
export async function configurationFor(db: Tx | Db, language: string | null): Promise<string> {
  const rows = await db.$queryRaw<Array<{ name: string }>>(textSearchConfigurationsStatement);
  return searchConfiguration(language, new Set(rows.map((row) => row.name)));
}
