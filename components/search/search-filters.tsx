import { VerdictFilterOptions } from "@/components/ratings/verdict-filter-options";
import { MAX_QUERY_CHARS } from "@/lib/search/query";
import type { SearchFilters } from "@/lib/search/types";
import { languageName } from "@/lib/format";

/**
 * The search form: the query and the filters, sent as GET parameters so every search has
 * a URL (shareable, bookmarkable, back-button friendly). Parameters that were invalid are
 * shown with their message and were ignored by the search.
 */
export function SearchForm({
  q,
  filters,
  outlets,
  languages,
  errors,
}: {
  q: string;
  filters: SearchFilters;
  outlets: string[];
  /** The languages of the articles the viewer may see (BCP 47 tags). */
  languages: string[];
  errors: Record<string, string>;
}) {
  const error = (name: string) =>
    errors[name] ? (
      <p id={`search-${name}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null;
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `search-${name}-error` } : {});
  return (
    <form action="/search" method="get" className="search-form card" role="search" aria-label="Search and filters">
      <div className="search-form__query">
        <label htmlFor="search-q" className="sr-only">
          Search for
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder='Words, "a phrase", this OR that, -not'
          maxLength={MAX_QUERY_CHARS * 4}
          autoFocus={q === ""}
        />
        <button type="submit" className="button">
          Search
        </button>
      </div>
      <p className="field-hint">
        Use quotes for a phrase (<code>&quot;pre-2014 borders&quot;</code>), <code>OR</code> for either word, and a minus to leave a word out (<code>-NATO</code>).
      </p>
      <fieldset className="search-filters">
        <legend className="sr-only">Filters</legend>
        <label>
          <span>Outlet</span>
          <select name="outlet" defaultValue={filters.outlet ?? ""} {...described("outlet")}>
            <option value="">All outlets</option>
            {outlets.map((outlet) => (
              <option key={outlet} value={outlet}>
                {outlet}
              </option>
            ))}
          </select>
          {error("outlet")}
        </label>
        <label>
          <span>Language</span>
          <select name="language" defaultValue={filters.language ?? ""} {...described("language")}>
            <option value="">All languages</option>
            {languages.map((language) => (
              <option key={language} value={language}>
                {languageName(language)}
              </option>
            ))}
          </select>
          {error("language")}
        </label>
        <label>
          <span>Published from</span>
          <input type="date" name="from" defaultValue={filters.from ?? ""} {...described("from")} />
          {error("from")}
        </label>
        <label>
          <span>to</span>
          <input type="date" name="to" defaultValue={filters.to ?? ""} {...described("to")} />
          {error("to")}
        </label>
        <label>
          <span>Claims</span>
          <select name="claims" defaultValue={filters.claims ?? ""} {...described("claims")}>
            <option value="">Any passage</option>
            <option value="with">Passages with a claim</option>
            <option value="without">Passages without claims</option>
          </select>
          {error("claims")}
        </label>
        <label>
          <span>Verdict</span>
          <select name="verdict" defaultValue={filters.verdict ?? ""} {...described("verdict")}>
            <VerdictFilterOptions anyLabel="Any verdict" />
          </select>
          {error("verdict")}
        </label>
      </fieldset>
      {error("page")}
    </form>
  );
}
