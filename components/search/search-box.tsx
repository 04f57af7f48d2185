/** The header's search box: a plain GET form, so it works before any script has loaded. */
export function SearchBox() {
  return (
    <form action="/search" method="get" role="search" className="search-box">
      <label htmlFor="header-search" className="sr-only">
        Search passages
      </label>
      <input id="header-search" name="q" type="search" placeholder="Search passages…" autoComplete="off" maxLength={500} />
    </form>
  );
}
