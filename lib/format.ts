// Dates are shown in UTC so the server's and the reader's rendering agree.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(date: Date | null | undefined) {
  return date ? dateFormat.format(date) : null;
}

/** YYYY-MM-DD for date inputs. */
export function isoDate(date: Date | null | undefined) {
  return date ? date.toISOString().slice(0, 10) : "";
}

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** A BCP 47 tag in words ("pt-BR" → "Brazilian Portuguese"); the tag itself for one without a name. */
export function languageName(tag: string) {
  return languageNames.of(tag) ?? tag;
}

/** For timestamps that may arrive as JSON strings. */
export function formatDateTime(value: Date | string | null | undefined) {
  return value ? `${dateTimeFormat.format(new Date(value))} UTC` : null;
}
