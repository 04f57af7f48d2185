// Dates are shown in UTC so the server's and the reader's rendering agree.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(date: Date | null | undefined) {
  return date ? dateFormat.format(date) : null;
}

/** YYYY-MM-DD for date inputs. */
export function isoDate(date: Date | null | undefined) {
  return date ? date.toISOString().slice(0, 10) : "";
}
