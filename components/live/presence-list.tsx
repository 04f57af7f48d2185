import type { UserRef } from "@/lib/claims/types";

/** Initials for an avatar: the first letters of the first and last words of a name. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = [...words[0]][0] ?? "";
  const last = words.length > 1 ? ([...words.at(-1)!][0] ?? "") : "";
  return (first + last).toUpperCase();
}

/** Who else has the article open: initials in circles, with the names as text for everyone. */
export function PresenceList({ viewers }: { viewers: UserRef[] }) {
  if (viewers.length === 0) return null;
  const names = viewers.map((viewer) => viewer.name).join(", ");
  return (
    <div className="presence" data-testid="presence">
      <span className="sr-only">Also viewing: {names}</span>
      <ul className="presence__list" aria-hidden="true">
        {viewers.map((viewer) => (
          <li key={viewer.id} className="presence__avatar" title={viewer.name}>
            {initials(viewer.name)}
          </li>
        ))}
      </ul>
      <span className="presence__label" aria-hidden="true">
        {viewers.length === 1 ? `${viewers[0].name} is also here` : `${viewers.length} others here`}
      </span>
    </div>
  );
}
