import type { ClaimConflict } from "@/lib/claims/types";

/**
 * Errors the user is meant to see. Anything else thrown by the data layer is
 * unexpected: it is logged on the server and the user gets one generic message.
 */
export class UserFacingError extends Error {}

/** Not signed in, or the session stopped being valid. */
export class UnauthenticatedError extends UserFacingError {
  constructor() {
    super("Your session has ended. Sign in again.");
  }
}

export class ForbiddenError extends UserFacingError {
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}

export class NotFoundError extends UserFacingError {
  constructor(what = "That record") {
    super(`${what} was not found.`);
  }
}

/** Input that passed the schema but breaks a rule only the data layer can check. */
export class FieldError extends UserFacingError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Someone else changed the record since the user read it; `current` is the record as it is
 * now. Claims are the records edited with a version, so that is what forms are given.
 */
export class ConflictError<Current = ClaimConflict> extends UserFacingError {
  constructor(
    message: string,
    readonly current: Current,
  ) {
    super(message);
  }
}

/** An article already in Verity, as an import that would copy it names it. */
export interface ExistingArticle {
  id: string;
  title: string;
  outlet: string;
  reason: "url" | "text";
}

/** An import of an article Verity already has: the editor opens the existing one or imports anyway. */
export class DuplicateArticleError extends UserFacingError {
  constructor(readonly duplicates: ExistingArticle[]) {
    super(
      duplicates[0].reason === "url"
        ? "An article with this web address is already in Verity. Open it, or import this one anyway as a separate article."
        : "An article with the same text is already in Verity. Open it, or import this one anyway as a separate article.",
    );
  }
}

/** One claim of a bulk action that could not be changed, and why. */
export interface ClaimRefusal {
  claimId: string;
  message: string;
}

/** A bulk action refused for some of its claims: nothing was changed, and each refusal says why. */
export class BulkRefusedError extends UserFacingError {
  constructor(readonly refusals: ClaimRefusal[]) {
    super(
      refusals.length === 1
        ? "One of the chosen claims cannot be changed, so none was. See the claim marked below."
        : `${refusals.length} of the chosen claims cannot be changed, so none was. See the claims marked below.`,
    );
  }
}
