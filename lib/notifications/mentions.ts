/**
 * `@name` mentions in comments and review notes: pure, so the server resolves a text the same
 * way its tests do. A mention names a user by their full name ("@Rita Reviewer", any case) or
 * by the local part of their email ("@rita.r" for rita.r@example.org). The longest reading that
 * fits wins, so "@Rita Reviewer" is Rita Reviewer even when another user is called "Rita".
 * An @ inside a word (an email address) is no mention; an unknown @name stays plain text.
 */

export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

/** A mention found in a text: where it starts (at the @), how long it is, and whom it names. */
export interface Mention {
  start: number;
  length: number;
  userId: string;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** What an email's local part may hold after @ in running text (a trailing dot ends a sentence). */
const LOCAL_PART = /^[\p{L}\p{N}._%+-]*[\p{L}\p{N}_%+-]/u;

export function emailLocalPart(email: string): string {
  return email.slice(0, email.lastIndexOf("@")).toLowerCase();
}

/** Every mention of one of `users` in `text`, in order. */
export function findMentions(text: string, users: readonly Mentionable[]): Mention[] {
  const names = users
    .map((user) => ({ key: user.name.trim().toLowerCase(), id: user.id }))
    .filter(({ key }) => key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
  const locals = new Map(users.map((user) => [emailLocalPart(user.email), user.id]));
  const mentions: Mention[] = [];
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    if (at > 0 && WORD_CHAR.test(text[at - 1])) continue;
    const rest = text.slice(at + 1);
    const byName = names.find(({ key }) => rest.slice(0, key.length).toLowerCase() === key && !WORD_CHAR.test(rest[key.length] ?? " "));
    const local = LOCAL_PART.exec(rest)?.[0] ?? "";
    const byLocal = locals.get(local.toLowerCase());
    // The longer reading wins: "@rita.r" is rita.r@…, not a user called Rita followed by ".r".
    if (byLocal && local.length > (byName?.key.length ?? 0)) mentions.push({ start: at, length: local.length + 1, userId: byLocal });
    else if (byName) mentions.push({ start: at, length: byName.key.length + 1, userId: byName.id });
  }
  return mentions;
}

/** The users `text` mentions, each once, in order of first mention. */
export function mentionedUserIds(text: string, users: readonly Mentionable[]): string[] {
  return [...new Set(findMentions(text, users).map((mention) => mention.userId))];
}

/**
 * The partial `@name` being typed just before `caret`, for suggestions: where its @ is and the
 * text after it (which may hold one space, as "@Rita Re" on the way to a full name), or null.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at === -1 || (at > 0 && WORD_CHAR.test(before[at - 1]))) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /\n/.test(query) || (query.match(/\s/g) ?? []).length > 2) return null;
  return { start: at, query };
}
