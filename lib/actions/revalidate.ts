import "server-only";
import { revalidatePath } from "next/cache";

/**
 * After a change, the article pages that show it are rendered anew on their next request.
 * A claim shows on its article's page and, through its evidence passages, on the pages of
 * the articles they quote: actions read all of them before the change (articleIdsOfClaim).
 */
export function revalidateArticles(articleIds: Iterable<string>) {
  for (const id of new Set(articleIds)) revalidatePath(`/articles/${id}`);
}
