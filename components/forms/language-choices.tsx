import { languageName } from "@/lib/format";
import { STEMMED_LANGUAGES } from "@/lib/languages/text-search";

/** Suggestions for a language field (`list={id}`): the languages search stems, by name; any other tag may be typed. */
export function LanguageChoices({ id }: { id: string }) {
  return (
    <datalist id={id}>
      {STEMMED_LANGUAGES.map((tag) => (
        <option key={tag} value={tag}>
          {languageName(tag)}
        </option>
      ))}
    </datalist>
  );
}
