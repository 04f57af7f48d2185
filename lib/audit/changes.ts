/** One field an audit event changed: its value before and after, as text (null: not set). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

type Fields = Record<string, unknown>;

const fieldsOf = (value: unknown): Fields => (value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : {});

function shown(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** "publicationDate" → "publication date". */
const fieldName = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/**
 * The fields an event's before and after differ in (a creation has only an after, a
 * deletion only a before), in the order the event recorded them.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const from = fieldsOf(before);
  const to = fieldsOf(after);
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys
    .map((key) => ({ field: fieldName(key), before: shown(from[key]), after: shown(to[key]) }))
    .filter((change) => change.before !== change.after);
}
