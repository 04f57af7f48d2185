import { z } from "zod";
import { omittable } from "@/lib/validation/fields";

const NOT_A_PROGRESS_ID = "A progress id is a UUID the page makes.";

/**
 * The id a page gives a long piece of work (a bulk action, an import) so that it can ask how
 * far the work has got while it runs (GET /api/progress/<id>). Empty: nobody asks.
 */
export const progressIdField = omittable(z.union([z.literal(""), z.uuid({ error: NOT_A_PROGRESS_ID })], { error: NOT_A_PROGRESS_ID }))
  .transform((v) => v || null)
  .optional();

export const progressParams = z.object({ id: z.uuid({ error: "There is no work in progress with this id." }) });

/** What GET /api/progress/<id> answers. */
export interface WorkProgressState {
  label: string;
  done: number;
  total: number;
}
