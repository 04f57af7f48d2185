/** What the login page tells a user whose session stopped counting, and why. */
export const SESSION_ENDED_MESSAGE = "Your session has ended. Please sign in again.";
export const ACCOUNT_DISABLED_MESSAGE = "This account has been disabled. Ask an administrator.";
