"use client";

import { createContext, useContext, useId, useRef, useState } from "react";
import { mentionQueryAt } from "@/lib/notifications/mentions";

/** Someone who can be @mentioned: their name, and their email's local part (which also resolves). */
export interface MentionPerson {
  id: string;
  name: string;
  handle: string;
}

const MentionPeople = createContext<MentionPerson[]>([]);

/** Gives the comment and review-note fields below it the people they suggest. */
export function MentionPeopleProvider({ people, children }: { people: MentionPerson[]; children: React.ReactNode }) {
  return <MentionPeople.Provider value={people}>{children}</MentionPeople.Provider>;
}

const MAX_SUGGESTIONS = 6;

/**
 * A textarea that suggests people while an @name is typed: an ARIA 1.2 combobox with a listbox
 * popup. Arrow keys move through the suggestions, Enter or Tab inserts "@Full Name ", Escape
 * closes the list; typing on without choosing leaves the text as typed.
 */
export function MentionTextarea(props: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; name: string }) {
  const people = useContext(MentionPeople);
  const listId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);

  const needle = query?.query.toLowerCase() ?? "";
  const suggestions = query
    ? people.filter((p) => p.name.toLowerCase().startsWith(needle) || p.name.toLowerCase().includes(` ${needle}`) || p.handle.startsWith(needle)).slice(0, MAX_SUGGESTIONS)
    : [];
  const open = suggestions.length > 0;

  function update() {
    const el = area.current;
    if (!el) return;
    setQuery(mentionQueryAt(el.value, el.selectionStart));
    setActive(0);
  }

  function choose(person: MentionPerson) {
    const el = area.current;
    if (!el || !query) return;
    const before = el.value.slice(0, query.start);
    const after = el.value.slice(el.selectionStart);
    const inserted = `@${person.name} `;
    el.value = `${before}${inserted}${after.replace(/^\S*/, "").replace(/^ /, "")}`;
    const caret = before.length + inserted.length;
    el.setSelectionRange(caret, caret);
    el.focus();
    setQuery(null);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(suggestions[active]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setQuery(null);
    }
  }

  return (
    <div className="mention-field">
      <textarea
        {...props}
        ref={area}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onInput={update}
        onClick={update}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      <ul id={listId} role="listbox" aria-label="People to mention" className="mention-suggestions" hidden={!open}>
        {suggestions.map((person, index) => (
          <li
            key={person.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // Chosen on mouse down, before the textarea's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(person);
            }}
          >
            {person.name} <span className="muted">@{person.handle}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
