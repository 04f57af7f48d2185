/** What the account page and a refused request say when the server has no SMTP settings. */
export const MAIL_NOT_SET_UP = "Email is not set up on this server; ask an administrator.";
