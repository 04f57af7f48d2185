import "server-only";
import { z } from "zod";
import { getCurrentUser, isSessionUserDisabled, type Actor } from "@/lib/auth/current-user";
import { ACCOUNT_DISABLED_MESSAGE } from "@/lib/auth/messages";
import { BulkRefusedError, ConflictError, DuplicateArticleError, FieldError, UnauthenticatedError, UserFacingError } from "@/lib/errors";
import type { FormAction, FormState } from "@/lib/actions/form-state";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, isTransactionExpired, TRANSACTION_TOO_LONG_MESSAGE } from "@/lib/db/unavailable";

/**
 * Every form's Server Action goes through here: the caller must be signed in, the
 * input must pass its zod schema and hold only text PostgreSQL can store (no NUL), and
 * only expected errors reach the browser.
 * Authorisation and the audit event live in the data-layer function `run` calls.
 */
/** What `run` returns: a message for the user, or a message and data for the client. */
type ActionOutcome<Data> = string | { message: string; data: Data };

// A `run` that returns only a message gives an action without data; one that returns data
// gives an action whose successful state carries that data's type to the client.
export function formAction<Schema extends z.ZodType>(schema: Schema, run: (actor: Actor, input: z.output<Schema>) => Promise<string>): FormAction<undefined>;
export function formAction<Schema extends z.ZodType, Data>(schema: Schema, run: (actor: Actor, input: z.output<Schema>) => Promise<ActionOutcome<Data>>): FormAction<Data>;
export function formAction<Schema extends z.ZodType>(schema: Schema, run: (actor: Actor, input: z.output<Schema>) => Promise<ActionOutcome<unknown>>) {
  // A message-only outcome's state has no `data` at all (typed by the first signature as undefined).
  return async function action(_previous: FormState, formData: FormData): Promise<FormState | { status: "ok"; message: string }> {
    try {
      const actor = await getCurrentUser();
      // A session that stopped counting because its user was disabled says so (the session proves the password was known).
      if (!actor) return { status: "error", message: (await isSessionUserDisabled()) ? ACCOUNT_DISABLED_MESSAGE : new UnauthenticatedError().message };

      const parsed = schema.safeParse(fieldsOf(formData));
      if (!parsed.success) return invalidFields(z.flattenError(parsed.error).fieldErrors as FormState["fieldErrors"]);
      const unstorable = Object.entries(parsed.data as Record<string, unknown>).filter(([, value]) => typeof value === "string" && !isStorableText(value));
      if (unstorable.length > 0) return invalidFields(Object.fromEntries(unstorable.map(([field]) => [field, [UNSTORABLE_TEXT_MESSAGE]])));
      const outcome = await run(actor, parsed.data);
      return typeof outcome === "string" ? { status: "ok", message: outcome } : { status: "ok", ...outcome };
    } catch (error) {
      return errorState(error);
    }
  };
}

function invalidFields(fieldErrors: FormState["fieldErrors"]): FormState<never> {
  return { status: "error", message: "Please correct the marked fields.", fieldErrors };
}

// Next adds its own "$ACTION_…" entries to a form's data; they are not input. Each field
// is an own property (a field named "__proto__" never becomes the object's prototype).
function fieldsOf(formData: FormData) {
  return Object.fromEntries([...formData].filter(([key]) => !key.startsWith("$ACTION")));
}

export function errorState(error: unknown): FormState<never> {
  if (error instanceof FieldError) {
    return { status: "error", message: error.message, fieldErrors: { [error.field]: [error.message] } };
  }
  if (error instanceof BulkRefusedError) {
    return { status: "error", message: error.message, refusals: error.refusals };
  }
  if (error instanceof DuplicateArticleError) {
    return { status: "error", message: error.message, duplicates: error.duplicates };
  }
  if (error instanceof ConflictError) {
    return { status: "error", message: error.message, current: error.current };
  }
  if (error instanceof UserFacingError) {
    return { status: "error", message: error.message };
  }
  // Redirects and notFound() are control flow that Next must see.
  if (isNextControlFlow(error)) throw error;
  // Not a bug in this request: the user is asked to retry.
  if (isDatabaseUnavailable(error)) return { status: "error", message: DATABASE_UNAVAILABLE_MESSAGE };
  if (isTransactionExpired(error)) return { status: "error", message: TRANSACTION_TOO_LONG_MESSAGE };
  console.error("Unexpected error in a Server Action", error);
  return { status: "error", message: "Something went wrong and nothing was saved. Please try again." };
}

function isNextControlFlow(error: unknown) {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_");
}
