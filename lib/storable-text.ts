/**
 * Whether text can be stored and looked up as it is: PostgreSQL refuses U+0000 (NUL) in
 * text, and a lone surrogate (half of a UTF-16 pair, which no browser sends) is not Unicode
 * at all. Input holding either is refused where it comes in (forms, route parameters), with
 * a message, rather than failing in the database.
 */
export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

export const UNSTORABLE_TEXT_MESSAGE = "This has a character that cannot be saved (a NUL or a broken Unicode character): remove it and try again.";
